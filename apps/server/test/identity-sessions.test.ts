import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { addMember, Client, describeEachDialect, newOrgOwner, PASSWORD } from './harness';
import { startSmtp, type MailCatcher } from './smtp';

// Issue 21: a person's sessions with device and last use, ending one of them, a notice by email on
// a sign-in from a device the account never used, and a notice when an API token is created.

let smtp: MailCatcher;
const PUBLIC_URL = 'https://fortytwo.test';

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** Signs in as a browser would: with its User-Agent and the device cookie it kept from before, if any. */
async function browserSignIn(
  server: Server,
  email: string,
  userAgent: string,
  device?: string,
  remoteAddress = '203.0.113.7',
) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers: { 'user-agent': userAgent, ...(device ? { cookie: `ft_device=${device}` } : {}) },
    payload: { email, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'ft_session')!.value;
  const deviceCookie = res.cookies.find((c) => c.name === 'ft_device');
  const body = JSON.parse(res.body) as { csrfToken: string; user: { id: string; email: string; name: string } };
  return {
    client: new Client(server, { cookie, csrf: body.csrfToken }, body.user),
    device: deviceCookie?.value ?? device,
  };
}

const noticesTo = (email: string) => smtp.to(email).filter((m) => m.subject === 'New sign-in to your Fortytwo account');
const settle = () => new Promise((r) => setTimeout(r, 300));

describeEachDialect(
  'sessions and account notices',
  (ctx) => {
    it('lists my sessions with device, address and how I signed in, this one marked, and nobody else’s', async () => {
      const { owner } = await newOrgOwner(ctx(), 'Sessions Org');
      const email = owner.user!.email;
      const firefox = await browserSignIn(ctx(), email, FIREFOX);
      const { owner: stranger } = await newOrgOwner(ctx(), 'Other Org');

      const res = await firefox.client.get('/api/auth/sessions');
      expect(res.status).toBe(200);
      const items = res.body.items as { id: string; current: boolean; device: string; ip: string; via: string }[];
      // Her earlier sessions (from newOrgOwner) are listed too, each once.
      expect(items.length).toBeGreaterThanOrEqual(2);
      expect(new Set(items.map((s) => s.id)).size).toBe(items.length);
      const mine = items.find((s) => s.current)!;
      expect(mine).toMatchObject({ device: 'Firefox on Windows', ip: '203.0.113.7', via: 'password' });
      expect(mine.id).toMatch(/^[0-9a-f]{16}$/);
      expect(items.filter((s) => s.current)).toHaveLength(1);
      const theirs = (await stranger.get('/api/auth/sessions')).body.items as { id: string }[];
      expect(theirs.map((s) => s.id)).not.toContain(mine.id);
    });

    it('ends one session (that browser is signed out, mine stays), audited; another person’s session is not found', async () => {
      const { owner } = await newOrgOwner(ctx(), 'End Org');
      const email = owner.user!.email;
      const phone = await browserSignIn(ctx(), email, SAFARI);
      const list = (await owner.get('/api/auth/sessions')).body.items as {
        id: string;
        current: boolean;
        device: string;
      }[];
      const target = list.find((s) => s.device === 'Safari on iOS')!;

      const { owner: stranger } = await newOrgOwner(ctx(), 'Stranger Org');
      expect((await stranger.delete(`/api/auth/sessions/${target.id}`)).status).toBe(404);
      expect((await phone.client.get('/api/me')).status).toBe(200);

      expect((await owner.delete(`/api/auth/sessions/${target.id}`)).status).toBe(204);
      expect((await phone.client.get('/api/me')).status).toBe(401);
      expect((await owner.get('/api/me')).status).toBe(200);
      const again = await owner.delete(`/api/auth/sessions/${target.id}`);
      expect(again.status).toBe(404);
      expect(again.body.error.message).toMatch(/ended already/);
      expect((await owner.delete('/api/auth/sessions/not-a-session')).status).toBe(404);

      const events = await ctx()
        .handle.db.selectFrom('auditEvents')
        .select(['action', 'after'])
        .where('chain', '=', `user:${owner.user!.id}`)
        .where('action', '=', 'user.session_ended')
        .execute();
      expect(events).toHaveLength(1);
      expect(JSON.parse(events[0]!.after!)).toEqual({ session: target.id, device: 'Safari on iOS' });
    });

    it('ending the session I am using signs me out', async () => {
      const { owner } = await newOrgOwner(ctx(), 'Self Org');
      const me = ((await owner.get('/api/auth/sessions')).body.items as { id: string; current: boolean }[]).find(
        (s) => s.current,
      )!;
      const res = await owner.delete(`/api/auth/sessions/${me.id}`);
      expect(res.status).toBe(204);
      expect(String(res.headers['set-cookie'])).toMatch(/ft_session=;/);
      expect((await owner.get('/api/me')).status).toBe(401);
    });

    it('emails a notice on a sign-in from a new device, not from a known one nor for the first device', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Notice Org');
      // Someone invited: they signed in once (addMember), without a device cookie, so that is the
      // account's first device. Not the owner: if this test runs first on the server, newOrgOwner made
      // the first-run owner, who set up and then signed in again, from two devices.
      const person = await addMember(ctx(), owner, orgId, 'viewer');
      const email = person.user!.email;
      await settle();
      expect(noticesTo(email)).toHaveLength(0);

      const laptop = await browserSignIn(ctx(), email, FIREFOX);
      const notice = await smtp.waitFor((m) => m.to.includes(email) && m.subject.startsWith('New sign-in'));
      expect(notice.text).toContain('Firefox on Windows');
      expect(notice.text).toContain('203.0.113.7');
      expect(notice.text).toContain(`${PUBLIC_URL}/account`);

      // The same browser again (it kept its device cookie): no second notice.
      await browserSignIn(ctx(), email, FIREFOX, laptop.device);
      await settle();
      expect(noticesTo(email)).toHaveLength(1);

      // A forged or malformed device cookie is a new device, with a fresh cookie.
      const forged = await browserSignIn(ctx(), email, SAFARI, 'not-a-device');
      expect(forged.device).not.toBe('not-a-device');
      await smtp.waitFor((m) => m.to.includes(email) && m.text.includes('Safari on iOS'));
      expect(noticesTo(email)).toHaveLength(2);
    });

    it('emails a notice when an API token is created, naming it and never carrying the secret', async () => {
      const { owner } = await newOrgOwner(ctx(), 'Token Org');
      const email = owner.user!.email;
      const res = await owner.post('/api/tokens', { name: 'CI import', scope: 'measurements' });
      expect(res.status).toBe(201);
      const mail = await smtp.waitFor((m) => m.to.includes(email) && m.subject.includes('API token'));
      expect(mail.subject).toBe('A new API token was created on your Fortytwo account: CI import');
      expect(mail.text).toContain('scope measurements');
      expect(mail.text).toContain(res.body.prefix);
      expect(mail.text).not.toContain(res.body.token);
      expect(mail.text).toContain(`${PUBLIC_URL}/account/tokens`);
    });
  },
  { env: () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Fortytwo <fortytwo@example.test>', PUBLIC_URL }) },
);
