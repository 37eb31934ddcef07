import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessHook, actorOf, authOf, membershipOf, type Access } from '../src/platform/http/access';
import { errorHandler } from '../src/platform/http/error-handler';
import { setClock } from '../src/platform/clock';
import { addMember, anonymous, Client, describeEachDialect, newOrgOwner, tokenClient, type Res } from './harness';

/**
 * The access layer (platform/http/access.ts), every decision of its hook, with expectations written from
 * the rules: who is signed in (session or API token), CSRF on a session's writes, a token's scope, the
 * membership of the route's organization (none or ended: 404; the role: 403), and the helpers the handlers
 * call. Small and fast on purpose: it is the test file the access layer's mutation run uses (the full
 * role × route matrix, permissions.test.ts, stays the oracle for every route but takes minutes).
 *
 * Most checks go through a bare Fastify app holding only the hook, the error handler and a few probe
 * routes on the test server's database, so each decision is seen alone; the last block checks a few
 * representative rows through the real routes.
 */

const NOT_SIGNED_IN = 'Sign in, or send an API token as "Authorization: Bearer <token>"';
const BAD_TOKEN = 'The API token is invalid or has been revoked';
const CSRF = 'Missing or wrong X-CSRF-Token header: send the csrfToken returned at login';
const ROLE_REFUSED = 'Your role in this organization does not allow this action';
const MEASUREMENTS_ONLY = 'This API token may only record measurements; use a full token for anything else';
const RELEASES_ONLY = 'This API token may only record AI system releases; use a full token for anything else';
const NO_ORG = 'Organization was not found';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** The probe app: the real hook and error handler, routes that only report what the hook decided. */
async function probeApp(ts: { handle: { db: Parameters<typeof accessHook>[0] } }) {
  const errors: Error[] = [];
  const app: FastifyInstance = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  app.decorateRequest('auth', null);
  app.decorateRequest('membership', null);
  await app.register(cookie);
  app.addHook('onRequest', accessHook(ts.handle.db));
  app.addHook('onError', (_req, _reply, err, done) => {
    errors.push(err);
    done();
  });
  const route = (url: string, access: Access | undefined, handler: (req: any) => unknown) =>
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url,
      ...(access === undefined ? {} : { config: { access } }),
      handler: async (req) => handler(req),
    });
  // A route outside the API (as the web app's files): no access rule, the hook stays out of it.
  route('/page', undefined, (req) => ({ auth: req.auth, membership: req.membership }));
  route('/api/p/public', 'public', (req) => ({ user: req.auth === null ? null : authOf(req).user.id }));
  route('/api/p/public/actor', 'public', (req) => actorOf(req));
  route('/api/p/user', 'user', (req) => ({ via: authOf(req).via, user: authOf(req).user.id }));
  route('/api/p/user/membership', 'user', (req) => membershipOf(req));
  route('/api/p/no-org', 'org.read', () => ({ reached: true }));
  for (const action of [
    'org.read',
    'ai_system.write',
    'audit_event.read',
    'measurement.write',
    'ai_release.write',
  ] as const)
    route(`/api/p/orgs/:orgId/${action}`, action, (req) => ({ membership: membershipOf(req) }));
  await app.ready();
  return { app, errors };
}

type Probe = Awaited<ReturnType<typeof probeApp>>;

async function call(
  p: Probe,
  method: Method,
  url: string,
  who: Client | { headers: Record<string, string> } | null,
  extra: Record<string, string> = {},
): Promise<Res> {
  const headers: Record<string, string> = {};
  if (who instanceof Client) {
    if (who.auth.bearer) headers.authorization = `Bearer ${who.auth.bearer}`;
    if (who.auth.cookie) headers.cookie = `ft_session=${who.auth.cookie}`;
    if (who.auth.csrf && method !== 'GET') headers['x-csrf-token'] = who.auth.csrf;
  } else if (who) Object.assign(headers, who.headers);
  Object.assign(headers, extra);
  const res = await p.app.inject({ method, url, headers });
  return {
    status: res.statusCode,
    body: res.body ? JSON.parse(res.body) : undefined,
    headers: res.headers,
    text: res.body,
  };
}

const err = (code: string, message: string) => ({ error: { code, message } });
const noCsrf = (c: Client) => new Client(c.server, { cookie: c.auth.cookie }, c.user);
const withCsrf = (c: Client, csrf: string) => new Client(c.server, { cookie: c.auth.cookie, csrf }, c.user);

