// Step 5: the audit programme, internal audits and their findings, nonconformities, improvements,
// management reviews, and what the organization shares with its external auditors.

export type ManagementReviewTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  meetingDate: string;
  chairId: string | null;
  attendeeIds: string; // JSON
  status: string;
  pack: string | null; // JSON
  attendance: string | null; // JSON
  packSince: string | null;
  heldAt: string | null;
  heldBy: string | null;
  improvementDecisions: string;
  changeDecisions: string;
  resourceNeeds: string;
  conclusion: string;
  notes: string;
  signedOffAt: string | null;
  signedOffBy: string | null;
  signedOffByName: string | null;
  /** The record the sign-off froze (documents of type management-review-minutes). */
  minutesDocumentId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

export type AuditProgrammeTable = {
  orgId: string;
  title: string;
  cycleStart: string;
  cycleYears: number;
  approach: string;
  status: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type AuditTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  status: string;
  objectives: string;
  criteria: string;
  scope: string;
  leadId: string | null;
  teamIds: string;
  auditees: string;
  method: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  independenceWarnings: string;
  independenceJustification: string;
  conclusion: string;
  completedAt: string | null;
  /** The report frozen as a record when the audit was signed off (a document of type internal-audit-report). */
  reportDocumentId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type AuditChecklistItemTable = {
  id: string;
  orgId: string;
  auditId: string;
  position: number;
  ref: string;
  title: string;
  looksFor: string;
  sources: string;
  result: string;
  notes: string;
  sampled: string;
  sampleSize: number | null;
  population: string;
  evidenceIds: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type AuditFindingTable = {
  id: string;
  orgId: string;
  auditId: string;
  number: number;
  grade: string;
  ref: string | null;
  checklistItemId: string | null;
  requirement: string;
  evidence: string;
  statement: string;
  nonconformityId: string | null;
  improvementId: string | null;
  createdAt: string;
  createdBy: string | null;
};
export type NonconformityTable = {
  id: string;
  orgId: string;
  number: number;
  source: string;
  sourceId: string | null;
  sourceRef: string | null;
  grade: string;
  ref: string | null;
  title: string;
  statement: string;
  ownerId: string | null;
  raisedBy: string | null;
  raisedByName: string;
  raisedAt: string;
  status: string;
  responseDue: string | null;
  reviewAfterDays: number;
  reviewDue: string | null;
  correction: string;
  rootCauseMethod: string;
  whys: string;
  causeCategories: string;
  rootCause: string;
  similarCases: string;
  effective: number | null;
  effectivenessNotes: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  closedAt: string | null;
  closedBy: string | null;
  closedByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type ImprovementTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  description: string;
  source: string;
  sourceId: string | null;
  sourceRef: string | null;
  ownerId: string | null;
  status: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

/** Evidence the organization shares with its external auditors (the auditor workspace). */
export type AuditorSharedEvidenceTable = {
  orgId: string;
  evidenceId: string;
  sharedAt: string;
  sharedBy: string | null;
};
/** An external auditor's request for more evidence: a task for its assignee until answered. */
export type EvidenceRequestTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  detail: string;
  ref: string | null;
  documentId: string | null;
  requestedBy: string | null;
  requestedByName: string;
  assigneeId: string | null;
  dueOn: string | null;
  status: string;
  answer: string;
  evidenceIds: string;
  answeredAt: string | null;
  answeredByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
