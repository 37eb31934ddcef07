import { beforeAll, expect, it } from 'vitest';
import { sha256 } from '../src/platform/auth/secrets';
import type { Server } from '../src/server';
import {
  addMember,
  anonymous,
  type Client,
  describeEachDialect,
  newOrgOwner,
  PASSWORD,
  signIn,
  tokenClient,
} from './harness';
import { sameDatabaseServer } from './identity-support';

// Issue 17, item 13: change password, owner-issued reset links, sign out everywhere, and an
// absolute session lifetime beside the sliding idle timeout; each one audited.

const NEW_PASSWORD = 'seven purple lanterns drifting';
const DAY = 86_400_000;

const login = (server: Server, email: string, password: string, remoteAddress = '127.0.0.1') =>
  server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });

describeEachDialect('account: passwords and sessions', (ctx) => {
  const accountEvents = (userId: string) =>
    ctx()
      .handle.db.selectFrom('auditEvents')
      .selectAll()
      .where('chain', '=', `user:${userId}`)
      .orderBy('seq')
      .execute();
  const sessionRow = (c: Client) =>
    ctx().handle.db.selectFrom('sessions').selectAll().where('id', '=', sha256(c.auth.cookie!)).executeTakeFirst();

  // The first owner signs in for every later newOrgOwner(): keep that account out of these tests.
  beforeAll(async () => {
    await newOrgOwner(ctx());
    await newOrgOwner(ctx());
  });

  it('changes the password with the current one: other sessions end, this one and API tokens stay, and it is audited', async () => {
    const { owner } = await newOrgOwner(ctx());
    const email = owner.user!.email;
    const elsewhere = await signIn(ctx(), email);
    const bearer = await tokenClient(owner);

    const res = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ otherSessionsEnded: 1 });
    expect((await owner.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await bearer.get('/api/me')).status).toBe(200);
    expect((await login(ctx(), email, PASSWORD)).statusCode).toBe(401);
    expect((await login(ctx(), email, NEW_PASSWORD)).statusCode).toBe(200);

    const events = await accountEvents(owner.user!.id);
    const changed = events.find((e) => e.action === 'user.password_changed');
    expect(changed).toMatchObject({
      actorId: owner.user!.id,
      orgId: null,
      entityType: 'user',
      entityId: owner.user!.id,
    });
    expect(JSON.parse(changed!.after!)).toEqual({ otherSessionsEnded: 1 });
    const stored = await ctx()
      .handle.db.selectFrom('users')
      .select('passwordHash')
      .where('id', '=', owner.user!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(events)).not.toContain(stored.passwordHash);
    expect(JSON.stringify(events)).not.toContain(NEW_PASSWORD);
  });

  it('refuses a wrong current password on its field and counts it like a failed sign-in', async () => {
    const { owner } = await newOrgOwner(ctx());
    for (let i = 0; i < 5; i++) {
      const wrong = await owner.post('/api/auth/password', {
        currentPassword: `not my password ${i}`,
        newPassword: NEW_PASSWORD,
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details.issues).toEqual([
        { path: 'body.currentPassword', message: 'The current password is wrong' },
      ]);
    }
    // A stolen session cannot guess the password either: the sign-in limit applies.
    const limited = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    expect((await login(ctx(), owner.user!.email, PASSWORD, '10.71.0.1')).statusCode).toBe(429);
  });

  it('refuses the current password as the new one, and a new one the password rule refuses', async () => {
    const { owner } = await newOrgOwner(ctx());
    const same = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    expect(same.body.error.details.issues[0]).toMatchObject({
      path: 'body.newPassword',
      message: expect.stringMatching(/current one/),
    });
    const weak = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0]).toMatchObject({
      path: 'body.newPassword',
      message: expect.stringMatching(/most common passwords/),
    });
  });

  it('signs out everywhere: every session of the user ends, this one included; API tokens stay', async () => {
    const { owner } = await newOrgOwner(ctx());
    const elsewhere = await signIn(ctx(), owner.user!.email);
    const bearer = await tokenClient(owner);

    const res = await owner.post('/api/auth/logout-everywhere');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ sessionsEnded: 2 });
    expect(String(res.headers['set-cookie'])).toMatch(/ft_session=;/);
    expect((await owner.get('/api/me')).status).toBe(401);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await bearer.get('/api/me')).status).toBe(200);
    const ended = (await accountEvents(owner.user!.id)).find((e) => e.action === 'user.signed_out_everywhere');
    expect(JSON.parse(ended!.after!)).toEqual({ sessionsEnded: 2 });

    // With an API token (a lost laptop's browser sessions, ended from a script): the token keeps working.
    const again = await signIn(ctx(), owner.user!.email);
    expect((await bearer.post('/api/auth/logout-everywhere')).body).toEqual({ sessionsEnded: 1 });
    expect((await again.get('/api/me')).status).toBe(401);
    expect((await bearer.get('/api/me')).status).toBe(200);
  });

  it('ends a session at its absolute end however recently it was used; the idle expiry never slides past it', async () => {
    const { owner } = await newOrgOwner(ctx());
    const db = ctx().handle.db;
    const row = (await sessionRow(owner))!;
    // Defaults: 14 days idle, 30 days from sign-in at most.
    expect(Date.parse(row.endsAt!) - Date.parse(row.createdAt)).toBe(30 * DAY);
    expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(14 * DAY);
    expect(row.idleSeconds).toBe(14 * 86_400);

    // Used two hours ago, one hour before its absolute end: the slide stops at the end.
    const now = Date.now();
    const endsAt = new Date(now + 3_600_000).toISOString();
    await db
      .updateTable('sessions')
      .set({
        lastSeenAt: new Date(now - 2 * 3_600_000).toISOString(),
        expiresAt: new Date(now + 1_800_000).toISOString(),
        endsAt,
      })
      .where('id', '=', row.id)
      .execute();
    expect((await owner.get('/api/me')).status).toBe(200);
    expect((await sessionRow(owner))!.expiresAt).toBe(endsAt);

    // Past its absolute end: refused and removed, although its idle expiry is days away.
    await db
      .updateTable('sessions')
      .set({
        endsAt: new Date(Date.now() - 1000).toISOString(),
        expiresAt: new Date(Date.now() + 10 * DAY).toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    expect((await owner.get('/api/me')).status).toBe(401);
    expect(await sessionRow(owner)).toBeUndefined();

    // A session from before the absolute lifetime existed ends 30 days after its sign-in.
    const old = await signIn(ctx(), owner.user!.email);
    await db
      .updateTable('sessions')
      .set({
        endsAt: null,
        idleSeconds: null,
        createdAt: new Date(Date.now() - 31 * DAY).toISOString(),
        expiresAt: new Date(Date.now() + DAY).toISOString(),
      })
      .where('id', '=', sha256(old.auth.cookie!))
      .execute();
    expect((await old.get('/api/me')).status).toBe(401);
  });

  it('takes the lifetimes from SESSION_IDLE_DAYS and SESSION_MAX_DAYS, and the session keeps them on every instance', async () => {
    const { owner } = await newOrgOwner(ctx());
    const short = await sameDatabaseServer(ctx(), { SESSION_IDLE_DAYS: '1', SESSION_MAX_DAYS: '2' });
    try {
      const res = await login(short, owner.user!.email, PASSWORD);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'ft_session')!;
      expect(cookie.maxAge).toBe(2 * 86_400);
      const row = await ctx()
        .handle.db.selectFrom('sessions')
        .selectAll()
        .where('id', '=', sha256(cookie.value))
        .executeTakeFirstOrThrow();
      expect(Date.parse(row.endsAt!) - Date.parse(row.createdAt)).toBe(2 * DAY);
      expect(Date.parse(row.expiresAt) - Date.parse(row.createdAt)).toBe(DAY);
      expect(row.idleSeconds).toBe(86_400);
    } finally {
      await short.close();
    }
  });
});

