import type {
  AuditChecklistItemTable,
  AuditFindingTable,
  AuditProgrammeTable,
  AuditTable,
  AuditorSharedEvidenceTable,
  EvidenceRequestTable,
  ImprovementTable,
  ManagementReviewTable,
  NonconformityTable,
} from './schema/audits';
import type {
  AiNoChangeConfirmationTable,
  CertificateTable,
  CertificationAuditTable,
  CertificationEngagementTable,
  CertificationFindingTable,
} from './schema/certification';
import type {
  CompetenceTable,
  DevelopmentActionTable,
  PersonTable,
  TrainingAssignmentTable,
  TrainingCompletionTable,
} from './schema/competence';
import type {
  ContextIssueTable,
  GovernancePillarTable,
  InterestedPartyTable,
  OrgContextTable,
  RaciActivityTable,
  RaciColumnsTable,
  ScopeDraftTable,
  ScopeRevisionTable,
} from './schema/context';
import type { ControlImplementationTable, ControlOccurrenceTable, SoaDecisionTable } from './schema/controls';
import type {
  AiActClassificationTable,
  CustomerResponsibilityTable,
  DataSetSystemTable,
  DataSetTable,
  SupplierSystemTable,
  SupplierTable,
} from './schema/data-suppliers-ai-act';
import type {
  DocumentAcknowledgementTable,
  DocumentReviewTable,
  DocumentSettingsTable,
  DocumentTable,
  DocumentVersionTable,
} from './schema/documents';
import type { EvidenceLinkTable, EvidenceRevisionTable, EvidenceTable } from './schema/evidence';
import type {
  ActionTable,
  CatalogImportTable,
  CustomControlTable,
  GapAssessmentItemTable,
  GapAssessmentTable,
} from './schema/gap';
import type {
  ApiTokenTable,
  InvitationTable,
  KnownDeviceTable,
  LoginFailureTable,
  MembershipTable,
  OidcFlowTable,
  OrgSsoSettingsTable,
  OrganizationTable,
  PasswordResetTable,
  RateLimitCounterTable,
  SessionTable,
  SsoIdentityTable,
  UserTable,
} from './schema/identity';
import type {
  AiChangeTable,
  AiLogRetentionRuleTable,
  AiOperationPlanTable,
  AiReassessmentTable,
  AiReleaseTable,
  AiSystemProfileTable,
  AiSystemTable,
} from './schema/inventory';
import type {
  MeasurementTable,
  MetricBreachTable,
  MetricTable,
  ObjectiveProgressTable,
  ObjectiveTable,
} from './schema/objectives-metrics';
import type {
  ApprovalTable,
  AuditEventTable,
  FileBlobTable,
  FileTable,
  JobTable,
  NotificationSettingsTable,
  NotificationTable,
  RecordNumberTable,
  SavedViewTable,
} from './schema/platform';
import type {
  ImpactAssessmentTable,
  RiskAcceptanceTable,
  RiskAssessmentTable,
  RiskCriteriaTable,
  RiskTable,
  RiskTreatmentTable,
} from './schema/risk';

// Column types as both dialects store them: ids and timestamps are text (UTC ISO-8601 written by
// the app), lists are JSON text. Keeping to plain types is what lets one query run on both.
//
// The table types live by module area in schema/<area>.ts; this file assembles them into the one
// Database type Kysely is given, and re-exports them so every import stays `platform/db/schema`.

export type * from './schema/audits';
export type * from './schema/certification';
export type * from './schema/competence';
export type * from './schema/context';
export type * from './schema/controls';
export type * from './schema/data-suppliers-ai-act';
export type * from './schema/documents';
export type * from './schema/evidence';
export type * from './schema/gap';
export type * from './schema/identity';
export type * from './schema/inventory';
export type * from './schema/objectives-metrics';
export type * from './schema/platform';
export type * from './schema/risk';

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
