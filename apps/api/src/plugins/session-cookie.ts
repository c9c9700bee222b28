import cookie from '@fastify/cookie';
import { endSession, type IssuedSession, type Session } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'madoguchi_session';

export async function registerCookies(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
}

/**
 * The session token lives only in this cookie: HttpOnly (no script reads it), Secure (browsers
 * treat localhost as secure too), SameSite=Strict (no cross-site request carries it).
 */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
}

/** What a login answers and `GET /api/v1/session` shows: never the token. */
export function sessionInfo(session: Session) {
  return {
    lgCode: session.lgCode,
    subjectKind: session.subjectKind,
    // The account's own id (a resident's 宛名番号, a staff id): it lets the page say "you".
    subjectId: session.subjectId,
    assuranceLevel: session.assuranceLevel,
    method: session.method,
    expiresAt: session.expiresAt.toISOString(),
  };
}

/**
 * After a successful login: ends the session the browser had before (a weaker login must not
 * stay valid beside the new one), sets the new cookie, and gives the body to answer with.
 */
export async function startBrowserSession(
  db: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  issued: IssuedSession,
): Promise<ReturnType<typeof sessionInfo>> {
  await endSession(db, request.cookies[SESSION_COOKIE]);
  setSessionCookie(reply, issued.token, issued.session.expiresAt);
  return sessionInfo(issued.session);
}
