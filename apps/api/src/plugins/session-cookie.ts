import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';

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
