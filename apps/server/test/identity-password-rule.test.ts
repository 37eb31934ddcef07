import { beforeAll, expect, it } from 'vitest';
import { anonymous, describeEachDialect, newOrgOwner, PASSWORD, uniqueEmail } from './harness';

// Issue 17, item 14: one password rule (NIST SP 800-63B) for setup, invitation accept, change
// password and reset, with the account's own email and name; messages say what to fix.

const WEAK: [string, RegExp][] = [
  ['aaaaaaaaaaaa', /repeats one character/],
  ['password1234', /most common passwords/],
  ['            ', /only spaces/],
  ['Fortytwo-2024!', /name of this application/],
  ['123456789012', /simple sequence/],
];

describeEachDialect('password rule', (ctx) => {
  beforeAll(async () => {
    await newOrgOwner(ctx());
    await newOrgOwner(ctx());
  });

  const issueOf = (
    body: { error: { code: string; details?: { issues?: { path: string; message: string }[] } } },
    path: string,
  ) => body.error.details?.issues?.find((i) => i.path === path)?.message;

  it('is applied at setup, on the password field, with the email and name of the form', async () => {
    const email = 'sam.setup@example.com';
    const cases: [string, RegExp][] = [
      ...WEAK,
      [email, /email address/],
      ['sam.setup2024', /email address/],
      ['Ada Lovelace 1815', /your name/],
    ];
    for (const [password, message] of cases) {
      const res = await anonymous(ctx()).post('/api/setup', {
        email,
        password,
        name: 'Ada Lovelace',
        organizationName: 'Acme',
      });
      expect(res.status, password).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION');
      expect(issueOf(res.body, 'body.password'), password).toMatch(message);
    }
  });

  it('is applied when accepting an invitation, with the invited email and the chosen name', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    const email = uniqueEmail('invited');
    const token = (await owner.post(`/api/orgs/${orgId}/invitations`, { email, role: 'viewer' })).body.token as string;
    const cases: [string, RegExp][] = [
      ...WEAK,
      [email, /email address/],
      [`${email.split('@')[0]}!`, /email address/],
      ['Ingrid Invitee 2024', /your name/],
    ];
    for (const [password, message] of cases) {
      const res = await anonymous(ctx()).post(`/api/invitations/${token}/accept`, { name: 'Ingrid Invitee', password });
      expect(res.status, password).toBe(400);
      expect(issueOf(res.body, 'body.password'), password).toMatch(message);
    }
    // The invitation is still open: a good password then goes through.
    expect(
      (await anonymous(ctx()).post(`/api/invitations/${token}/accept`, { name: 'Ingrid Invitee', password: PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('is applied to a changed password and to one set through a reset link', async () => {
    const { owner, orgId } = await newOrgOwner(ctx());
    for (const [password, message] of [...WEAK, [owner.user!.email, /email address/]] as [string, RegExp][]) {
      const res = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: password });
      expect(res.status, password).toBe(400);
      expect(issueOf(res.body, 'body.newPassword'), password).toMatch(message);
    }
    const inv = await owner.post(`/api/orgs/${orgId}/invitations`, { email: uniqueEmail('reset'), role: 'viewer' });
    const accepted = await anonymous(ctx()).post(`/api/invitations/${inv.body.token}/accept`, {
      name: 'Rita Resetting',
      password: PASSWORD,
    });
    const token = (await owner.post(`/api/orgs/${orgId}/members/${accepted.body.user.id}/password-reset`)).body
      .token as string;
    for (const [password, message] of [...WEAK, ['Rita Resetting!', /your name/]] as [string, RegExp][]) {
      const res = await anonymous(ctx()).post(`/api/password-resets/${token}`, { password });
      expect(res.status, password).toBe(400);
      expect(issueOf(res.body, 'body.password'), password).toMatch(message);
    }
  });
});
