// Step 2: the context of the organization, its interested parties, the scope and governance (RACI).

export type OrgContextTable = {
  orgId: string;
  climateRelevant: number | null;
  climateReason: string;
  aiRoles: string; // JSON
  summary: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type ContextIssueTable = {
  id: string;
  orgId: string;
  kind: string;
  category: string;
  description: string;
  effect: string;
  source: string;
  reviewDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
export type InterestedPartyTable = {
  id: string;
  orgId: string;
  name: string;
  category: string;
  description: string;
  requirements: string; // JSON
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type ScopeDraftTable = {
  orgId: string;
  content: string;
  status: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type ScopeRevisionTable = {
  id: string;
  orgId: string;
  revision: number;
  content: string;
  statement: string;
  approvedBy: string | null;
  approvedByName: string;
  approvedAt: string;
};
export type GovernancePillarTable = {
  orgId: string;
  pillar: string;
  ownerId: string | null;
  objectives: string;
  policyStatements: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type RaciActivityTable = {
  id: string;
  orgId: string;
  position: number;
  name: string;
  description: string;
  assignments: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
/** The columns the organization's RACI matrix shows: a JSON list of `{ userId }` or `{ role }`. */
export type RaciColumnsTable = {
  orgId: string;
  columns: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
