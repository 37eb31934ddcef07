// The snapshot the readiness rules read: what the server loads from the organization's live data.
// `null` (or undefined for the optional fields) means the step holding the data was never used.

export type SnapshotAiSystem = {
  id: string;
  name: string;
  aiRoles: string[];
  lifecycleStage: string;
  status: string; // draft | active | archived
};
export type SnapshotRisk = {
  id: string;
  ref: string; // RISK-3
  title: string;
  aiSystemId: string | null;
  rated: boolean;
  /** The criteria number the latest rating used. */
  criteriaNumber: number | null;
  /** Above the acceptance level with neither treatment nor a valid acceptance. */
  needsAttention: boolean;
  /** Residual-risk acceptances still on record, with their expiry. */
  acceptanceExpiresOn: string | null;
  treatmentControlRefs: string[];
};
export type SnapshotImpactAssessment = {
  id: string;
  ref: string; // AIIA-2
  title: string;
  aiSystemId: string;
  status: string; // draft | signed_off | …
  signedOffAt: string | null;
};
export type SnapshotSoaItem = {
  ref: string;
  kind: 'annex_a' | 'custom';
  included: boolean | null;
  justification: string;
};
export type SnapshotDocument = {
  key: string; // ai-policy, or a code
  title: string;
  mandatory: boolean;
  state: string; // missing | draft | in_review | approved | published | withdrawn | records
  approvedAt: string | null;
  nextReviewAt: string | null;
  /** For the AI policy: whether the approver of the version in force is top management. */
  approvedByTopManagement?: boolean;
};
export type SnapshotObjective = {
  id: string;
  ref: string; // OBJ-1
  title: string;
  measurable: boolean;
  ownerId: string | null;
  status: string;
};
export type SnapshotPerson = {
  id: string;
  name: string;
  aiRoles: string[];
  active: boolean;
  /** Completions that give competence and are not expired today. */
  validCompletions: number;
};
export type SnapshotControl = {
  ref: string;
  status: string; // planned | implementing | operating | needs_rework | interrupted …
  occurrences: number;
  lastOccurrenceOn: string | null;
};
export type SnapshotEvidence = { id: string; ref: string; title: string; expiresOn: string | null };
export type SnapshotMetric = {
  id: string;
  ref: string; // MET-1
  name: string;
  measurements: number;
  firstAt: string | null;
  lastAt: string | null;
};
export type SnapshotTraining = { id: string; personName: string; title: string; dueOn: string | null; status: string };
export type SnapshotInternalAudit = {
  id: string;
  ref: string;
  completedOn: string | null;
  auditorIndependent: boolean;
  coversAims: boolean;
};
export type SnapshotManagementReview = {
  id: string;
  ref: string;
  heldOn: string | null;
  byTopManagement: boolean;
  missingInputs: string[];
};
export type SnapshotNonconformity = {
  id: string;
  ref: string;
  status: string; // open | closed …
  rootCause: string;
  ownerId: string | null;
  dueDate: string | null;
  correctiveActionOverdue: boolean;
};
export type SnapshotReassessment = {
  aiSystemId: string;
  changeRef: string;
  changedOn: string;
  riskAssessmentRerun: boolean;
  impactAssessmentRerun: boolean;
};

export type ReadinessSnapshot = {
  /** YYYY-MM-DD the check is run on. */
  today: string;
  scope: {
    approved: { revision: number; approvedAt: string } | null;
    changedSinceApproval: boolean;
    aiSystemIds: string[];
    units: string[];
    sites: string[];
    exclusions: { item: string; justification: string }[];
    outOfScope: { aiSystemId: string; reason: string }[];
  } | null;
  context: { aiRoles: { role: string; reason: string }[] } | null;
  aiSystems: SnapshotAiSystem[];
  roles: { topManagement: number; pillarOwners: number; raciAssigned: number } | null;
  riskCriteria: { approvedNumbers: number[]; firstApprovedAt: string | null } | null;
  risks: SnapshotRisk[] | null;
  treatmentPlan: { number: number; approvedAt: string | null; changedSinceApproval: boolean } | null;
  impactAssessments: SnapshotImpactAssessment[] | null;
  soa: { approvedVersion: number | null; changedSinceApproval: boolean; items: SnapshotSoaItem[] } | null;
  objectives: SnapshotObjective[] | null;
  people: SnapshotPerson[] | null;
  documents: SnapshotDocument[] | null;
  controls: SnapshotControl[] | null;
  evidence: SnapshotEvidence[] | null;
  metrics: SnapshotMetric[] | null;
  trainings: SnapshotTraining[] | null;
  // Built by other steps; undefined until their module feeds the loader.
  internalAudits?: SnapshotInternalAudit[];
  managementReviews?: SnapshotManagementReview[];
  nonconformities?: SnapshotNonconformity[];
  pendingReassessments?: SnapshotReassessment[];
  /**
   * "No significant change" confirmations per AI system, the newest for each (8.2, 8.4): an
   * organization with nothing to record says so instead of leaving the rule without data.
   */
  noChangeConfirmations?: { aiSystemId: string; confirmedOn: string }[];
};
