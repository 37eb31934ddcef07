import { z } from 'zod';
import type { Role } from './enums';

/**
 * Roles single sign-on may grant by itself (an email domain allowed to join, or a provider group).
 * Ownership is given by an owner in the app, and external auditors are invited with an end date:
 * neither should follow from a claim another system controls.
 */
export const SSO_ROLES = [
  'manager',
  'approver',
  'internal_auditor',
  'contributor',
  'viewer',
] as const satisfies readonly Role[];
export type SsoRole = (typeof SSO_ROLES)[number];
const RANK: Record<SsoRole, number> = { manager: 5, approver: 4, internal_auditor: 3, contributor: 2, viewer: 1 };

const ssoRole = (label: string) =>
  z.enum(SSO_ROLES, {
    error: `${label} must be one of: ${SSO_ROLES.join(', ')} (owners and external auditors are never granted by single sign-on)`,
  });

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const ZOrgSsoSettings = z.object({
  allowedDomains: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .transform((d) => d.replace(/^@/, ''))
        .refine((d) => DOMAIN.test(d), {
          error: (i) => `Email domains: "${String(i.input)}" is not a domain like example.com`,
        }),
    )
    .max(20, 'Email domains: at most 20')
    .refine((ds) => new Set(ds).size === ds.length, 'Email domains: each domain once'),
  defaultRole: ssoRole('Role for people who join by their email domain'),
  groupRoles: z
    .array(
      z.object({
        group: z
          .string()
          .trim()
          .min(1, 'Group mappings: a group name is required')
          .max(200, 'Group mappings: a group name has at most 200 characters'),
        role: ssoRole('Group mappings: the role'),
      }),
    )
    .max(50, 'Group mappings: at most 50')
    .refine((gs) => new Set(gs.map((g) => g.group)).size === gs.length, 'Group mappings: each group once'),
  localSignIn: z.boolean({ error: 'Password sign-in must be on (true) or off (false)' }),
  version: z.number().int().min(0),
});
export type OrgSsoSettings = z.output<typeof ZOrgSsoSettings>;

export const DEFAULT_ORG_SSO_SETTINGS: Omit<OrgSsoSettings, 'version'> = {
  allowedDomains: [],
  defaultRole: 'viewer',
  groupRoles: [],
  localSignIn: true,
};

/** The highest role the person's provider groups map to, or null when none of them is mapped. */
export function roleFromGroups(groups: readonly string[], mappings: OrgSsoSettings['groupRoles']): SsoRole | null {
  const held = new Set(groups);
  let best: SsoRole | null = null;
  for (const m of mappings) if (held.has(m.group) && (best === null || RANK[m.role] > RANK[best])) best = m.role;
  return best;
}

export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Where to go after signing in: a path of this app only. Anything else ("//evil.example", a full
 * URL, an API path, a backslash trick) becomes "/", so the sign-in cannot be used as an open redirect.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\') ||
    [...value].some((ch) => ch.charCodeAt(0) < 0x20)
  )
    return '/';
  if (value === '/api' || value.startsWith('/api/')) return '/';
  return value;
}
