import { describe, expect, it } from 'vitest';
import { ROLE_DESCRIPTIONS, ROLES } from './enums';
import { ZInvitationInput, ZOrganizationName, ZPersonName, ZEmail } from './org';

// What the members page and the sign-up accept, and the words of each refusal (the all-mutant Stryker
// run of org.ts and enums.ts left the type messages, the invitation's date rules and the role
// descriptions untested).
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the words of a person, an organization and an email', () => {
  it('refuses a value that is not text in its own words', () => {
    expect(messages(ZEmail.safeParse(42))).toEqual([['', 'Email must be text']]);
    expect(messages(ZPersonName.safeParse(42))).toEqual([['', 'Name must be text']]);
    expect(messages(ZOrganizationName.safeParse(null))).toEqual([['', 'Organization name must be text']]);
  });

  it('trims an organization name before checking it', () => {
    expect(ZOrganizationName.parse(`  ${'o'.repeat(120)}  `)).toBe('o'.repeat(120));
    expect(messages(ZOrganizationName.safeParse('   '))).toEqual([['', 'Organization name is required']]);
  });
});

describe('an invitation', () => {
  const future = '2099-03-31T23:59:59Z';

  it('takes an end of access with a zone offset as well as in UTC', () => {
    expect(
      ZInvitationInput.parse({ email: 'a@example.com', role: 'viewer', expiresAt: '2099-03-31T23:59:59+02:00' }),
    ).toEqual({ email: 'a@example.com', role: 'viewer', expiresAt: '2099-03-31T23:59:59+02:00' });
    expect(
      ZInvitationInput.parse({ email: 'a@example.com', role: 'external_auditor', expiresAt: future }).expiresAt,
    ).toBe(future);
  });

  it('refuses an end of access in the past on the field the form shows', () => {
    expect(
      messages(
        ZInvitationInput.safeParse({ email: 'a@example.com', role: 'viewer', expiresAt: '2020-01-01T00:00:00Z' }),
      ),
    ).toEqual([['expiresAt', 'Access ends on: choose today or a later day']]);
  });
});

describe('the description of each role', () => {
  it('says what each role may do, word for word', () => {
    expect(Object.keys(ROLE_DESCRIPTIONS)).toEqual([...ROLES]);
    expect(ROLE_DESCRIPTIONS).toEqual({
      owner: 'Everything, including members and the organization itself.',
      manager: 'Runs the AIMS: edits every register and invites members (not owners).',
      contributor: 'Records and edits register items such as AI systems and evidence.',
      approver: 'Reads everything; approves policies, the SoA and risk acceptance.',
      internal_auditor: 'Reads everything, including the audit trail; records audit findings.',
      external_auditor: 'Certification body: read-only, until the access expiry date.',
      viewer: 'Reads registers; changes nothing.',
    });
  });
});
