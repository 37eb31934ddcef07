import type { Acknowledgement } from '../../ui/ApprovalDialog';
import type { Effectiveness, RiskKind, RiskLevel, TreatmentOption } from '@fortytwo/domain';
import type { Action as ActionItem } from '../tasks/api';
import type { WithPeople } from '../../api/people';

// The shapes the risk routes answer (apps/server/src/modules/risk/schema.ts, criteria.ts, plan.ts).

export type Person = { id: string | null; name: string };

export type Treatment = {
  id: string;
  riskId: string;
  option: TreatmentOption;
  description: string;
  resources: string;
  controlRefs: string[];
  controls: { ref: string; title: string }[];
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  verification: string;
  effectiveness: Effectiveness | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  /** Each names its owner by `ownerId`: look them up in the answer's `people`. */
  actions: Omit<ActionItem, 'owner'>[];
  version: number;
};

export type Acceptance = {
  id: string;
  riskId: string;
  level: RiskLevel;
  rationale: string;
  acceptedAt: string;
  acceptedBy: Person;
  expiresAt: string;
};
export type AcceptanceState = 'none' | 'in_force' | 'expiring' | 'expired';

export type Risk = {
  id: string;
  ref: string;
  title: string;
  kind: RiskKind;
  description: string;
  aiSystemId: string | null;
  aiSystem: { id: string; name: string } | null;
  source: string;
  sourceLabel: string;
  consequencesOrganization: string;
  consequencesIndividuals: string;
  consequencesSociety: string;
  likelihood: number | null;
  consequence: number | null;
  inherentScore: number | null;
  inherentLevel: RiskLevel | null;
  rated: boolean;
  residualLikelihood: number | null;
  residualConsequence: number | null;
  residualScore: number | null;
  residualLevel: RiskLevel | null;
  criteriaNumber: number | null;
  /** The risk owner: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  reviewDate: string | null;
  reviewOverdue: boolean;
  status: 'open' | 'closed';
  impactAssessmentId: string | null;
  treatments: Treatment[];
  acceptance: Acceptance | null;
  acceptanceState: AcceptanceState;
  needsAttention: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Assessment = {
  id: string;
  kind: 'inherent' | 'residual';
  treatmentId: string | null;
  likelihood: number;
  consequence: number;
  score: number;
  level: RiskLevel;
  criteriaNumber: number;
  note: string;
  assessedAt: string;
  assessedBy: Person;
};
export type RiskDetail = Risk & { assessments: Assessment[] } & WithPeople;

export type Criteria = {
  id: string;
  number: number;
  status: 'draft' | 'approved' | 'superseded';
  likelihoodLabels: string[];
  consequenceLabels: string[];
  likelihoodDescriptions: string[];
  consequenceDescriptions: string[];
  levels: { level: RiskLevel; maxScore: number }[];
  acceptanceLevel: RiskLevel;
  method: string;
  approvedAt: string | null;
  approvedBy: Person | null;
  version: number;
  updatedAt: string;
};
export type CriteriaState = { inForce: Criteria; draft: Criteria | null; history: Criteria[] };

/** A heatmap cell counts its risks; the register lists them (`heatmap`, `likelihood`, `consequence`). */
export type HeatCell = { likelihood: number; consequence: number; level: RiskLevel; count: number };
export type Dashboard = {
  likelihoodLabels: string[];
  consequenceLabels: string[];
  inherent: HeatCell[];
  residual: HeatCell[];
  reviewOverdue: Risk[];
  acceptancesExpiring: Risk[];
  needsAttention: Risk[];
  unrated: Risk[];
  counts: { total: number; open: number; byLevel: Record<RiskLevel, number> };
  /** Each list holds its first ten; these are their full sizes. */
  listTotals: Record<'reviewOverdue' | 'acceptancesExpiring' | 'needsAttention' | 'unrated', number>;
} & WithPeople;

export type Plan = {
  number: number;
  status: 'draft' | 'approved';
  approved: { number: number; approvedAt: string; approvedBy: Person; acknowledgement?: Acknowledgement } | null;
  risks: Risk[];
  warnings: { riskId: string; code: string; message: string; blocking: boolean }[];
} & WithPeople;
