// Step 3: documented information, its versions, reviews and acknowledgements.

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
