// Shapes of the API answers the web app reads (see apps/server/src/modules/*/routes.ts).
import type { AiRole, AiSystemStatus, LifecycleStage, RiskTier, Role } from '@fortytwo/domain';

export type Page<T> = { items: T[]; nextCursor: string | null };
export type User = { id: string; email: string; name: string };
export type Organization = { id: string; name: string; createdAt: string; version: number };
export type OrganizationWithRole = Organization & { myRole: Role };
export type Membership = { organization: Organization; role: Role; expiresAt: string | null };
export type Me = { user: User; memberships: Membership[]; csrfToken: string | null };

export type Member = { user: User; role: Role; expiresAt: string | null; expired: boolean; joinedAt: string; version: number };
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
export type Invitation = {
  id: string;
  email: string;
  role: Role;
  accessExpiresAt: string | null;
  createdAt: string;
  expiresAt: string;
  status: InvitationStatus;
};
export type InvitationPreview = { organization: { id: string; name: string }; email: string; role: Role; accessExpiresAt: string | null; accountExists: boolean };

export type AiSystem = {
  id: string;
  name: string;
  description: string;
  intendedPurpose: string;
  aiRoles: AiRole[];
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  owner: User | null;
  jurisdictions: string[];
  thirdParties: string[];
  riskTier: RiskTier;
  status: AiSystemStatus;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type AiSystemPage = Page<AiSystem> & { total: number };

export type AuditEvent = {
  id: string;
  seq: number;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
  prevHash: string;
};
export type ChainVerification = { ok: boolean; checked: number; firstBrokenId: string | null };

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
