// The evidence library: items, their revisions and what each is linked to.

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
