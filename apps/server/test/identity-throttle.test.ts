import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { LOGIN_LIMITS } from '../src/modules/identity/sessions';
import type { Server } from '../src/server';
import { describeEachDialect, newOrgOwner, PASSWORD, uniqueEmail } from './harness';
import { sameDatabaseServer, tally } from './identity-support';

// Issue 17, items 6 and 7: the sign-in limits hold under parallel guesses on several processes
// sharing the database, and the per-address limit keys on an address the client cannot choose.

const login = (
  server: Server,
  payload: { email: string; password: string },
  remoteAddress: string,
  headers: Record<string, string> = {},
) => server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload });

const randomIp = () => `${[...randomBytes(4)].map((b) => (b % 223) + 1).join('.')}`;

describeEachDialect('sign-in limits under parallel guesses', (ctx) => {
  // The first owner signs in for every later newOrgOwner(): set up (and sign in) first, then lock other accounts.
  beforeAll(async () => {
    await newOrgOwner(ctx());
    await newOrgOwner(ctx());
  });

  it('lets at most the per-account limit of 120 parallel guesses on two instances reach the password check', async () => {
    const { owner } = await newOrgOwner(ctx());
    const email = owner.user!.email;
    const other = await sameDatabaseServer(ctx());
    try {
      const servers = [ctx(), other];
      // Each guess from its own address, so only the account limit is in play.
      const answers = await Promise.all(
        Array.from({ length: 120 }, (_, i) =>
          login(servers[i % 2]!, { email, password: `wrong guess number ${i}` }, `10.61.${i >> 8}.${i & 255}`),
        ),
      );
      const counts = tally(answers.map((a) => a.statusCode));
      // A 401 is an answer after a password check; a 429 is a refusal before it.
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(120);
      expect(counts[401] ?? 0).toBeLessThanOrEqual(LOGIN_LIMITS.perAccount);
      const recorded = await ctx()
        .handle.db.selectFrom('loginFailures')
        .select('id')
        .where('key', '=', `account:${email}`)
        .execute();
      expect(recorded.length).toBe(counts[401] ?? 0);
    } finally {
      await other.close();
    }
  });

  it('lets at most the per-address limit of 100 parallel guesses from one address reach the password check', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        login(ctx(), { email: uniqueEmail('spray'), password: 'not the password at all' }, '10.62.0.1'),
      ),
    );
    const counts = tally(answers.map((a) => a.statusCode));
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(100);
    expect(counts[401] ?? 0).toBeLessThanOrEqual(LOGIN_LIMITS.perIp);
    expect(counts[429]).toBeGreaterThan(0);
  });

  it('does not count refused attempts as failures, and a right password clears the account failures', async () => {
    const { owner } = await newOrgOwner(ctx());
    const email = owner.user!.email;
    const rows = async () =>
      (await ctx().handle.db.selectFrom('loginFailures').select('id').where('key', '=', `account:${email}`).execute())
        .length;
    for (let i = 0; i < 3; i++)
      expect((await login(ctx(), { email, password: `wrong-${i}-password` }, '10.63.0.1')).statusCode).toBe(401);
    expect(await rows()).toBe(3);
    expect((await login(ctx(), { email, password: PASSWORD }, '10.63.0.1')).statusCode).toBe(200);
    expect(await rows()).toBe(0);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++)
      expect((await login(ctx(), { email, password: `wrong-${i}-password` }, '10.63.0.2')).statusCode).toBe(401);
    for (let i = 0; i < 3; i++)
      expect((await login(ctx(), { email, password: PASSWORD }, '10.63.0.3')).statusCode).toBe(429);
    expect(await rows()).toBe(LOGIN_LIMITS.perAccount);
  });
});

describeEachDialect('sign-in limit per address behind a proxy (TRUST_PROXY)', (ctx) => {
  /** 30 failures through the proxy with a fresh leftmost X-Forwarded-For each time, then one more. */
  async function rotateLeftmost(server: Server, proxy: string, client: string) {
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      const res = await login(server, { email: uniqueEmail('rotate'), password: 'not the password' }, proxy, {
        'x-forwarded-for': `${randomIp()}, ${client}`,
      });
      expect(res.statusCode).toBe(401);
    }
    return login(server, { email: uniqueEmail('rotate'), password: 'not the password' }, proxy, {
      'x-forwarded-for': `${randomIp()}, ${client}`,
    });
  }

  it('keys on the address the trusted proxy saw when TRUST_PROXY lists the proxies, whatever the leftmost entry says', async () => {
    const behind = await sameDatabaseServer(ctx(), { TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' });
    try {
      expect((await rotateLeftmost(behind, '10.0.0.2', '203.0.113.10')).statusCode).toBe(429);
      // Another client behind the same proxy keeps its own budget.
      expect(
        (
          await login(behind, { email: uniqueEmail('other'), password: 'not the password' }, '10.0.0.2', {
            'x-forwarded-for': '203.0.113.11',
          })
        ).statusCode,
      ).toBe(401);
      // A caller that is not a listed proxy is its own address: it cannot claim another one's.
      expect(
        (
          await login(behind, { email: uniqueEmail('direct'), password: 'not the password' }, '198.51.100.7', {
            'x-forwarded-for': '203.0.113.11',
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (
          await login(behind, { email: uniqueEmail('direct'), password: 'not the password' }, '198.51.100.8', {
            'x-forwarded-for': '203.0.113.10',
          })
        ).statusCode,
      ).toBe(401);
    } finally {
      await behind.close();
    }
  });

  it('keys on the address the nearest proxy saw when TRUST_PROXY is a hop count', async () => {
    const behind = await sameDatabaseServer(ctx(), { TRUST_PROXY: '1' });
    try {
      expect((await rotateLeftmost(behind, '172.16.0.5', '203.0.113.20')).statusCode).toBe(429);
      expect(
        (
          await login(behind, { email: uniqueEmail('other'), password: 'not the password' }, '172.16.0.5', {
            'x-forwarded-for': '203.0.113.21',
          })
        ).statusCode,
      ).toBe(401);
    } finally {
      await behind.close();
    }
  });
});
