import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type SessionPolicy } from '../../platform/auth/authenticate';

/** The session cookie, set the same way by every sign-in (password, setup, single sign-on). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, value: string, policy: SessionPolicy) {
  reply.setCookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    path: '/',
    // The cookie never outlives the session's absolute end; the server enforces both limits anyway.
    maxAge: policy.maxDays * 86_400,
  });
}
