import { createHash, randomBytes } from 'node:crypto';
import type { Database, DB } from '@madoguchi/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors';
import { parseLgCode } from '../../tenants/lg-code';
import { endSessionRow, findSession, insertSession, touchSession } from './session.repository';
import { ASSURANCE_BY_METHOD, type IssuedSession, type NewSession, type Session } from './session.types';

export const DEFAULT_IDLE_TIMEOUT_S = 15 * 60;
export const DEFAULT_MAX_AGE_S = 8 * 60 * 60;

function hashToken(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Splits `<lg_code>.<secret>`; anything else is simply not a session. */
function parseToken(token: string): { lgCode: string; secret: string } | null {
  const match = /^(\d{6})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  try {
    return { lgCode: parseLgCode(match[1] as string), secret: match[2] as string };
  } catch {
    return null;
  }
}

/** Starts a session inside the caller's transaction (the login's audit row commits with it). */
export async function createSession(trx: Kysely<DB>, input: NewSession, now = new Date()): Promise<IssuedSession> {
  const secret = randomBytes(32).toString('base64url');
  const assuranceLevel = input.assuranceLevel ?? ASSURANCE_BY_METHOD[input.method];
  const expiresAt = new Date(now.getTime() + (input.maxAgeSeconds ?? DEFAULT_MAX_AGE_S) * 1000);
  await insertSession(trx, {
    lg_code: input.lgCode,
    token_hash: hashToken(secret),
    subject_kind: input.subjectKind,
    subject_id: input.subjectId,
    assurance_level: assuranceLevel,
    method: input.method,
    terminal_id: input.terminalId ?? null,
    zone: input.zone ?? null,
    authenticated_at: now,
    last_seen_at: now,
    idle_timeout_s: input.idleTimeoutSeconds ?? DEFAULT_IDLE_TIMEOUT_S,
    expires_at: expiresAt,
  });
  return {
    token: `${input.lgCode}.${secret}`,
    session: {
      lgCode: input.lgCode,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      assuranceLevel,
      method: input.method,
      terminalId: input.terminalId ?? null,
      zone: input.zone ?? null,
      authenticatedAt: now,
      expiresAt,
    },
  };
}

/**
 * The session behind a token, or AUTHENTICATION_REQUIRED (no such session) / SESSION_EXPIRED
 * (idle too long, past its end, or logged out). A live session's idle clock restarts.
 */
/** How often a session's last activity is written: the precision of the idle timeout. */
export const TOUCH_EVERY_MS = 15_000;

export async function resolveSession(db: Database, token: string | undefined, now = new Date()): Promise<Session> {
  const parsed = token ? parseToken(token) : null;
  if (!parsed) throw new AppError('AUTHENTICATION_REQUIRED', 'log in first', {});
  const tokenHash = hashToken(parsed.secret);
  const row = await findSession(db.kysely, parsed.lgCode, tokenHash);
  if (!row) throw new AppError('AUTHENTICATION_REQUIRED', 'log in first', {});
  const idleEnd = row.lastSeenAt.getTime() + row.idleTimeoutSeconds * 1000;
  if (row.endedAt !== null || now.getTime() >= row.expiresAt.getTime() || now.getTime() >= idleEnd) {
    if (row.endedAt === null) await endSessionRow(db.kysely, parsed.lgCode, tokenHash, now);
    throw new AppError('SESSION_EXPIRED', 'your session has ended; log in again', {});
  }
  // The idle clock moves at most every TOUCH_EVERY_MS: a write (and a commit) on every request of a
  // busy resident would cost more than the idle timeout needs (it is minutes; it may end up to this late).
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await touchSession(db.kysely, parsed.lgCode, tokenHash, now);
  }
  const { lastSeenAt: _seen, idleTimeoutSeconds: _idle, endedAt: _ended, ...session } = row;
  return session;
}

export async function endSession(db: Database, token: string | undefined, now = new Date()): Promise<void> {
  const parsed = token ? parseToken(token) : null;
  if (parsed) await endSessionRow(db.kysely, parsed.lgCode, hashToken(parsed.secret), now);
}

/** Step-up: refuses a session whose proof is weaker than the act needs (never the data). */
export function requireAssurance(session: Session, minimum: 1 | 2 | 3): void {
  if (session.assuranceLevel < minimum) {
    throw new AppError(
      'STEP_UP_REQUIRED',
      `this needs assurance level ${minimum}; your login has level ${session.assuranceLevel}`,
      {
        required: minimum,
        current: session.assuranceLevel,
      },
    );
  }
}

/** Re-authentication before sensitive staff actions: the proof must be recent. */
export function requireRecentAuthentication(session: Session, withinSeconds: number, now = new Date()): void {
  if (now.getTime() - session.authenticatedAt.getTime() > withinSeconds * 1000) {
    throw new AppError(
      'REAUTHENTICATION_REQUIRED',
      `confirm who you are again: your last proof is older than ${withinSeconds} seconds`,
      {
        withinSeconds,
      },
    );
  }
}
