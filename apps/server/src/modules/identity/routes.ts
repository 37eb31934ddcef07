import { z } from 'zod';
import { ZChangePassword, ZLogin, ZResetPassword, ZRole, ZSetup } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { REQUEST_LIMITS } from '../../platform/http/rate-limit';
import { authOf, membershipOf } from '../../platform/http/access';
import { SESSION_COOKIE } from '../../platform/auth/authenticate';
import { startSession } from './session-start';
import { endMySession, listMySessions } from './my-sessions';
import { listMyOrganizations } from '../orgs/organizations';
import { ZOrganization } from '../orgs/schema';
import { ZUser } from './presenters';
import { isSetUp, setUp } from './setup';
import { logIn, logOut, signOutEverywhere } from './sessions';
import { changePassword } from './passwords';
import { TOKEN_SCOPES } from '@fortytwo/domain';
import {
  completePasswordReset,
  createPasswordReset,
  previewPasswordReset,
  requestPasswordReset,
  RESET_VALID_HOURS,
  SELF_RESET_VALID_HOURS,
} from './password-resets';
import { sendPasswordReset, sendTokenCreatedNotice } from './emails';
import { mailerOf } from '../../platform/mail/mailer';
import { ruleViolation } from '../../platform/errors';
import { ZEmail } from '@fortytwo/domain';
import { createToken, listTokens, revokeToken } from './tokens';

const ZToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  scope: z
    .enum(TOKEN_SCOPES)
    .describe(
      'full: everything your role allows; measurements: only recording measurements of metrics; releases: only recording AI system releases',
    ),
});

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

  app.post(
    '/api/orgs/:orgId/members/:userId/password-reset',
    {
      config: { access: 'member.reset_password' },
      schema: {
        tags,
        summary: `Owners: a one-time link for a member to set a new password (/reset-password/<token>, valid ${RESET_VALID_HOURS} hours); the token is shown only here, and emailed to the member when the server sends email (emailed: true)`,
        params: z.object({ orgId: z.string().max(64), userId: z.string().max(64) }),
        response: {
          201: z.object({
            id: z.string(),
            token: z.string(),
            expiresAt: z.string(),
            user: ZUser,
            emailed: z.boolean(),
          }),
        },
      },
    },
    async (req, reply) => {
      const { user } = authOf(req);
      const created = await createPasswordReset(
        deps,
        { userId: user.id, name: user.name },
        membershipOf(req),
        req.params.userId,
      );
      const org = await deps.db
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', req.params.orgId)
        .executeTakeFirstOrThrow();
      const emailed = await sendPasswordReset(
        { config: deps.config, log: (m) => req.log.warn(m) },
        {
          email: created.user.email,
          name: created.user.name,
          token: created.token,
          expiresAt: created.expiresAt,
          organizationName: org.name,
          requestedBy: user.name,
        },
      );
      return reply.code(201).send({ ...created, emailed });
    },
  );

  app.post(
    '/api/password-resets',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.resetRequest },
      schema: {
        tags,
        summary: `Forgot your password: when the server sends email, a one-time link (valid ${SELF_RESET_VALID_HOURS} hour) goes to the address if it has an account; the answer is the same either way. Without email, 422: ask an owner for a link`,
        body: z.strictObject({ email: ZEmail }),
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (req, reply) => {
      if (!mailerOf(deps.config).enabled)
        throw ruleViolation(
          'This server does not send email, so it cannot mail you a link. Ask an owner of your organization to create a password reset link for you.',
        );
      const sendLater = await requestPasswordReset(deps, req.body.email, (r) =>
        sendPasswordReset(
          { config: deps.config, log: (m) => req.log.warn(m) },
          { ...r, organizationName: null, requestedBy: null },
        ),
      );
      await reply.code(202).send({
        message:
          'If this address belongs to an account, a link to set a new password is on its way. It works once, within the hour.',
      });
      void sendLater();
      return reply;
    },
  );

  const ZResetParams = z.object({ token: z.string().min(10).max(100) });

  app.get(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: {
        tags,
        summary: 'Whose password a reset link sets, and until when it works',
        params: ZResetParams,
        response: { 200: z.object({ email: z.string(), name: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req) => previewPasswordReset(deps, req.params.token),
  );

  app.post(
    '/api/password-resets/:token',
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.tokenLink },
      schema: {
        tags,
        summary: 'Set a new password through a reset link (once); every session of the account ends',
        params: ZResetParams,
        body: ZResetPassword,
        response: { 200: z.object({ user: ZUser }) },
      },
    },
    async (req, reply) => {
      const result = await completePasswordReset(deps, req.params.token, req.body.password);
      // Signed in as this user in this browser? That session has just ended too.
      if (req.auth?.via === 'session' && req.auth.user.id === result.user.id)
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  );

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

  app.get(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Your personal API tokens (never the secret)',
        response: { 200: z.object({ items: z.array(ZToken), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listTokens(deps, authOf(req).user.id), nextCursor: null }),
  );

  app.post(
    '/api/tokens',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a personal API token; the token is shown only in this answer',
        body: z.strictObject({
          name: z
            .string()
            .trim()
            .min(1, 'Name the token, e.g. "CI import"')
            .max(100, 'Name must be at most 100 characters'),
          scope: z.enum(TOKEN_SCOPES, { error: `Scope must be one of: ${TOKEN_SCOPES.join(', ')}` }).default('full'),
        }),
        response: { 201: ZToken.extend({ token: z.string() }) },
      },
    },
    async (req, reply) => {
      const user = authOf(req).user;
      const created = await createToken(deps, user, req.body.name, req.body.scope);
      // Not awaited: the answer does not wait for the mail server (failures are logged).
      void sendTokenCreatedNotice(
        { config: deps.config, log: (m) => req.log.warn(m) },
        {
          email: user.email,
          name: user.name,
          tokenName: created.name,
          scope: created.scope,
          prefix: created.prefix,
          at: created.createdAt,
        },
      );
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Revoke a token', params: z.object({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      await revokeToken(deps, authOf(req).user, req.params.id);
      return reply.code(204).send();
    },
  );
}
