import type { Generated } from 'kysely';

// Step 4: risk criteria, risks with their assessments, treatments and acceptances, impact assessments.

export type RiskCriteriaTable = {
  id: string;
  orgId: string;
  number: number;
  status: string;
  content: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
};

export type RiskTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  kind: string;
  description: string;
  aiSystemId: string | null;
  source: string;
  consequencesOrganization: string;
  consequencesIndividuals: string;
  consequencesSociety: string;
  ownerId: string | null;
  reviewDate: string | null;
  status: string;
  impactAssessmentId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
  /** The risk's current position (migration 0041), rewritten by modules/risk/position.ts on every change to it. */
  inherentLikelihood: number | null;
  inherentConsequence: number | null;
  inherentLevel: string | null;
  /** The latest residual rating while its treatment exists. */
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualLevel: string | null;
  /** residualLevel ?? inherentLevel */
  currentLevel: string | null;
  treated: Generated<number>;
  acceptanceLevel: string | null;
  acceptanceExpiresAt: string | null;
  /** The latest acceptance's expiry while it covers currentLevel, else null: what riskNeedsAttention calls acceptedUntil. */
  acceptedUntil: string | null;
};

export type RiskAssessmentTable = {
  id: string;
  orgId: string;
  riskId: string;
  kind: string;
  treatmentId: string | null;
  likelihood: number;
  consequence: number;
  score: number;
  level: string;
  criteriaNumber: number;
  note: string;
  seq: number;
  assessedAt: string;
  assessedBy: string | null;
  assessedByName: string;
};

export type RiskTreatmentTable = {
  id: string;
  orgId: string;
  riskId: string;
  option: string;
  description: string;
  controlRefs: string;
  /** People, budget, tools the treatment needs (printed in the plan). */
  resources: Generated<string>;
  verification: string;
  effectiveness: string | null;
  verifiedAt: string | null;
  verifiedByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type RiskAcceptanceTable = {
  id: string;
  orgId: string;
  riskId: string;
  level: string;
  rationale: string;
  expiresAt: string;
  acceptedAt: string;
  acceptedBy: string | null;
  acceptedByName: string;
};

export type ImpactAssessmentTable = {
  id: string;
  orgId: string;
  number: number;
  aiSystemId: string;
  title: string;
  trigger: string;
  content: string;
  severity: number | null;
  likelihood: number | null;
  retentionUntil: string | null;
  status: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
  signedOffByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