describeEachDialect('account: owner-issued password reset links', (ctx) => {
  beforeAll(async () => {
    await newOrgOwner(ctx());
    await newOrgOwner(ctx());
  });

  const resetPath = (orgId: string, userId: string) => `/api/orgs/${orgId}/members/${userId}/password-reset`;

  it('lets an owner create a one-time link; using it sets the password, ends every session of the member, and both steps are audited', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const member = await addMember(ctx(), owner, orgId, 'contributor');
    const elsewhere = await signIn(ctx(), member.user!.email);
    const bearer = await tokenClient(member);

    const created = await owner.post(resetPath(orgId, member.user!.id));
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(created.body).toMatchObject({ id: expect.any(String), user: member.user, expiresAt: expect.any(String) });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 3_600_000);
    const stored = await ctx()
      .handle.db.selectFrom('passwordResets')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const preview = await anonymous(ctx()).get(`/api/password-resets/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      email: member.user!.email,
      name: member.user!.name,
      expiresAt: created.body.expiresAt,
    });

    const weak = await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: member.user!.email });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.issues[0]).toMatchObject({
      path: 'body.password',
      message: expect.stringMatching(/email/),
    });

    const used = await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: NEW_PASSWORD });
    expect(used.status).toBe(200);
    expect(used.body).toEqual({ user: member.user });
    for (const c of [member, elsewhere]) expect((await c.get('/api/me')).status).toBe(401);
    // API tokens are not sessions: they stay, listed with their last use, for the member to revoke.
    expect((await bearer.get('/api/me')).status).toBe(200);
    expect((await login(ctx(), member.user!.email, PASSWORD)).statusCode).toBe(401);
    expect((await login(ctx(), member.user!.email, NEW_PASSWORD)).statusCode).toBe(200);

    // Single use.
    expect((await anonymous(ctx()).get(`/api/password-resets/${token}`)).status).toBe(404);
    expect(
      (await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: 'another fine long password' })).status,
    ).toBe(404);

    const orgTrail = (await owner.get(`/api/orgs/${orgId}/audit-events?entityType=password_reset`)).body.items as {
      action: string;
      actor: { id: string | null };
    }[];
    expect(orgTrail.map((e) => e.action).sort()).toEqual(['password_reset.created', 'password_reset.used']);
    expect(orgTrail.find((e) => e.action === 'password_reset.created')!.actor.id).toBe(owner.user!.id);
    const accountTrail = await ctx()
      .handle.db.selectFrom('auditEvents')
      .selectAll()
      .where('chain', '=', `user:${member.user!.id}`)
      .execute();
    expect(accountTrail.map((e) => e.action)).toEqual(
      expect.arrayContaining(['password_reset.created', 'user.password_reset']),
    );
    expect(JSON.stringify([orgTrail, accountTrail])).not.toContain(token);
    expect((await owner.get(`/api/orgs/${orgId}/audit-events/verify`)).body.ok).toBe(true);
  });

  it('replaces an earlier link with a new one, refuses expired links, and also lifts the sign-in lock', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const member = await addMember(ctx(), owner, orgId, 'viewer');
    const first = (await owner.post(resetPath(orgId, member.user!.id))).body.token as string;
    const second = await owner.post(resetPath(orgId, member.user!.id));
    expect((await anonymous(ctx()).get(`/api/password-resets/${first}`)).status).toBe(404);
    expect((await anonymous(ctx()).get(`/api/password-resets/${second.body.token}`)).status).toBe(200);

    await ctx()
      .handle.db.updateTable('passwordResets')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', second.body.id)
      .execute();
    const expired = await anonymous(ctx()).post(`/api/password-resets/${second.body.token}`, {
      password: NEW_PASSWORD,
    });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toMatch(/expired/);

    // Locked out by wrong guesses: the owner's new link is the way back in.
    for (let i = 0; i < 5; i++)
      expect((await login(ctx(), member.user!.email, `guess number ${i}`, '10.72.0.1')).statusCode).toBe(401);
    expect((await login(ctx(), member.user!.email, PASSWORD, '10.72.0.1')).statusCode).toBe(429);
    const third = (await owner.post(resetPath(orgId, member.user!.id))).body.token as string;
    expect((await anonymous(ctx()).post(`/api/password-resets/${third}`, { password: NEW_PASSWORD })).status).toBe(200);
    expect((await login(ctx(), member.user!.email, NEW_PASSWORD, '10.72.0.1')).statusCode).toBe(200);
  });

  it('is for owners only, never for oneself, and only for members', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const manager = await addMember(ctx(), owner, orgId, 'manager');
    const viewer = await addMember(ctx(), owner, orgId, 'viewer');
    const byManager = await manager.post(resetPath(orgId, viewer.user!.id));
    expect(byManager.status).toBe(403);
    const own = await owner.post(resetPath(orgId, owner.user!.id));
    expect(own.status).toBe(422);
    expect(own.body.error.message).toMatch(/Account page/);
    const stranger = await newOrgOwner(ctx());
    expect((await owner.post(resetPath(orgId, stranger.owner.user!.id))).status).toBe(404);
  });

  it('stops working when the member leaves the organization, or its maker is no longer an owner', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const leaving = await addMember(ctx(), owner, orgId, 'viewer');
    const token = (await owner.post(resetPath(orgId, leaving.user!.id))).body.token as string;
    expect((await owner.delete(`/api/orgs/${orgId}/members/${leaving.user!.id}`)).status).toBe(204);
    expect((await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: NEW_PASSWORD })).status).toBe(404);

    const staying = await addMember(ctx(), owner, orgId, 'viewer');
    const coOwner = await addMember(ctx(), owner, orgId, 'owner');
    const byCoOwner = (await coOwner.post(resetPath(orgId, staying.user!.id))).body.token as string;
    await owner.patch(`/api/orgs/${orgId}/members/${coOwner.user!.id}`, { version: 1, role: 'viewer' });
    expect((await anonymous(ctx()).post(`/api/password-resets/${byCoOwner}`, { password: NEW_PASSWORD })).status).toBe(
      422,
    );
    expect((await login(ctx(), staying.user!.email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a link for a member who also belongs to an organization the owner does not own, also when they joined after the link was made', async () => {
    const a = await newOrgOwner(ctx(), 'Org A');
    const b = await newOrgOwner(ctx(), 'Org B');
    const member = await addMember(ctx(), a.owner, a.orgId, 'viewer');
    const early = (await a.owner.post(resetPath(a.orgId, member.user!.id))).body.token as string;

    const inv = await b.owner.post(`/api/orgs/${b.orgId}/invitations`, { email: member.user!.email, role: 'viewer' });
    expect((await member.post(`/api/invitations/${inv.body.token}/accept`, {})).status).toBe(200);

    const refused = await a.owner.post(resetPath(a.orgId, member.user!.id));
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/not an owner of/);
    const late = await anonymous(ctx()).post(`/api/password-resets/${early}`, { password: NEW_PASSWORD });
    expect(late.status).toBe(422);
    expect((await member.get('/api/me')).status).toBe(200);
    expect((await login(ctx(), member.user!.email, NEW_PASSWORD, '10.73.0.1')).statusCode).toBe(401);
  });
});
