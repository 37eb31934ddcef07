import { describe, expect, it } from 'vitest';
import { ZEmail, ZInvitationInput, ZLogin, ZOrganizationName, ZPersonName, ZRole } from './org';

const firstMessage = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;
const future = new Date(Date.now() + 30 * 86_400_000).toISOString();
const past = new Date(Date.now() - 86_400_000).toISOString();

describe('people and organizations', () => {
  it('stores an email trimmed and in lower case, up to 254 characters', () => {
    expect(ZEmail.parse('  Ada@Example.COM ')).toBe('ada@example.com');
    const local = 'a'.repeat(64);
    const at254 = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.io`;
    expect(at254).toHaveLength(254);
    expect(ZEmail.safeParse(at254).success).toBe(true);
    expect(firstMessage(ZEmail.safeParse(`x${at254}`))).toBe('Email must be at most 254 characters');
    expect(firstMessage(ZEmail.safeParse('ada.example.com'))).toBe(
      'Enter a valid email address, like name@example.com',
    );
  });

  it('needs a name and an organization name of at most 120 characters', () => {
    expect(ZPersonName.safeParse('x'.repeat(120)).success).toBe(true);
    expect(firstMessage(ZPersonName.safeParse('x'.repeat(121)))).toBe('Name must be at most 120 characters');
    expect(firstMessage(ZPersonName.safeParse(' '))).toBe('Name is required');
    expect(firstMessage(ZOrganizationName.safeParse(''))).toBe('Organization name is required');
    expect(firstMessage(ZOrganizationName.safeParse('x'.repeat(121)))).toBe(
      'Organization name must be at most 120 characters',
    );
  });

  it('names the roles when one is unknown', () => {
    expect(firstMessage(ZRole.safeParse('admin'))).toMatch(/^Role must be one of: owner, /);
  });

  it('asks a password to sign in, without judging it', () => {
    expect(ZLogin.parse({ email: 'A@b.io', password: 'x' })).toEqual({ email: 'a@b.io', password: 'x' });
    expect(firstMessage(ZLogin.safeParse({ email: 'a@b.io', password: '' }))).toBe('Password is required');
  });
});

describe('invitations', () => {
  it('gives an external auditor a future access expiry, and nobody a past one', () => {
    expect(ZInvitationInput.safeParse({ email: 'a@b.io', role: 'viewer' }).success).toBe(true);
    expect(ZInvitationInput.safeParse({ email: 'a@b.io', role: 'external_auditor', expiresAt: future }).success).toBe(
      true,
    );
    expect(ZInvitationInput.safeParse({ email: 'a@b.io', role: 'external_auditor' }).error?.issues[0]).toMatchObject({
      path: ['expiresAt'],
      message: 'Access ends on: an external auditor needs the day their access ends',
    });
    expect(firstMessage(ZInvitationInput.safeParse({ email: 'a@b.io', role: 'viewer', expiresAt: past }))).toBe(
      'Access ends on: choose today or a later day',
    );
    expect(firstMessage(ZInvitationInput.safeParse({ email: 'a@b.io', role: 'viewer', expiresAt: '2027-03-31' }))).toBe(
      'Access ends on must be a date-time, like 2027-03-31T23:59:59Z',
    );
  });
});
