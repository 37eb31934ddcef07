// The parts of the API's answers the CLI reads (the full shapes are in /api/openapi.json).
import type { AiRole, AiSystemStatus, LifecycleStage, RiskTier, Role } from '@fortytwo/domain';

export type Page<T> = { items: T[]; nextCursor: string | null; total?: number };
export type User = { id: string; email: string; name: string };
export type Organization = { id: string; name: string };
export type Me = { user: User; memberships: { organization: Organization; role: Role; expiresAt: string | null }[] };
export type Member = { user: User; role: Role; expiresAt: string | null; expired: boolean };
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
