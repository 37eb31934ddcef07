import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Server } from '../src/server';
import { addMember, anonymous, describeEachDialect, newOrgOwner, otherInstance, PASSWORD } from './harness';
import { startSmtp, type MailCatcher } from './smtp';

// One task list, reminders and account emails (issues 12 and 21), against a real SMTP server
// started in this process. On PostgreSQL a second server instance shares the database: scheduled
// jobs run on both at once and each reminder must still arrive once, counted at the SMTP server.

let smtp: MailCatcher;
const PUBLIC_URL = 'https://fortytwo.test';
const env = () => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Fortytwo <fortytwo@example.test>', PUBLIC_URL });

beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const tokenIn = (text: string, path: string) => new RegExp(`${PUBLIC_URL}/${path}/([A-Za-z0-9_-]+)`).exec(text)?.[1];

describeEachDialect(
  'my tasks, reminders and account emails',
  (ctx) => {
    let other: Server | undefined;
    beforeAll(async () => {
      if (ctx().dialect === 'postgres') other = await otherInstance(ctx(), env());
    });
    afterAll(async () => {
      await other?.close();
    });

    it('lists what is assigned to me across organizations, placed in time, filtered and paged', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Tasks Org');
      const member = await addMember(ctx(), owner, orgId, 'contributor');
      const add = (title: string, dueDate: string | null, ownerId = member.user!.id) =>
        owner.post(`/api/orgs/${orgId}/actions`, { title, dueDate, ownerId });
      await add('Late one', day(-3));
      await add('Today one', day(0));
      await add('Next month', day(30));
      await add('Undated', null);
      await add('The owner keeps this', day(-1), owner.user!.id);
      const done = (await add('Already done', day(-5))).body;
      await owner.patch(`/api/orgs/${orgId}/actions/${done.id}`, { version: done.version, status: 'done' });

      const all = (await member.get('/api/me/tasks')).body;
      expect(all.items.map((t: { title: string }) => t.title)).toEqual([
        'Late one',
        'Today one',
        'Next month',
        'Undated',
      ]);
      expect(all.items.map((t: { dueState: string }) => t.dueState)).toEqual(['overdue', 'due_soon', 'later', 'later']);
      expect(all.counts).toEqual({ total: 4, overdue: 1, due_soon: 1, later: 2 });
      const first = all.items[0];
      // The earlier action fields are still there, beside the new ones.
      expect(first).toMatchObject({
        kind: 'action',
        sourceType: 'manual',
        status: 'open',
        organizationName: 'Tasks Org',
        orgId,
        href: `/orgs/${orgId}/tasks`,
        dueDate: day(-3),
        dueOn: day(-3),
      });
      expect(first.version).toBe(1);

      expect(
        (await member.get('/api/me/tasks?overdue=true')).body.items.map((t: { title: string }) => t.title),
      ).toEqual(['Late one']);
      expect((await member.get('/api/me/tasks?state=later')).body.items).toHaveLength(2);
      expect((await member.get('/api/me/tasks?kind=approval')).body.items).toEqual([]);
      expect((await member.get(`/api/me/tasks?orgId=${orgId}&kind=action,approval`)).body.items).toHaveLength(4);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { title: string }[]; nextCursor: string | null } = (
          await member.get(`/api/me/tasks?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        seen.push(...page.items.map((t) => t.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['Late one', 'Today one', 'Next month', 'Undated']);
      expect((await member.get('/api/me/tasks?cursor=nonsense')).status).toBe(400);
      expect((await member.get('/api/me/tasks?state=soon')).body.error.message).toMatch(/^State must be one of/);
    });

    it('shows nobody else the tasks, and drops an organization I left', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Private Tasks Org');
      const member = await addMember(ctx(), owner, orgId, 'contributor');
      await owner.post(`/api/orgs/${orgId}/actions`, {
        title: 'Secret task',
        dueDate: day(1),
        ownerId: member.user!.id,
      });
      const outsider = (await newOrgOwner(ctx(), 'Elsewhere Org')).owner;
      expect((await outsider.get(`/api/me/tasks?orgId=${orgId}`)).body.items).toEqual([]);
      expect((await member.get('/api/me/tasks')).body.items).toHaveLength(1);
      expect((await owner.delete(`/api/orgs/${orgId}/members/${member.user!.id}`)).status).toBe(204);
      expect((await member.get('/api/me/tasks')).body.items).toEqual([]);
    });

    it('sends a due reminder exactly once, though every instance runs the jobs at the same moment', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Reminder Org');
      const member = await addMember(ctx(), owner, orgId, 'contributor');
      await owner.post(`/api/orgs/${orgId}/actions`, {
        title: 'Overdue control review',
        dueDate: day(-2),
        ownerId: member.user!.id,
      });
      await owner.post(`/api/orgs/${orgId}/actions`, {
        title: 'Due today report',
        dueDate: day(0),
        ownerId: member.user!.id,
      });
      await owner.post(`/api/orgs/${orgId}/actions`, { title: 'Far away', dueDate: day(40), ownerId: member.user!.id });
      // Every job due now, whatever schedule an earlier test's tick left behind.
      await ctx()
        .handle.db.updateTable('jobs')
        .set({ nextRunAt: '2000-01-01T00:00:00.000Z', lockedUntil: null })
        .execute();
      const servers = [ctx(), other ?? ctx()];
      const now = new Date();
      const ran = await Promise.all([...servers, ...servers].map((s) => s.jobs.tick(now)));
      // Each kind of job was claimed by exactly one of the four ticks.
      expect(ran.flat().filter((k) => k === 'task-reminders')).toHaveLength(1);
      // A crashed run retried, or the next hour's run: the idempotency key holds.
      await ctx()
        .handle.db.updateTable('jobs')
        .set({ nextRunAt: '2000-01-01T00:00:00.000Z', lockedUntil: null })
        .execute();
      await Promise.all(servers.map((s) => s.jobs.tick(now)));
      const reminders = smtp.to(member.user!.email).filter((m) => /overdue task|due today/.test(m.subject));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.subject).toBe('Fortytwo: 1 overdue task and 1 due today');
      expect(reminders[0]!.text).toContain('Overdue control review');
      expect(reminders[0]!.text).toContain('Due today report');
      expect(reminders[0]!.text).not.toContain('Far away');
      expect(reminders[0]!.text).toContain(`${PUBLIC_URL}/orgs/${orgId}/tasks`);
      // The bell shows it too, marked as emailed.
      const bell = (await member.get('/api/me/notifications')).body;
      expect(bell.items.find((n: { kind: string }) => n.kind === 'reminder')).toMatchObject({
        subject: reminders[0]!.subject,
        emailed: true,
        readAt: null,
      });
      expect(bell.unread).toBeGreaterThanOrEqual(1);
      expect((await member.post('/api/me/notifications/read', {})).body.marked).toBe(bell.unread);
      expect((await member.get('/api/me/notifications')).body.unread).toBe(0);
    });

    it("writes the daily digest grouped by state, and respects each person's settings", async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Digest Org');
      const reader = await addMember(ctx(), owner, orgId, 'contributor');
      const quiet = await addMember(ctx(), owner, orgId, 'contributor');
      for (const c of [reader, quiet]) {
        await owner.post(`/api/orgs/${orgId}/actions`, {
          title: `Late for ${c.user!.name}`,
          dueDate: day(-1),
          ownerId: c.user!.id,
        });
        await owner.post(`/api/orgs/${orgId}/actions`, { title: 'Soon enough', dueDate: day(3), ownerId: c.user!.id });
      }
      expect((await quiet.get('/api/me/notification-settings')).body).toEqual({
        digest: true,
        reminders: true,
        version: 0,
        email: true,
      });
      const saved = await quiet.put('/api/me/notification-settings', { version: 0, digest: false, reminders: false });
      expect(saved.body).toEqual({ digest: false, reminders: false, version: 1, email: true });
      expect((await quiet.put('/api/me/notification-settings', { version: 0, digest: true })).status).toBe(409);
      expect(
        (await quiet.put('/api/me/notification-settings', { version: 1, digest: 'yes' })).body.error.message,
      ).toMatch(/Daily digest must be true or false/);

      await ctx()
        .handle.db.updateTable('jobs')
        .set({ nextRunAt: '2000-01-01T00:00:00.000Z', lockedUntil: null })
        .execute();
      await ctx().jobs.tick();
      const digest = smtp.to(reader.user!.email).filter((m) => m.subject.startsWith('Fortytwo daily digest'));
      expect(digest).toHaveLength(1);
      expect(digest[0]!.subject).toBe('Fortytwo daily digest: 2 open tasks');
      expect(digest[0]!.text).toMatch(/Overdue \(1\):[\s\S]*Late for[\s\S]*Due soon \(1\):[\s\S]*Soon enough/);
      expect(digest[0]!.text).toContain('Digest Org');
      expect(digest[0]!.raw).not.toMatch(/<img/i);
      expect(smtp.to(quiet.user!.email).filter((m) => /digest|overdue|due today/.test(m.subject))).toEqual([]);
      expect((await quiet.get('/api/me/notifications')).body.items).toEqual([]);
    });

    it('emails an invitation whose link works', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Invite Mail Org');
      const email = `invitee-${Date.now()}-${ctx().dialect}@example.test`;
      const inv = await owner.post(`/api/orgs/${orgId}/invitations`, { email, role: 'viewer' });
      expect(inv.status).toBe(201);
      expect(inv.body.emailed).toBe(true);
      const mail = await smtp.waitFor((m) => m.to.includes(email));
      expect(mail.subject).toContain('Invite Mail Org');
      const token = tokenIn(mail.text, 'invitations');
      expect(token).toBe(inv.body.token);
      const accepted = await anonymous(ctx()).post(`/api/invitations/${token}/accept`, {
        name: 'Ivy Invitee',
        password: PASSWORD,
      });
      expect(accepted.status).toBe(200);
    });

    it('mails a password reset link that works once, and says the same for unknown addresses', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Reset Mail Org');
      const member = await addMember(ctx(), owner, orgId, 'viewer');
      const email = member.user!.email;
      const before = smtp.messages.length;
      const unknown = await anonymous(ctx()).post('/api/password-resets', {
        email: `nobody-${Date.now()}@example.test`,
      });
      const known = await anonymous(ctx()).post('/api/password-resets', { email });
      expect(unknown.status).toBe(202);
      expect(known.status).toBe(202);
      expect(known.body).toEqual(unknown.body);
      const mail = await smtp.waitFor(
        (m) => m.to.includes(email) && m.subject.startsWith('Set a new Fortytwo password'),
      );
      expect(smtp.messages.length - before).toBe(1);
      const token = tokenIn(mail.text, 'reset-password')!;
      const newPassword = 'a brand new passphrase 42';
      expect((await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: newPassword })).status).toBe(
        200,
      );
      expect(
        (await anonymous(ctx()).post(`/api/password-resets/${token}`, { password: 'yet another passphrase 43' }))
          .status,
      ).toBe(404);
      const login = await anonymous(ctx()).post('/api/auth/login', { email, password: newPassword });
      expect(login.status).toBe(200);
      // Asking again at once sends nothing more: the form cannot flood an inbox.
      await anonymous(ctx()).post('/api/password-resets', { email });
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.to(email).filter((m) => m.subject.startsWith('Set a new Fortytwo password'))).toHaveLength(1);
    });

    it('emails the owner-created reset link to the member', async () => {
      const { owner, orgId } = await newOrgOwner(ctx(), 'Owner Reset Org');
      const member = await addMember(ctx(), owner, orgId, 'viewer');
      const res = await owner.post(`/api/orgs/${orgId}/members/${member.user!.id}/password-reset`);
      expect(res.status).toBe(201);
      expect(res.body.emailed).toBe(true);
      const mail = await smtp.waitFor((m) => m.to.includes(member.user!.email) && m.text.includes(res.body.token));
      expect(mail.text).toContain('Owner Reset Org');
    });
  },
  { env },
);

describeEachDialect('reminders and account links without email', (ctx) => {
  it('keeps notifications in the app and shows links to whoever creates them', async () => {
    const { owner, orgId } = await newOrgOwner(ctx(), 'No Mail Org');
    const inv = await owner.post(`/api/orgs/${orgId}/invitations`, {
      email: `nomail-${Date.now()}@example.test`,
      role: 'viewer',
    });
    expect(inv.body).toMatchObject({ emailed: false });
    expect(inv.body.token).toEqual(expect.any(String));
    const member = await addMember(ctx(), owner, orgId, 'contributor');
    await owner.post(`/api/orgs/${orgId}/actions`, {
      title: 'Overdue without mail',
      dueDate: day(-1),
      ownerId: member.user!.id,
    });
    await ctx().jobs.tick();
    const bell = (await member.get('/api/me/notifications')).body;
    expect(bell.items.map((n: { kind: string; emailed: boolean }) => [n.kind, n.emailed])).toEqual(
      expect.arrayContaining([
        ['reminder', false],
        ['digest', false],
      ]),
    );
    expect(bell.items.find((n: { kind: string }) => n.kind === 'reminder').body).toContain('Overdue without mail');
    expect((await member.get('/api/me/notification-settings')).body.email).toBe(false);
    const forgot = await anonymous(ctx()).post('/api/password-resets', { email: member.user!.email });
    expect(forgot.status).toBe(422);
    expect(forgot.body.error.message).toMatch(/does not send email/);
  });
});
