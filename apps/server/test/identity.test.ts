import { describe, expect, it, onTestFinished } from 'vitest';
import {
  addMember,
  anonymous,
  Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  startTestServer,
  tokenClient,
  uniqueEmail,
} from './harness';

describeEachDialect('identity', (ctx) => {
  it('answers health and publishes OpenAPI 3 with the contract routes', async () => {
    const c = anonymous(ctx());
    expect((await c.get('/api/health')).body).toEqual({ status: 'ok' });
    const doc = (await c.get('/api/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/setup',
      '/api/auth/login',
      '/api/me',
      '/api/tokens',
      '/api/orgs',
      '/api/orgs/{orgId}/ai-systems',
      '/api/orgs/{orgId}/audit-events/verify',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  it('runs first-run setup once, then refuses with 409 ALREADY_SET_UP', async () => {
    // A server of its own: the shared one may have been set up by any test that ran before.
    const fresh = await startTestServer(ctx().dialect);
    onTestFinished(() => fresh.stop());
    const c = anonymous(fresh);
    expect((await c.get('/api/setup')).body).toEqual({ setUp: false });
    const email = uniqueEmail('first');
    const res = await c.post('/api/setup', {
      email,
      password: PASSWORD,
      name: 'First Owner',
      organizationName: 'Acme AI',
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ email, name: 'First Owner' });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    expect(res.body.organization).toMatchObject({ name: 'Acme AI' });
    expect(String(res.headers['set-cookie'])).toMatch(/ft_session=.*HttpOnly.*SameSite=Lax/i);

    const again = await c.post('/api/setup', {
      email: uniqueEmail(),
      password: PASSWORD,
      name: 'Intruder',
      organizationName: 'X',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_SET_UP');
    expect((await c.get('/api/setup')).body).toEqual({ setUp: true });
  });

  it('logs in with a session cookie, lists memberships, logs out', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const me = await owner.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships).toContainEqual(
      expect.objectContaining({ role: 'owner', organization: expect.objectContaining({ id: orgId }) }),
    );
    expect((await owner.post('/api/auth/logout')).status).toBe(204);
    expect((await owner.get('/api/me')).status).toBe(401);
  });

  it('refuses wrong credentials with 401 INVALID_CREDENTIALS, the same for unknown accounts', async () => {
    const { owner } = await newOrgOwner(ctx());
    const wrong = await anonymous(ctx()).post('/api/auth/login', {
      email: owner.user!.email,
      password: 'wrong password here',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const unknown = await anonymous(ctx()).post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: 'whatever it is',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(wrong.body.error.message);
  });

  it('rate-limits failed logins per account with 429, even for the right password', async () => {
    // Lock an account nobody else signs in with: never the first owner, whom newOrgOwner signs in as.
    const { owner, orgId } = await newOrgOwner(ctx());
    const email = (await addMember(ctx(), owner, orgId, 'viewer')).user!.email;
    for (let i = 0; i < 5; i++)
      expect((await anonymous(ctx()).post('/api/auth/login', { email, password: `wrong-${i}-password` })).status).toBe(
        401,
      );
    const limited = await anonymous(ctx()).post('/api/auth/login', { email, password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Only that account is locked: its organization's owner still signs in.
    expect(
      (await anonymous(ctx()).post('/api/auth/login', { email: owner.user!.email, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('rate-limits failed logins per IP across accounts', async () => {
    const server = ctx();
    const from = (ip: string, email: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { email, password: 'not the password' },
      });
    for (let i = 0; i < 30; i++) expect((await from('10.9.9.9', uniqueEmail('spray'))).statusCode).toBe(401);
    expect((await from('10.9.9.9', uniqueEmail('spray'))).statusCode).toBe(429);
    expect((await from('10.9.9.8', uniqueEmail('spray'))).statusCode).toBe(401);
  });

  it('requires the CSRF token on cookie-authenticated writes, not on bearer requests', async () => {
    const { owner } = await newOrgOwner(ctx());
    const noCsrf = new Client(ctx(), { cookie: owner.auth.cookie });
    const refused = await noCsrf.post('/api/orgs', { name: 'No CSRF' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('CSRF');
    expect((await owner.post('/api/orgs', { name: 'With CSRF' })).status).toBe(201);
    const bearer = await tokenClient(owner);
    expect((await bearer.post('/api/orgs', { name: 'Bearer' })).status).toBe(201);
  });

  it('shows an API token once, stores it hashed, lists and revokes it', async () => {
    const { owner } = await newOrgOwner(ctx());
    const created = await owner.post('/api/tokens', { name: 'CI import' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^ft_/);
    const stored = await ctx()
      .handle.db.selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const list = await owner.get('/api/tokens');
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ id: created.body.id, name: 'CI import', revokedAt: null }),
    );
    expect(JSON.stringify(list.body)).not.toContain(token);

    const bearer = new Client(ctx(), { bearer: token });
    expect((await bearer.get('/api/me')).status).toBe(200);
    expect((await owner.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const after = await bearer.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it("cannot revoke another user's token", async () => {
    const a = await newOrgOwner(ctx());
    const b = await newOrgOwner(ctx());
    const t = await a.owner.post('/api/tokens', { name: 'mine' });
    expect((await b.owner.delete(`/api/tokens/${t.body.id}`)).status).toBe(404);
  });

  it('answers 401 in the contract shape without credentials', async () => {
    const res = await anonymous(ctx()).get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('sets security headers and no x-powered-by', async () => {
    const res = await anonymous(ctx()).get('/api/health');
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "script-src-attr 'none'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('passwords', () => {
  it('are stored as argon2id hashes', async () => {
    const { hashPassword, verifyPassword } = await import('../src/platform/auth/secrets');
    const h = await hashPassword('a long enough passphrase');
    expect(h).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(h, 'a long enough passphrase')).toBe(true);
    expect(await verifyPassword(h, 'another passphrase')).toBe(false);
  });
});
