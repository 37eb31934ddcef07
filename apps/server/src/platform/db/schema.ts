import type { ColumnType, Generated } from 'kysely';

// Column types as both dialects store them: ids and timestamps are text (UTC ISO-8601 written by
// the app), lists are JSON text. Keeping to plain types is what lets one query run on both.

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
export type AuditEventTable = {
  id: string;
  chain: string; // the organization id, or "user:<id>" for account events outside any organization
  seq: number;
  orgId: string | null;
  at: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
};
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

export type CustomControlTable = {
  id: string;
  orgId: string;
  ref: string;
  title: string;
  description: string;
  guidance: string; // JSON: { asks, auditorLooksFor, evidence[] } or null
  relatedRefs: string; // JSON: refs of iso42001 items
  pillars: string; // JSON
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
export type CatalogImportTable = {
  id: string;
  orgId: string;
  kind: 'framework' | 'crosswalk';
  key: string;
  name: string;
  fileName: string | null;
  content: string;
  createdAt: string;
  createdBy: string | null;
};

export type GapAssessmentTable = {
  id: string;
  orgId: string;
  name: string;
  kind: 'working' | 'snapshot';
  sourceId: string | null;
  frozenAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};
export type GapAssessmentItemTable = {
  id: string;
  orgId: string;
  assessmentId: string;
  ref: string;
  position: number;
  status: string;
  result: string | null;
  maturity: number | null;
  justification: string;
  notes: string;
  ownerId: string | null;
  targetDate: string | null;
  evidenceLinks: string; // JSON
  aiSystemIds: string; // JSON
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type ActionTable = {
  id: string;
  orgId: string;
  title: string;
  description: string;
  ownerId: string | null;
  dueDate: string | null;
  status: string;
  sourceType: string;
  sourceId: string | null;
  sourceRef: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
  updatedBy: string | null;
};

export type FileTable = {
  id: string;
  orgId: string;
  entityType: string;
  entityId: string;
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  createdAt: string;
  createdBy: string | null;
};

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

export type AiSystemProfileTable = {
  aiSystemId: string;
  orgId: string;
  content: string;
  updatedAt: string;
  updatedBy: string | null;
};

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

/** A frozen approval (treatment plan or SoA): the content as approved. */
export type ApprovalTable = {
  id: string;
  orgId: string;
  number: number;
  content: string;
  approvedAt: string;
  approvedBy: string | null;
  approvedByName: string;
};

export type SoaDecisionTable = {
  orgId: string;
  ref: string;
  decision: string | null;
  justification: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};

/** How one control of the SoA is implemented and run (the SoA's implementation status reads from here). */
export type ControlImplementationTable = {
  id: string;
  orgId: string;
  ref: string;
  status: string;
  statusSince: string;
  interruptedOn: string | null;
  ownerId: string | null;
  description: string;
  documentIds: string;
  dueOn: string | null;
  cadenceMonths: number | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

/** One recorded run of an operating control. */
export type ControlOccurrenceTable = {
  id: string;
  orgId: string;
  ref: string;
  performedOn: string;
  performedBy: string | null;
  performedByName: string;
  outcome: string;
  notes: string;
  createdAt: string;
  createdBy: string | null;
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

export type DocumentSettingsTable = {
  orgId: string;
  codePrefix: string;
  classification: string;
  topManagement: string;
  defaultOwnerId: string | null;
  defaultApproverId: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type DocumentTable = {
  id: string;
  orgId: string;
  typeId: string;
  prefix: string;
  number: number;
  title: string;
  ownerId: string | null;
  approverId: string | null;
  answers: string;
  createdAt: string;
  createdBy: string | null;
};
export type DocumentVersionTable = {
  id: string;
  orgId: string;
  documentId: string;
  major: number;
  minor: number;
  state: string;
  material: number;
  title: string;
  content: string;
  changeSummary: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
  submittedAt: string | null;
  submittedByName: string | null;
  reviewDue: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  approvalComment: string | null;
  docxSha256: string | null;
  pdfSha256: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  nextReviewAt: string | null;
  endedAt: string | null;
  endReason: string | null;
};
export type DocumentReviewTable = {
  id: string;
  orgId: string;
  versionId: string;
  reviewerId: string;
  actionId: string | null;
  round: number;
  decision: string | null;
  comment: string;
  decidedAt: string | null;
};
export type DocumentAcknowledgementTable = {
  orgId: string;
  versionId: string;
  userId: string;
  userName: string;
  at: string;
};

export type CompetenceTable = {
  id: string;
  orgId: string;
  name: string;
  description: string;
  aiRoles: string;
  raciActivityIds: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type PersonTable = {
  orgId: string;
  id: string;
  userId: string | null;
  name: string;
  email: string;
  organization: string;
  kind: string;
  aiRoles: string;
  active: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type DevelopmentActionTable = {
  id: string;
  orgId: string;
  title: string;
  kind: string;
  description: string;
  provider: string;
  competenceIds: string;
  validityMonths: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
};
export type TrainingAssignmentTable = {
  id: string;
  orgId: string;
  personId: string;
  actionId: string;
  dueOn: string | null;
  status: string;
  assignedAt: string;
  assignedBy: string | null;
  assignedByName: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type TrainingCompletionTable = {
  id: string;
  orgId: string;
  assignmentId: string;
  personId: string;
  actionId: string;
  completedOn: string;
  result: string;
  evidenceKind: string;
  attestation: string;
  expiresOn: string | null;
  recordedAt: string;
  recordedBy: string | null;
  recordedByName: string;
};
export type ObjectiveTable = {
  id: string;
  orgId: string;
  number: number;
  title: string;
  description: string;
  measure: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  ownerId: string | null;
  resources: string;
  dueDate: string | null;
  evaluation: string;
  annexRef: string | null; // API: annexCRef (the camel-case plugin would store annexCRef as annex_cref)
  status: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type ObjectiveProgressTable = {
  id: string;
  orgId: string;
  objectiveId: string;
  onDate: string;
  value: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
  createdByName: string;
  /** The measurement this entry came from, when a metric measures the objective (migration 0029). */
  measurementId: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MetricTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  description: string;
  method: string;
  frequency: string;
  ownerId: string | null;
  unit: string;
  target: number | null;
  lowerThreshold: number | null;
  upperThreshold: number | null;
  aiSystemId: string | null;
  controlRef: string | null;
  objectiveId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type MeasurementTable = {
  id: string;
  orgId: string;
  metricId: string;
  at: string;
  value: number;
  note: string;
  source: string;
  createdAt: string;
  createdBy: string | null;
  createdByName: string;
  /** `key:<Idempotency-Key>` or `at:<time>`: unique per metric, so a retried push counts once (0029). */
  dedupeKey: ColumnType<string | null, string | null | undefined, string | null>;
};
export type MetricBreachTable = {
  id: string;
  orgId: string;
  metricId: string;
  state: string;
  openedAt: string;
  openingMeasurementId: string;
  openingValue: number;
  actionId: string | null;
  closedAt: string | null;
};

export type CertificationEngagementTable = {
  id: string;
  orgId: string;
  number: number;
  cbName: string;
  accreditationBody: string;
  accredited: number;
  accreditationRef: string;
  auditTeam: string; // JSON { name, role }[]
  stage1Date: string | null;
  stage2Date: string | null;
  submittedScope: string;
  auditTimeInputs: string; // JSON AuditTimeInputs
  status: string;
  notes: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};

export type CertificateTable = {
  id: string;
  orgId: string;
  engagementId: string;
  certificateNumber: string;
  decisionDate: string;
  issueDate: string;
  expiryDate: string;
  scope: string;
  cbName: string;
  accredited: number;
  status: string; // active | suspended | withdrawn
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
/** A certification body's audit: stage 1, stage 2, surveillance 1/2, recertification. */
export type CertificationAuditTable = {
  id: string;
  orgId: string;
  engagementId: string;
  /** The certificate whose cycle scheduled it; null for stage 1 and 2. */
  certificateId: string | null;
  kind: string;
  status: string;
  startDate: string | null;
  endDate: string | null;
  dueBy: string | null;
  team: string; // JSON { name, role }[]
  conclusion: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type CertificationFindingTable = {
  id: string;
  orgId: string;
  auditId: string;
  number: number;
  grade: string; // major | minor | ofi
  clauseRef: string;
  title: string;
  statement: string;
  evidence: string;
  cbDeadline: string | null;
  cbAcceptedOn: string | null;
  nonconformityId: string | null;
  improvementId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type AiNoChangeConfirmationTable = {
  id: string;
  orgId: string;
  aiSystemId: string;
  confirmedOn: string;
  note: string;
  confirmedBy: string | null;
  confirmedByName: string;
  createdAt: string;
};

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

export type RecordNumberTable = { orgId: string; sequence: string; last: number };

/** The current revision's file or link, repeated on the evidence row so the register lists without a join. */
type EvidenceContent = {
  kind: string;
  sha256: string | null;
  fileName: string | null;
  size: number | null;
  mediaType: string | null;
  url: string | null;
};
export type EvidenceTable = EvidenceContent & {
  id: string;
  orgId: string;
  number: number;
  title: string;
  description: string;
  ownerId: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  revision: number;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type EvidenceRevisionTable = EvidenceContent & {
  id: string;
  orgId: string;
  evidenceId: string;
  revision: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
};
export type EvidenceLinkTable = {
  orgId: string;
  evidenceId: string;
  subjectType: string;
  subjectId: string;
  linkedBy: string | null;
  linkedAt: string;
};
/** The file store kept in the database (FILE_STORE=db): bytes by SHA-256. */
export type FileBlobTable = { sha256: string; size: number; bytes: Buffer; createdAt: string };
/** Something said to a person (reminder, digest, expiry notice): the bell's list and the sent-log of scheduled mail. */
export type NotificationTable = {
  id: string;
  userId: string;
  orgId: string | null;
  kind: string;
  dedupeKey: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
  emailedAt: string | null;
};
export type NotificationSettingsTable = {
  userId: string;
  digest: number;
  reminders: number;
  version: number;
  updatedAt: string;
};
/** One row per kind of scheduled work: when it is next due and which instance holds it until when. */
export type JobTable = {
  kind: string;
  nextRunAt: string;
  lockedUntil: string | null;
  lockedBy: string | null;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastError: string | null;
};

// Issue 16 items 3–5 (migration 0027): data sets, suppliers, EU AI Act classification, A.10.4 split.
export type DataSetTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  description: string;
  purpose: string;
  sourceKind: string;
  source: string;
  provenance: string;
  acquiredOn: string | null;
  legalBasis: string;
  legalBasisDetail: string;
  qualityChecks: string; // JSON
  preparation: string;
  personalData: number; // 0 | 1
  specialCategories: string; // JSON
  retention: string;
  retainUntil: string | null;
  ownerId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type DataSetSystemTable = { orgId: string; dataSetId: string; aiSystemId: string };
export type SupplierTable = {
  id: string;
  orgId: string;
  number: number;
  name: string;
  supplies: string;
  kind: string;
  trainsOnInputs: string;
  inputRetention: string;
  modelChangeNotice: string;
  incidentNotice: string;
  dataLocation: string;
  contractClauses: string; // JSON
  reviewCadenceMonths: number;
  lastReviewedOn: string | null;
  ownerId: string | null;
  notes: string;
  version: number;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
};
export type SupplierSystemTable = { orgId: string; supplierId: string; aiSystemId: string };
export type AiActClassificationTable = {
  aiSystemId: string;
  orgId: string;
  prohibitedScreened: number;
  prohibitedPractices: string; // JSON
  annexOneProduct: number;
  annexThreeCategory: string | null;
  derogationReason: string;
  profilesPeople: number;
  roles: string; // JSON
  transparencyTriggers: string; // JSON
  publicService: number;
  friaImpactAssessmentId: string | null;
  notes: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
};
export type CustomerResponsibilityTable = {
  aiSystemId: string;
  orgId: string;
  items: string; // JSON
  version: number;
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

export type Database = {
  users: UserTable;
  sessions: SessionTable;
  knownDevices: KnownDeviceTable;
  apiTokens: ApiTokenTable;
  loginFailures: LoginFailureTable;
  rateLimitCounters: RateLimitCounterTable;
  passwordResets: PasswordResetTable;
  organizations: OrganizationTable;
  memberships: MembershipTable;
  invitations: InvitationTable;
  oidcFlows: OidcFlowTable;
  ssoIdentities: SsoIdentityTable;
  orgSsoSettings: OrgSsoSettingsTable;
  auditEvents: AuditEventTable;
  aiSystems: AiSystemTable;
  customControls: CustomControlTable;
  catalogImports: CatalogImportTable;
  gapAssessments: GapAssessmentTable;
  gapAssessmentItems: GapAssessmentItemTable;
  actions: ActionTable;
  files: FileTable;
  orgContexts: OrgContextTable;
  contextIssues: ContextIssueTable;
  interestedParties: InterestedPartyTable;
  scopeDrafts: ScopeDraftTable;
  scopeRevisions: ScopeRevisionTable;
  governancePillars: GovernancePillarTable;
  raciActivities: RaciActivityTable;
  raciColumns: RaciColumnsTable;
  aiSystemProfiles: AiSystemProfileTable;
  riskCriteria: RiskCriteriaTable;
  risks: RiskTable;
  riskAssessments: RiskAssessmentTable;
  riskTreatments: RiskTreatmentTable;
  riskAcceptances: RiskAcceptanceTable;
  riskPlanApprovals: ApprovalTable;
  soaVersions: ApprovalTable;
  soaDecisions: SoaDecisionTable;
  controlImplementations: ControlImplementationTable;
  controlOccurrences: ControlOccurrenceTable;
  impactAssessments: ImpactAssessmentTable;
  recordNumbers: RecordNumberTable;
  evidence: EvidenceTable;
  evidenceRevisions: EvidenceRevisionTable;
  evidenceLinks: EvidenceLinkTable;
  fileBlobs: FileBlobTable;
  documentSettings: DocumentSettingsTable;
  documents: DocumentTable;
  documentVersions: DocumentVersionTable;
  documentReviews: DocumentReviewTable;
  documentAcknowledgements: DocumentAcknowledgementTable;
  competences: CompetenceTable;
  people: PersonTable;
  developmentActions: DevelopmentActionTable;
  trainingAssignments: TrainingAssignmentTable;
  trainingCompletions: TrainingCompletionTable;
  objectives: ObjectiveTable;
  objectiveProgress: ObjectiveProgressTable;
  metrics: MetricTable;
  measurements: MeasurementTable;
  metricBreaches: MetricBreachTable;
  notifications: NotificationTable;
  notificationSettings: NotificationSettingsTable;
  aiReleases: AiReleaseTable;
  aiChanges: AiChangeTable;
  aiReassessments: AiReassessmentTable;
  aiOperationPlans: AiOperationPlanTable;
  aiLogRetentionRules: AiLogRetentionRuleTable;
  jobs: JobTable;
  managementReviews: ManagementReviewTable;
  dataSets: DataSetTable;
  dataSetSystems: DataSetSystemTable;
  suppliers: SupplierTable;
  supplierSystems: SupplierSystemTable;
  aiActClassifications: AiActClassificationTable;
  customerResponsibilities: CustomerResponsibilityTable;
  certificationEngagements: CertificationEngagementTable;
  certificates: CertificateTable;
  certificationAudits: CertificationAuditTable;
  certificationFindings: CertificationFindingTable;
  aiNoChangeConfirmations: AiNoChangeConfirmationTable;
  auditProgrammes: AuditProgrammeTable;
  auditProgrammeApprovals: ApprovalTable;
  audits: AuditTable;
  auditChecklistItems: AuditChecklistItemTable;
  auditFindings: AuditFindingTable;
  nonconformities: NonconformityTable;
  improvements: ImprovementTable;
  auditorSharedEvidence: AuditorSharedEvidenceTable;
  evidenceRequests: EvidenceRequestTable;
  savedViews: SavedViewTable;
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

/** A person's saved view of one register: named filters, sort and hidden columns (JSON in `state`). */
export type SavedViewTable = {
  id: string;
  orgId: string;
  userId: string;
  register: string;
  name: string;
  state: string;
  version: number;
  createdAt: string;
  updatedAt: string;
};
