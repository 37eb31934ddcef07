// The AI system inventory and each system's life cycle: profile, releases, changes, the re-assessments
// a significant change opens, the operation plan and log retention.

export type AiSystemTable = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  intendedPurpose: string;
  aiRoles: string;
  lifecycleStage: string;
  ownerId: string | null;
  jurisdictions: string;
  thirdParties: string;
  riskTier: string;
  status: string;
  tags: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type AiSystemProfileTable = {
  aiSystemId: string;
  orgId: string;
  content: string;
  updatedAt: string;
  updatedBy: string | null;
};

/** A release of an AI system, with its V&V (A.6.2.4) and deployment (A.6.2.5). */
export type AiReleaseTable = {
  id: string;
  orgId: string;
  aiSystemId: string;
  releaseVersion: string;
  releasedOn: string;
  whatChanged: string;
  modelVersion: string;
  dataVersion: string;
  approvedBy: string | null;
  approvedByName: string;
  verification: string | null; // JSON
  verifiedAt: string | null;
  deployedOn: string | null;
  deploymentEnvironment: string | null;
  deploymentNote: string | null;
  deployedBy: string | null;
  deployedByName: string | null;
  source: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
/** A change to an AI system and whether it is significant (8.2, 8.4). */
export type AiChangeTable = {
  id: string;
  orgId: string;
  aiSystemId: string;
  releaseId: string | null;
  kind: string;
  title: string;
  description: string;
  occurredOn: string;
  ruleSignificant: number;
  ruleBecause: string;
  significant: number;
  overrideReason: string | null;
  overriddenBy: string | null;
  overriddenByName: string | null;
  overriddenAt: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
/** A risk or impact re-assessment a significant change opened. */
export type AiReassessmentTable = {
  id: string;
  orgId: string;
  aiSystemId: string;
  changeId: string;
  kind: string;
  assigneeId: string | null;
  dueOn: string;
  status: string;
  openedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
  note: string;
  version: number;
};
export type AiOperationPlanTable = {
  aiSystemId: string;
  orgId: string;
  monitoringPlan: string;
  loggedEvents: string;
  logRetentionMonths: number | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type AiLogRetentionRuleTable = {
  orgId: string;
  minMonths: number;
  maxMonths: number | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
