// Step 6: the certification body, its certificates, audits and findings, and the "no significant
// change" confirmations the readiness check reads.

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
