import { z } from 'zod';
import { ZChangePassword, ZLogin, ZRole, ZSetup } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { REQUEST_LIMITS } from '../../platform/http/rate-limit';
import { authOf } from '../../platform/http/access';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';
import { startSession } from './session-start';
import { endMySession, listMySessions } from './my-sessions';
import { listMyOrganizations } from '../orgs/organizations';
import { ZOrganization } from '../orgs/schema';
import { ZUser } from './presenters';
import { isSetUp, setUp } from './setup';
import { logIn, logOut, signOutEverywhere } from './sessions';
import { changePassword } from './passwords';
import { passwordResetRoutes } from './password-reset-routes';
import { tokenRoutes } from './token-routes';

// Password resets are in password-reset-routes.ts and API tokens in token-routes.ts; they are
// registered here in the order they always were.
export function identityRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether first-run setup is still open',
        response: { 200: z.object({ setUp: z.boolean() }) },
      },
    },
    async () => ({ setUp: await isSetUp(deps) }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.setUp },
      schema: {
        tags,
        summary: 'First-run setup: the first user and organization (only while no user exists)',
        body: ZSetup,
      },
    },
    async (req, reply) => {
      const result = await setUp(deps, req.body);
      // Sign the new owner in at once: nobody should type a password they just chose twice.
      const session = await startSession(deps, req, reply, result.user, 'setup');
      return reply.code(201).send({ ...result, csrfToken: session.csrfToken });
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.signIn },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: ZLogin,
        response: { 200: z.object({ user: ZUser, csrfToken: z.string() }) },
      },
    },
    async (req, reply) => {
      // req.ip is the client as TRUST_PROXY allows it to be known (config.ts): never a header the client chose.
      const user = await logIn(deps, req.body, req.ip);
      const { csrfToken } = await startSession(deps, req, reply, user, 'password');
      return { user, csrfToken };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out (ends this session)' } },
    async (req, reply) => {
      const auth = authOf(req);
      if (auth.via === 'session') await logOut(deps, auth.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  const ZSession = z.object({
    id: z.string().describe('The first 16 hex digits of the session id: names it in DELETE /api/auth/sessions/{id}'),
    current: z.boolean().describe('The session making this request'),
    device: z.string().describe('Browser and system read from the User-Agent, e.g. "Firefox on Windows"'),
    userAgent: z.string().nullable(),
    ip: z.string().nullable().describe('The client address at sign-in'),
    via: z.enum(['password', 'sso', 'setup']).nullable().describe('How the person signed in; null before 0031'),
    signedInAt: z.string(),
    lastUsedAt: z.string().describe('Refreshed at most hourly'),
    expiresAt: z.string().describe('The earlier of the idle expiry and the absolute end'),
  });

  app.get(
    '/api/auth/sessions',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your sessions (browsers and devices signed in), most recently used first',
        response: { 200: z.object({ items: z.array(ZSession), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const items = await listMySessions(deps, auth.user, auth.via === 'session' ? auth.sessionId : null);
      return { items: items.map((i) => ({ ...i, via: ZSession.shape.via.parse(i.via) })), nextCursor: null };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'End one of your sessions (signs that browser or device out); ending this one signs you out',
        params: z.object({ id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { current } = await endMySession(
        deps,
        auth.user,
        req.params.id,
        auth.via === 'session' ? auth.sessionId : null,
      );
      if (current) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Sign out everywhere: ends every session of yours, this one included (API tokens stay; revoke them under /api/tokens)',
        response: { 200: z.object({ sessionsEnded: z.number() }) },
      },
    },
    async (req, reply) => {
      const result = await signOutEverywhere(deps, authOf(req).user);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary:
          'Change your password (the current one is required); your other sessions end, this one and API tokens stay',
        body: ZChangePassword,
        response: { 200: z.object({ otherSessionsEnded: z.number() }) },
      },
    },
    async (req) => changePassword(deps, authOf(req), req.body, req.ip),
  );

  passwordResetRoutes(fastify, deps);

  app.get(
    '/api/me',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'The signed-in user and their organizations',
        response: {
          200: z.object({
            user: ZUser,
            memberships: z.array(
              z.object({ organization: ZOrganization, role: ZRole, expiresAt: z.string().nullable() }),
            ),
            csrfToken: z.string().nullable(),
          }),
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      // The SPA reloads and needs its CSRF token again; it is readable only by the session holder.
      return {
        user: auth.user,
        memberships: await listMyOrganizations(deps, auth.user.id),
        csrfToken: auth.via === 'session' ? auth.csrfToken : null,
      };
    },
  );

  tokenRoutes(fastify, deps);
}
