import { z } from 'zod';
import { safeReturnTo, SSO_ROLES, ZOrgSsoSettings } from '@fortytwo/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { REQUEST_LIMITS } from '../../platform/http/rate-limit';
import { authOf } from '../../platform/http/access';
import { sha256 } from '../../platform/auth/secrets';
import { notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { startSession } from '../identity/session-start';
import { inTransaction } from '../../platform/transaction';
import { authorizationUrl, finishAuthorization, newFlowSecrets } from './provider';
import { readSsoSettings, saveSsoSettings } from './settings';
import { resolveSsoUser, SsoRefused } from './sign-in';

// The browser carries the flow's state in this cookie from the start to the callback: a callback
// opened in another browser (someone else's code and state, "login CSRF") finds no match.
const FLOW_COOKIE = 'ft_sso';
const FLOW_PATH = '/api/auth/sso';
const FLOW_MINUTES = 10;

// The answer's shape (the input schema normalizes domains, which a response schema must not).
const ZPolicy = z.object({
  allowedDomains: z.array(z.string()),
  defaultRole: z.enum(SSO_ROLES),
  groupRoles: z.array(z.object({ group: z.string(), role: z.enum(SSO_ROLES) })),
  localSignIn: z.boolean(),
  version: z.number(),
  updatedAt: z.string().nullable(),
});

export function ssoRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['identity'];
  const oidc = deps.oidc;
  const redirectUri = (req: FastifyRequest) =>
    `${deps.config.publicUrl ?? `${req.protocol}://${req.host}`}${FLOW_PATH}/callback`;
  const toLogin = (reply: FastifyReply, reason: SsoRefused['reason']) =>
    reply.redirect(`/login?sso_error=${reason}`, 302);

  app.get(
    FLOW_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Whether this server offers single sign-on, and the label of its button',
        response: { 200: z.object({ enabled: z.boolean(), label: z.string().nullable() }) },
      },
    },
    () => Promise.resolve({ enabled: !!oidc, label: oidc?.settings.label ?? null }),
  );

  app.get(
    `${FLOW_PATH}/start`,
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.sso },
      schema: {
        tags,
        summary:
          'Starts single sign-on: redirects to the identity provider (authorization code flow with PKCE, state and nonce)',
        querystring: z.object({ returnTo: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => {
      if (!oidc) throw notFound('Single sign-on (not configured on this server)');
      const flow = await newFlowSecrets();
      const now = Date.now();
      await deps.db.deleteFrom('oidcFlows').where('expiresAt', '<', new Date(now).toISOString()).execute();
      await deps.db
        .insertInto('oidcFlows')
        .values({
          stateHash: sha256(flow.state),
          nonce: flow.nonce,
          codeVerifier: flow.codeVerifier,
          returnTo: safeReturnTo(req.query.returnTo),
          createdAt: new Date(now).toISOString(),
          expiresAt: new Date(now + FLOW_MINUTES * 60_000).toISOString(),
        })
        .execute();
      reply.setCookie(FLOW_COOKIE, flow.state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
        path: FLOW_PATH,
        maxAge: FLOW_MINUTES * 60,
      });
      return reply.redirect(authorizationUrl(oidc, redirectUri(req), flow).href, 302);
    },
  );

  app.get(
    `${FLOW_PATH}/callback`,
    {
      config: { access: 'public', rateLimit: REQUEST_LIMITS.sso },
      schema: {
        tags,
        summary:
          'Where the identity provider sends the browser back; signs in and redirects into the app, or to /login?sso_error=… with the reason',
        querystring: z.record(z.string(), z.unknown()),
      },
    },
    async (req, reply) => {
      if (!oidc) throw notFound('Single sign-on (not configured on this server)');
      const state = req.cookies[FLOW_COOKIE];
      reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
      if (!state) return toLogin(reply, 'state');
      // Used once: the row is taken whatever happens next, on whichever instance the callback lands.
      const flow = await inTransaction(deps, async (tx) => {
        const row = await tx
          .selectFrom('oidcFlows')
          .selectAll()
          .where('stateHash', '=', sha256(state))
          .executeTakeFirst();
        if (row) await tx.deleteFrom('oidcFlows').where('stateHash', '=', row.stateHash).execute();
        return row;
      });
      if (!flow || flow.expiresAt <= nowIso()) return toLogin(reply, 'state');
      let user;
      try {
        const claims = await finishAuthorization(oidc, new URL(req.url, redirectUri(req)), {
          state,
          nonce: flow.nonce,
          codeVerifier: flow.codeVerifier,
        });
        user = await resolveSsoUser(deps, claims);
      } catch (err) {
        if (err instanceof SsoRefused) return toLogin(reply, err.reason);
        // A mismatched state, a wrong nonce, an expired or forged ID token, an error from the provider.
        req.log.warn({ err }, 'single sign-on refused');
        return toLogin(reply, 'provider');
      }
      await startSession(deps, req, reply, user, 'sso');
      await inTransaction(deps, (_tx, audit) =>
        audit({
          orgId: null,
          actor: { userId: user.id, name: user.name },
          action: 'user.signed_in',
          entityType: 'user',
          entityId: user.id,
          after: { via: 'sso' },
        }),
      );
      return reply.redirect(flow.returnTo, 302);
    },
  );

  const ZParams = z.object({ orgId: z.string().max(64) });
  app.get(
    '/api/orgs/:orgId/sso-settings',
    {
      config: { access: 'member.read' },
      schema: {
        tags,
        summary: "The organization's single sign-on policy, and whether the server offers single sign-on",
        params: ZParams,
        response: { 200: ZPolicy.extend({ ssoAvailable: z.boolean(), roles: z.array(z.enum(SSO_ROLES)) }) },
      },
    },
    async (req) => ({
      ...(await readSsoSettings(deps.db, req.params.orgId)),
      ssoAvailable: !!oidc,
      roles: [...SSO_ROLES],
    }),
  );

  app.put(
    '/api/orgs/:orgId/sso-settings',
    {
      config: { access: 'sso.manage' },
      schema: {
        tags,
        summary:
          'Owners: who may join through single sign-on by email domain and with which role, provider groups → roles, and whether password sign-in stays on (owners keep it always)',
        params: ZParams,
        body: ZOrgSsoSettings,
        response: { 200: ZPolicy },
      },
    },
    async (req) => {
      const { user } = authOf(req);
      return saveSsoSettings(deps, { userId: user.id, name: user.name }, req.params.orgId, req.body, !!oidc);
    },
  );
}
