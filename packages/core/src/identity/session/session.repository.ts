import type { DB } from '@madoguchi/db';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { NetworkZone } from '../../actor';
import type { AssuranceLevel, Session } from './session.types';

type Row = Selectable<DB['auth_session']>;

export interface SessionRow extends Session {
  readonly lastSeenAt: Date;
  readonly idleTimeoutSeconds: number;
  readonly endedAt: Date | null;
}

export async function insertSession(
  trx: Kysely<DB>,
  row: Omit<DB['auth_session'], 'created_at' | 'ended_at'>,
): Promise<void> {
  await trx.insertInto('auth_session').values(row).execute();
}

export async function findSession(db: Kysely<DB>, lgCode: string, tokenHash: Buffer): Promise<SessionRow | null> {
  const row = await db
    .selectFrom('auth_session')
    .selectAll()
    .where('lg_code', '=', lgCode)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row ? toSession(row) : null;
}

export async function touchSession(db: Kysely<DB>, lgCode: string, tokenHash: Buffer, now: Date): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ last_seen_at: now })
    .where('lg_code', '=', lgCode)
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function endSessionRow(
  db: Kysely<DB> | Transaction<DB>,
  lgCode: string,
  tokenHash: Buffer,
  now: Date,
): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ ended_at: now })
    .where('lg_code', '=', lgCode)
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute();
}

function toSession(row: Row): SessionRow {
  return {
    lgCode: row.lg_code,
    subjectKind: row.subject_kind,
    subjectId: row.subject_id,
    assuranceLevel: row.assurance_level as AssuranceLevel,
    method: row.method,
    terminalId: row.terminal_id,
    zone: row.zone as NetworkZone | null,
    authenticatedAt: row.authenticated_at,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
    idleTimeoutSeconds: row.idle_timeout_s,
    endedAt: row.ended_at,
  };
}
