import type { Generated } from 'kysely';

// Accounts, sign-in and organizations: users, sessions, devices, API tokens, password resets, SSO,
// memberships and invitations.

export type UserTable = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
};
export type SessionTable = {
  id: string; // SHA-256 of the cookie value: a database leak does not leak live sessions
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string; // the idle expiry: slides with use, never past endsAt
  lastSeenAt: string;
  endsAt: string | null; // absolute end (sign-in + SESSION_MAX_DAYS); null on sessions older than 0012
  idleSeconds: number | null; // the idle timeout the session started with
  userAgent: string | null; // the browser's User-Agent at sign-in (0031; null before)
  ip: string | null; // the client address at sign-in, as TRUST_PROXY allows it to be known
  via: string | null; // how the person signed in: password | sso | setup
};
/** A browser a user has signed in from: the hash of its long-lived device cookie (0031). */
export type KnownDeviceTable = {
  userId: string;
  deviceHash: string;
  userAgent: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
};
export type ApiTokenTable = {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  scope: Generated<string>; // full | measurements (TOKEN_SCOPES)
};
// One row per password check, written before the check (so parallel guesses see each other) and
// removed when the check succeeds or is refused: what remains are the failures of the window.
export type LoginFailureTable = { id: Generated<number>; key: string; at: string };
/** A request counter of @fastify/rate-limit (platform/http/rate-limit.ts): route and client address, fixed window. */
export type RateLimitCounterTable = { key: string; count: number; windowEndsAt: string };
/** An owner-issued, one-time link to set a new password; only the token's hash is stored. */
export type PasswordResetTable = {
  id: string;
  userId: string;
  orgId: string;
  tokenHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
};
export type OrganizationTable = { id: string; name: string; createdAt: string; updatedAt: string; version: number };
export type MembershipTable = {
  orgId: string;
  userId: string;
  role: string;
  expiresAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** 'internal' or 'external' (5.3: who answers for the AIMS from inside or outside). */
  affiliation: Generated<string>;
  /** 1 when the member is named as top management (approvals may require it). */
  topManagement: Generated<number>;
};
export type OidcFlowTable = {
  stateHash: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: string;
  expiresAt: string;
};
export type SsoIdentityTable = {
  issuer: string;
  subject: string;
  userId: string;
  email: string;
  createdAt: string;
  lastSignInAt: string;
};
export type OrgSsoSettingsTable = {
  orgId: string;
  allowedDomains: string; // JSON string[]
  defaultRole: string;
  groupRoles: string; // JSON { group: string; role: string }[]
  localSignIn: number; // 1 or 0
  updatedAt: string;
  version: number;
};
export type InvitationTable = {
  id: string;
  orgId: string;
  email: string;
  role: string;
  accessExpiresAt: string | null;
  tokenHash: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  revokedAt: string | null;
};
