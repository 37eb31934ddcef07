import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config';
import { discoverOidc } from '../src/modules/sso/provider';
import type { Server } from '../src/server';
import {
  addMember,
  anonymous,
  Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  signIn,
  uniqueEmail,
} from './harness';
import { sameDatabaseServer } from './identity-support';
import { CLIENT, startProvider, TestBrowser } from './oidc-provider';

// The app is reached through inject(); this is only the address the provider sends browsers back to.
const PUBLIC_URL = 'http://localhost:4343';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/callback`;

type Outcome = { status: number; location: string; session: string | undefined };

describeEachDialect('single sign-on (OpenID Connect)', (ctx) => {
  let provider: Awaited<ReturnType<typeof startProvider>>;
  let sso: Server;
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    provider = await startProvider(CALLBACK);
    sso = await sameDatabaseServer(ctx(), {
      PUBLIC_URL,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: CLIENT.id,
      OIDC_CLIENT_SECRET: CLIENT.secret,
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_LABEL: 'Acme login',
      OIDC_ALLOW_HTTP: 'true',
    });
    ({ owner, orgId } = await newOrgOwner(ctx(), 'SSO Org'));
  });
  afterAll(async () => {
    await sso?.close();
    await provider?.close();
  });

  /** The whole round trip as a browser makes it; `tamper` changes the callback before it is opened. */
  async function signInThrough(
    login: string,
    tamper: { callback?: (u: URL) => void; flowCookie?: string | null; beforeCallback?: () => Promise<void> } = {},
  ): Promise<Outcome> {
    const start = await sso.app.inject({ method: 'GET', url: '/api/auth/sso/start?returnTo=/orgs' });
    expect(start.statusCode).toBe(302);
    const flowCookie = start.cookies.find((c) => c.name === 'ft_sso')!.value;
    const callback = await new TestBrowser().signInAtProvider(start.headers.location as string, login, CALLBACK);
    tamper.callback?.(callback);
    await tamper.beforeCallback?.();
    const cookie = tamper.flowCookie === null ? undefined : `ft_sso=${tamper.flowCookie ?? flowCookie}`;
    const res = await sso.app.inject({
      method: 'GET',
      url: callback.pathname + callback.search,
      headers: cookie ? { cookie } : {},
    });
    return {
      status: res.statusCode,
      location: String(res.headers.location),
      session: res.cookies.find((c) => c.name === 'ft_session')?.value,
    };
  }

  const roleOf = async (email: string) => {
    const body = (await owner.get(`/api/orgs/${orgId}/members`)).body as {
      items: { user: { email: string }; role: string }[];
    };
    return body.items.find((m) => m.user.email === email)?.role;
  };
  const me = async (session: string) =>
    (await sso.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ft_session=${session}` } })).json();

  it('says whether single sign-on is offered, and its label', async () => {
    expect((await anonymous(sso).get('/api/auth/sso')).body).toEqual({ enabled: true, label: 'Acme login' });
    expect((await anonymous(ctx()).get('/api/auth/sso')).body).toEqual({ enabled: false, label: null });
    expect((await anonymous(ctx()).get('/api/auth/sso/start')).status).toBe(404);
  });

  it('signs an existing user in by verified email, then by the provider identity even after the email changes there', async () => {
    const member = await addMember(ctx(), owner, orgId, 'contributor');
    provider.accounts.set('sub-existing', { email: member.user!.email, email_verified: true, name: 'Casey' });
    const first = await signInThrough('sub-existing');
    expect(first).toMatchObject({ status: 302, location: '/orgs' });
    expect((await me(first.session!)).user.id).toBe(member.user!.id);

    provider.accounts.set('sub-existing', {
      email: 'casey.new@elsewhere.example',
      email_verified: true,
      name: 'Casey',
    });
    const again = await signInThrough('sub-existing');
    expect((await me(again.session!)).user.id).toBe(member.user!.id);
  });

  it('creates the account on first sign-in when the email holds an invitation, with the invited role', async () => {
    const email = uniqueEmail('invited');
    const inv = await owner.post(`/api/orgs/${orgId}/invitations`, { email, role: 'approver' });
    expect(inv.status).toBe(201);
    provider.accounts.set('sub-invited', { email, email_verified: true, name: 'Ivy Invited' });
    const out = await signInThrough('sub-invited');
    expect(out.status).toBe(302);
    const who = await me(out.session!);
    expect(who.user).toMatchObject({ email, name: 'Ivy Invited' });
    expect(await roleOf(email)).toBe('approver');
    const accepted = await ctx()
      .handle.db.selectFrom('invitations')
      .select(['acceptedAt', 'acceptedBy'])
      .where('id', '=', inv.body.id)
      .executeTakeFirstOrThrow();
    expect(accepted).toEqual({ acceptedAt: expect.any(String), acceptedBy: who.user.id });
  });

  it('refuses a stranger (no invitation, no allowed domain) and an unverified email, creating nothing', async () => {
    const email = uniqueEmail('stranger');
    provider.accounts.set('sub-stranger', { email, email_verified: true, name: 'Stranger' });
    expect(await signInThrough('sub-stranger')).toMatchObject({
      status: 302,
      location: '/login?sso_error=no_account',
      session: undefined,
    });
    provider.accounts.set('sub-unverified', {
      email: uniqueEmail('unverified'),
      email_verified: false,
      name: 'Unverified',
    });
    expect(await signInThrough('sub-unverified')).toMatchObject({
      location: '/login?sso_error=email',
      session: undefined,
    });
    expect(
      await ctx().handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('lets an allowed email domain join with the default role, and maps provider groups to roles', async () => {
    const put = await owner.put(`/api/orgs/${orgId}/sso-settings`, {
      version: (await owner.get(`/api/orgs/${orgId}/sso-settings`)).body.version,
      allowedDomains: ['acme-sso.example'],
      defaultRole: 'contributor',
      groupRoles: [{ group: 'ai-board', role: 'approver' }],
      localSignIn: true,
    });
    expect(put.status, put.text).toBe(200);
    provider.accounts.set('sub-domain', { email: 'dana@acme-sso.example', email_verified: true, name: 'Dana' });
    const joined = await signInThrough('sub-domain');
    expect(joined.status).toBe(302);
    expect(await roleOf('dana@acme-sso.example')).toBe('contributor');

    provider.accounts.set('sub-domain', {
      email: 'dana@acme-sso.example',
      email_verified: true,
      name: 'Dana',
      groups: ['ai-board'],
    });
    await signInThrough('sub-domain');
    expect(await roleOf('dana@acme-sso.example')).toBe('approver');
  });

  it('refuses a tampered state, a callback without its browser cookie, a replayed callback, a wrong nonce and an expired ID token', async () => {
    const member = await addMember(ctx(), owner, orgId, 'viewer');
    provider.accounts.set('sub-guarded', { email: member.user!.email, email_verified: true, name: 'Gus' });

    expect(
      await signInThrough('sub-guarded', { callback: (u) => u.searchParams.set('state', 'forged-state-value') }),
    ).toMatchObject({ location: '/login?sso_error=provider', session: undefined });
    expect(await signInThrough('sub-guarded', { flowCookie: null })).toMatchObject({
      location: '/login?sso_error=state',
      session: undefined,
    });
    expect(await signInThrough('sub-guarded', { flowCookie: 'someone-elses-state' })).toMatchObject({
      location: '/login?sso_error=state',
      session: undefined,
    });

    let replay: URL | undefined;
    const ok = await signInThrough('sub-guarded', { callback: (u) => (replay = new URL(u)) });
    expect(ok.session).toBeDefined();
    const again = await sso.app.inject({ method: 'GET', url: replay!.pathname + replay!.search });
    expect(again.headers.location).toBe('/login?sso_error=state');

    const wrongNonce = await signInThrough('sub-guarded', {
      beforeCallback: async () => {
        await ctx().handle.db.updateTable('oidcFlows').set({ nonce: 'not-the-nonce-that-was-sent' }).execute();
      },
    });
    expect(wrongNonce).toMatchObject({ location: '/login?sso_error=provider', session: undefined });

    provider.shiftClockForNextTokens(-2 * 3600_000);
    try {
      expect(await signInThrough('sub-guarded')).toMatchObject({
        location: '/login?sso_error=provider',
        session: undefined,
      });
    } finally {
      provider.shiftClockForNextTokens(0);
    }
  });

  it('turns password sign-in off for members but never for owners (break-glass)', async () => {
    const { owner: o2, orgId: org2 } = await newOrgOwner(ctx(), 'Closed Org');
    const member = await addMember(ctx(), o2, org2, 'contributor');
    const version = (await o2.get(`/api/orgs/${org2}/sso-settings`)).body.version;
    const body = { version, allowedDomains: [], defaultRole: 'viewer', groupRoles: [], localSignIn: false };
    // The plain server offers no single sign-on: turning passwords off there would lock everyone out.
    const refused = await o2.put(`/api/orgs/${org2}/sso-settings`, body);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/single sign-on is not configured/);

    const viaSso = new Client(sso, o2.auth, o2.user);
    expect((await viaSso.put(`/api/orgs/${org2}/sso-settings`, body)).status).toBe(200);
    const login = await sso.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: member.user!.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.message).toBe(
      'Closed Org asks its members to sign in through single sign-on: use the single sign-on button instead of a password',
    );
    await expect(signIn(sso, o2.user!.email)).resolves.toBeInstanceOf(Client);
    // A stale version changes nothing.
    expect((await viaSso.put(`/api/orgs/${org2}/sso-settings`, { ...body, localSignIn: true })).status).toBe(409);
  });

  it('is configured at start with clear messages', async () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'x' })).toThrow(
      /OIDC_CLIENT_SECRET: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together/,
    );
    expect(() =>
      loadConfig({ OIDC_ISSUER: 'http://login.example.com', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }),
    ).toThrow(/is not https/);
    expect(() => loadConfig({ OIDC_ISSUER: 'not a url' })).toThrow(
      /OIDC_ISSUER must be the identity provider's issuer URL/,
    );
    const settings = loadConfig({
      OIDC_ISSUER: 'http://127.0.0.1:9/nowhere',
      OIDC_CLIENT_ID: 'x',
      OIDC_CLIENT_SECRET: 'y',
      OIDC_ALLOW_HTTP: 'true',
    }).oidc!;
    await expect(discoverOidc(settings)).rejects.toThrow(
      /OIDC_ISSUER: could not read http:\/\/127\.0\.0\.1:9\/nowhere\/\.well-known\/openid-configuration/,
    );
  });
});
