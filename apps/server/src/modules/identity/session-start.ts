import type { FastifyReply, FastifyRequest } from 'fastify';
import { describeUserAgent } from '@fortytwo/domain';
import type { AppDeps } from '../../platform/http/app';
import { sha256 } from '../../platform/auth/secrets';
import { newSecret, nowIso } from '../../platform/ids';
import { setSessionCookie } from './session-cookie';
import { createSession, type SessionClient } from './sessions';
import { sendNewDeviceNotice } from './emails';

// Every sign-in (password, single sign-on, first-run setup) starts its session here, so each one
// records where it came from and each one can tell the person about a device they never used.

/** A long-lived random value naming this browser; the database keeps only its hash, per user. */
export const DEVICE_COOKIE = 'ft_device';
const DEVICE_COOKIE_DAYS = 400; // the longest a browser keeps a cookie

type SignedIn = { id: string; name: string; email: string };

export async function startSession(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  user: SignedIn,
  via: SessionClient['via'],
) {
  const userAgent = req.headers['user-agent'] ?? null;
  const session = await createSession(deps, user.id, deps.config.sessions, { userAgent, ip: req.ip, via });
  setSessionCookie(req, reply, session.cookieValue, deps.config.sessions);
  const isNew = await recognizeDevice(deps, req, reply, user.id, userAgent);
  // The first device of an account (its setup, its first sign-in) is not news; a later new one is.
  if (isNew === 'new_device' && via !== 'setup') {
    // Not awaited: the sign-in does not wait for the mail server; a failure is logged by the mailer.
    void sendNewDeviceNotice(
      { config: deps.config, log: (m) => req.log.warn(m) },
      { email: user.email, name: user.name, device: describeUserAgent(userAgent), ip: req.ip, at: nowIso(), via },
    );
  }
  return session;
}

async function recognizeDevice(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  userId: string,
  userAgent: string | null,
): Promise<'known' | 'first_device' | 'new_device'> {
  const presented = req.cookies[DEVICE_COOKIE];
  const device = presented && /^[A-Za-z0-9_-]{43}$/.test(presented) ? presented : newSecret();
  if (device !== presented) {
    reply.setCookie(DEVICE_COOKIE, device, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      path: '/',
      maxAge: DEVICE_COOKIE_DAYS * 86_400,
    });
  }
  const now = nowIso();
  const deviceHash = sha256(device);
  const inserted = await deps.db
    .insertInto('knownDevices')
    .values({ userId, deviceHash, userAgent: userAgent?.slice(0, 512) ?? null, firstSeenAt: now, lastSeenAt: now })
    .onConflict((oc) => oc.columns(['userId', 'deviceHash']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    await deps.db
      .updateTable('knownDevices')
      .set({ lastSeenAt: now })
      .where('userId', '=', userId)
      .where('deviceHash', '=', deviceHash)
      .execute();
    return 'known';
  }
  const others = await deps.db
    .selectFrom('knownDevices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('userId', '=', userId)
    .where('deviceHash', '!=', deviceHash)
    .executeTakeFirstOrThrow();
  return Number(others.n) > 0 ? 'new_device' : 'first_device';
}