describeEachDialect('access layer', (ctx) => {
  let p: Probe;
  let owner: Client;
  let orgId: string;
  let viewer: Client;
  let contributor: Client;
  let approver: Client;
  let auditor: Client;
  let ownerToken: Client;
  let measurements: Client;
  let releases: Client;
  let other: { owner: Client; orgId: string };

  beforeAll(async () => {
    p = await probeApp(ctx());
    ({ owner, orgId } = await newOrgOwner(ctx(), 'Access layer org'));
    viewer = await addMember(ctx(), owner, orgId, 'viewer');
    contributor = await addMember(ctx(), owner, orgId, 'contributor');
    approver = await addMember(ctx(), owner, orgId, 'approver');
    const in30Days = new Date(Date.now() + 30 * 86_400_000).toISOString();
    auditor = await addMember(ctx(), owner, orgId, 'external_auditor', { expiresAt: in30Days });
    ownerToken = await tokenClient(owner);
    const scoped = async (scope: string) => {
      const res = await owner.post<{ token: string }>('/api/tokens', { name: scope, scope });
      expect(res.status).toBe(201);
      return new Client(ctx(), { bearer: res.body.token }, owner.user);
    };
    measurements = await scoped('measurements');
    releases = await scoped('releases');
    other = await newOrgOwner(ctx(), 'Someone else');
  });
  afterAll(async () => {
    setClock(null);
    await p?.app.close();
  });

  const org = (action: string, id = orgId) => `/api/p/orgs/${id}/${action}`;

  describe('who is calling', () => {
    it('answers 401 to a call without a session or token, on every method', async () => {
      for (const method of ['GET', ...WRITES] as Method[]) {
        const user = await call(p, method, '/api/p/user', null);
        expect([method, user.status, user.body]).toEqual([method, 401, err('UNAUTHENTICATED', NOT_SIGNED_IN)]);
        const orgRoute = await call(p, method, org('org.read'), null);
        expect([method, orgRoute.status, orgRoute.body]).toEqual([method, 401, err('UNAUTHENTICATED', NOT_SIGNED_IN)]);
      }
    });

    it('answers 401 to a session cookie that names no session', async () => {
      const res = await call(p, 'GET', '/api/p/user', { headers: { cookie: 'ft_session=not-a-session' } });
      expect([res.status, res.body]).toEqual([401, err('UNAUTHENTICATED', NOT_SIGNED_IN)]);
    });

    it('lets a public route through without anyone signed in, and tells it nobody is', async () => {
      const res = await call(p, 'GET', '/api/p/public', null);
      expect([res.status, res.body]).toEqual([200, { user: null }]);
      const post = await call(p, 'POST', '/api/p/public', null);
      expect([post.status, post.body]).toEqual([200, { user: null }]);
    });

    it('tells a public route who is signed in, by session or by token', async () => {
      expect((await call(p, 'GET', '/api/p/public', owner)).body).toEqual({ user: owner.user!.id });
      expect((await call(p, 'GET', '/api/p/public', ownerToken)).body).toEqual({ user: owner.user!.id });
    });

    it('answers a public route as for nobody when the token is wrong, instead of refusing it', async () => {
      const res = await call(p, 'GET', '/api/p/public', { headers: { authorization: 'Bearer ft_wrong' } });
      expect([res.status, res.body]).toEqual([200, { user: null }]);
    });

    it('authOf refuses with 401 where nobody is signed in; actorOf names the caller', async () => {
      const res = await call(p, 'GET', '/api/p/public/actor', null);
      expect([res.status, res.body]).toEqual([401, err('UNAUTHENTICATED', 'Sign in first')]);
      const named = await call(p, 'GET', '/api/p/public/actor', viewer);
      expect([named.status, named.body]).toEqual([200, { userId: viewer.user!.id, name: 'viewer person' }]);
    });

    it('leaves routes outside the API alone: no sign-in asked, no CSRF, nothing looked up', async () => {
      const res = await call(p, 'GET', '/page', null);
      expect([res.status, res.body]).toEqual([200, { auth: null, membership: null }]);
      const post = await call(p, 'POST', '/page', noCsrf(owner));
      expect([post.status, post.body]).toEqual([200, { auth: null, membership: null }]);
    });

    it('takes a session for a "user" route, and a full token as well', async () => {
      const bySession = await call(p, 'GET', '/api/p/user', viewer);
      expect([bySession.status, bySession.body]).toEqual([200, { via: 'session', user: viewer.user!.id }]);
      const byToken = await call(p, 'GET', '/api/p/user', ownerToken);
      expect([byToken.status, byToken.body]).toEqual([200, { via: 'token', user: owner.user!.id }]);
    });

    it('membershipOf on a route without an organization is a programming error (500), never a membership', async () => {
      p.errors.length = 0;
      const res = await call(p, 'GET', '/api/p/user/membership', owner);
      expect(res.status).toBe(500);
      expect(p.errors.map((e) => e.message)).toEqual(['membershipOf() used on a route without an org action']);
    });

    it('a route with an action but no :orgId is a programming error (500), not an answer about access', async () => {
      p.errors.length = 0;
      const res = await call(p, 'GET', '/api/p/no-org', owner);
      expect(res.status).toBe(500);
      expect(p.errors.map((e) => e.message)).toEqual(['Route /api/p/no-org needs :orgId for access "org.read"']);
    });
  });

  describe('API tokens', () => {
    it('accepts "Bearer <token>" in any case and with any run of spaces', async () => {
      const token = ownerToken.auth.bearer!;
      for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER   ${token}`, `Bearer\t${token}`]) {
        const res = await call(p, 'GET', '/api/p/user', { headers: { authorization: header } });
        expect([header, res.status, res.body]).toEqual([header, 200, { via: 'token', user: owner.user!.id }]);
      }
    });

    it('answers 401 to a malformed Authorization header, even with a valid session cookie beside it', async () => {
      const token = ownerToken.auth.bearer!;
      const cookie = `ft_session=${owner.auth.cookie}`;
      for (const header of [
        token, // no scheme
        `Basic ${token}`,
        `XBearer ${token}`,
        `Bearer ${token} extra`,
        `Bearer${token}`,
        'Bearer ',
        'Bearer ft_',
        'Bearer ft_x',
        `Bearer ${token}x`,
      ]) {
        const res = await call(p, 'GET', '/api/p/user', { headers: { authorization: header, cookie } });
        expect([header, res.status, res.body]).toEqual([header, 401, err('UNAUTHENTICATED', BAD_TOKEN)]);
      }
    });

    it('answers 401 to a revoked token', async () => {
      const t = await tokenClient(contributor);
      expect((await call(p, 'GET', '/api/p/user', t)).status).toBe(200);
      const list = await contributor.get<{ items: { id: string }[] }>('/api/tokens');
      for (const { id } of list.body.items) expect((await contributor.delete(`/api/tokens/${id}`)).status).toBe(204);
      const res = await call(p, 'GET', '/api/p/user', t);
      expect([res.status, res.body]).toEqual([401, err('UNAUTHENTICATED', BAD_TOKEN)]);
    });

    it('a full token writes without a CSRF header: CSRF guards cookies only', async () => {
      for (const method of WRITES) {
        const res = await call(p, method, org('ai_system.write'), ownerToken);
        expect([method, res.status]).toEqual([method, 200]);
      }
    });

    it('a token write is not a CSRF question: a stray X-CSRF-Token header beside it changes nothing', async () => {
      for (const csrf of ['', 'anything', owner.auth.csrf!]) {
        const res = await call(p, 'POST', org('ai_system.write'), ownerToken, { 'x-csrf-token': csrf });
        expect([csrf, res.status]).toEqual([csrf, 200]);
      }
    });

    it('a measurements token records measurements and nothing else, whatever its user may do', async () => {
      expect((await call(p, 'POST', org('measurement.write'), measurements)).status).toBe(200);
      for (const [method, url] of [
        ['GET', org('org.read')],
        ['POST', org('ai_system.write')],
        ['POST', org('ai_release.write')],
        ['GET', '/api/p/user'],
      ] as const) {
        const res = await call(p, method, url, measurements);
        expect([url, res.status, res.body]).toEqual([url, 403, err('FORBIDDEN', MEASUREMENTS_ONLY)]);
      }
    });

    it('a releases token records releases and nothing else', async () => {
      expect((await call(p, 'POST', org('ai_release.write'), releases)).status).toBe(200);
      for (const [method, url] of [
        ['GET', org('org.read')],
        ['POST', org('measurement.write')],
        ['GET', '/api/p/user'],
      ] as const) {
        const res = await call(p, method, url, releases);
        expect([url, res.status, res.body]).toEqual([url, 403, err('FORBIDDEN', RELEASES_ONLY)]);
      }
    });

    it('a scoped token still needs a membership: elsewhere its scope does not open the organization', async () => {
      const res = await call(p, 'POST', org('measurement.write', other.orgId), measurements);
      expect([res.status, res.body]).toEqual([404, err('NOT_FOUND', NO_ORG)]);
    });
  });

  describe('CSRF on a session', () => {
    it('refuses every write method without the header, with 403 and what to send', async () => {
      for (const url of ['/api/p/user', org('ai_system.write')]) {
        for (const method of WRITES) {
          const res = await call(p, method, url, noCsrf(owner));
          expect([method, url, res.status, res.body]).toEqual([method, url, 403, err('CSRF', CSRF)]);
        }
      }
    });

    it('refuses a wrong header, including another session’s token', async () => {
      for (const csrf of ['wrong', viewer.auth.csrf!, `${owner.auth.csrf}x`]) {
        const res = await call(p, 'PATCH', org('ai_system.write'), withCsrf(owner, csrf));
        expect([res.status, res.body]).toEqual([403, err('CSRF', CSRF)]);
      }
    });

    it('takes the session’s own token on every write method', async () => {
      for (const method of WRITES) {
        const res = await call(p, method, org('ai_system.write'), owner);
        expect([method, res.status]).toEqual([method, 200]);
      }
    });

    it('asks nothing of a read', async () => {
      const res = await call(p, 'GET', org('org.read'), noCsrf(viewer));
      expect(res.status).toBe(200);
    });

    it('checks CSRF before the organization: a forged write learns nothing about it', async () => {
      const res = await call(p, 'POST', org('ai_system.write', other.orgId), noCsrf(owner));
      expect([res.status, res.body]).toEqual([403, err('CSRF', CSRF)]);
    });
  });

  describe('the organization and the role', () => {
    it('gives the handler the caller’s membership', async () => {
      const res = await call(p, 'GET', org('org.read'), viewer);
      expect([res.status, res.body]).toEqual([200, { membership: { orgId, role: 'viewer', expiresAt: null } }]);
    });

    it('answers 404, not 403, to someone who is not a member, whatever their role elsewhere', async () => {
      for (const c of [other.owner, await tokenClient(other.owner)]) {
        for (const [method, action] of [
          ['GET', 'org.read'],
          ['POST', 'ai_system.write'],
        ] as const) {
          const res = await call(p, method, org(action), c);
          expect([action, res.status, res.body]).toEqual([action, 404, err('NOT_FOUND', NO_ORG)]);
        }
      }
      const nowhere = await call(p, 'GET', org('org.read', 'no-such-org'), owner);
      expect([nowhere.status, nowhere.body]).toEqual([404, err('NOT_FOUND', NO_ORG)]);
    });

    it('allows and refuses per the role (a few rows; the permission matrix checks them all)', async () => {
      const rows: [Client, string, string, number][] = [
        [viewer, 'GET', 'org.read', 200],
        [viewer, 'POST', 'ai_system.write', 403],
        [viewer, 'GET', 'audit_event.read', 403],
        [contributor, 'POST', 'ai_system.write', 200],
        [contributor, 'GET', 'audit_event.read', 403],
        [approver, 'GET', 'audit_event.read', 200],
        [approver, 'POST', 'ai_system.write', 403],
        [auditor, 'GET', 'audit_event.read', 200],
        [auditor, 'POST', 'ai_system.write', 403],
        [owner, 'POST', 'ai_release.write', 200],
      ];
      for (const [c, method, action, status] of rows) {
        const res = await call(p, method as Method, org(action), c);
        expect([c.user!.email, action, res.status]).toEqual([c.user!.email, action, status]);
        if (status === 403) expect(res.body).toEqual(err('FORBIDDEN', ROLE_REFUSED));
        else expect(res.body.membership.orgId).toBe(orgId);
      }
    });

    it('a full token acts with its user’s role: refused where the role is', async () => {
      const t = await tokenClient(viewer);
      expect((await call(p, 'GET', org('org.read'), t)).status).toBe(200);
      const res = await call(p, 'POST', org('ai_system.write'), t);
      expect([res.status, res.body]).toEqual([403, err('FORBIDDEN', ROLE_REFUSED)]);
    });

    it('a time-boxed membership counts until the instant it ends, and is as good as none from then on', async () => {
      const member = await addMember(ctx(), owner, orgId, 'viewer');
      const setEnd = (expiresAt: string | null) =>
        ctx()
          .handle.db.updateTable('memberships')
          .set({ expiresAt })
          .where('orgId', '=', orgId)
          .where('userId', '=', member.user!.id)
          .execute();
      const at = Date.parse('2026-06-01T12:00:00.000Z');
      setClock(() => at);
      try {
        const ends = (ms: number) => new Date(at + ms).toISOString();
        await setEnd(ends(1));
        const before = await call(p, 'GET', org('org.read'), member);
        expect([before.status, before.body]).toEqual([
          200,
          { membership: { orgId, role: 'viewer', expiresAt: '2026-06-01T12:00:00.001Z' } },
        ]);
        for (const endsAt of [ends(0), ends(-1), ends(-86_400_000)]) {
          await setEnd(endsAt);
          const res = await call(p, 'GET', org('org.read'), member);
          expect([endsAt, res.status, res.body]).toEqual([endsAt, 404, err('NOT_FOUND', NO_ORG)]);
        }
        // A "user" route does not look at memberships: the signed-in account itself stays usable.
        expect((await call(p, 'GET', '/api/p/user', member)).status).toBe(200);
        await setEnd(null);
        expect((await call(p, 'GET', org('org.read'), member)).status).toBe(200);
      } finally {
        setClock(null);
      }
    });
  });

  describe('through the real routes (representative rows)', () => {
    let systemId: string;
    beforeAll(async () => {
      const res = await contributor.post(`/api/orgs/${orgId}/ai-systems`, {
        name: 'Loan scoring',
        intendedPurpose: 'Score loan applications',
        aiRoles: ['provider'],
        lifecycleStage: 'development',
      });
      expect(res.status).toBe(201);
      systemId = res.body.id;
    });

    it('a viewer reads the register but cannot add to it; a session write needs its CSRF token', async () => {
      expect((await viewer.get(`/api/orgs/${orgId}/ai-systems/${systemId}`)).status).toBe(200);
      const write = await viewer.post(`/api/orgs/${orgId}/ai-systems`, { name: 'x' });
      expect([write.status, write.body]).toEqual([403, err('FORBIDDEN', ROLE_REFUSED)]);
      const forged = await noCsrf(contributor).post(`/api/orgs/${orgId}/ai-systems`, { name: 'x' });
      expect([forged.status, forged.body]).toEqual([403, err('CSRF', CSRF)]);
    });

    it('the owner of another organization gets 404 for this one’s record, as for one that does not exist', async () => {
      const res = await other.owner.get(`/api/orgs/${orgId}/ai-systems/${systemId}`);
      expect([res.status, res.body]).toEqual([404, err('NOT_FOUND', NO_ORG)]);
      const none = await anonymous(ctx()).get(`/api/orgs/${orgId}/ai-systems/${systemId}`);
      expect([none.status, none.body]).toEqual([401, err('UNAUTHENTICATED', NOT_SIGNED_IN)]);
    });

    it('the external auditor reads neither documents nor evidence directly, only through the workspace', async () => {
      for (const path of ['documents', 'evidence']) {
        const res = await auditor.get(`/api/orgs/${orgId}/${path}`);
        expect([path, res.status, res.body]).toEqual([path, 403, err('FORBIDDEN', ROLE_REFUSED)]);
      }
      expect((await auditor.get(`/api/orgs/${orgId}/ai-systems`)).status).toBe(200);
      expect((await viewer.get(`/api/orgs/${orgId}/documents`)).status).toBe(200);
    });

    it('a removed member is answered as a stranger', async () => {
      const leaving = await addMember(ctx(), owner, orgId, 'contributor');
      expect((await leaving.get(`/api/orgs/${orgId}`)).status).toBe(200);
      expect((await owner.delete(`/api/orgs/${orgId}/members/${leaving.user!.id}`)).status).toBe(204);
      const res = await leaving.get(`/api/orgs/${orgId}`);
      expect([res.status, res.body]).toEqual([404, err('NOT_FOUND', NO_ORG)]);
    });

    it('a measurements token cannot read the register its user may read', async () => {
      const res = await measurements.get(`/api/orgs/${orgId}/ai-systems`);
      expect([res.status, res.body]).toEqual([403, err('FORBIDDEN', MEASUREMENTS_ONLY)]);
      expect((await ownerToken.get(`/api/orgs/${orgId}/ai-systems`)).status).toBe(200);
    });
  });
});
