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
  /** The owner's user id; the list answer names them in its `people` (people.ts). */
  ownerId: string | null;
  jurisdictions: string[];
  thirdParties: string[];
  riskTier: RiskTier;
  status: AiSystemStatus;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type DocumentVersion = {
  id: string;
  label: string;
  state: string;
  approvedAt: string | null;
  publishedAt: string | null;
  nextReviewAt: string | null;
};
export type DocumentSummary = {
  id: string;
  code: string;
  typeId: string;
  typeTitle: string;
  title: string;
  /** The list answer names them in its `people` (people.ts). */
  ownerId: string | null;
  approverId: string | null;
  inForce: DocumentVersion | null;
  latest: DocumentVersion;
  stale: { since: string; count: number } | null;
  reviewOverdue: boolean;
};
export type MasterItem = {
  key: string;
  title: string;
  refs: string[];
  basis: string;
  mandatory: boolean;
  documentId: string | null;
  code: string | null;
  state: string;
  version: string | null;
  owner: string | null;
  approvedAt: string | null;
  nextReviewAt: string | null;
  records: string | null;
  problems: string[];
};
