import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { VersionState } from '@fortytwo/domain';
import type { RichDoc } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import type { Download } from '../../ui/DownloadMenu';

// Controlled documents (7.5) as the server answers them (apps/server/src/modules/documents).

export type Person = { id: string; name: string } | null;
export type DocumentKind = 'narrative' | 'register' | 'record';

export type Question = { key: string; label: string; help?: string; kind: string; suggestion?: string | string[] };
export type DocumentType = {
  id: string;
  prefix: string;
  title: string;
  kind: DocumentKind;
  summary: string;
  refs: string[];
  meets: string[];
  basis: string;
  ownerRole: string;
  approverRole: string;
  reviewMonths: number;
  retention: string;
  inputs: string[];
  sections: { key: string; title: string; guidance: string; questions: Question[] }[];
};

export type DocumentSettings = {
  codePrefix: string;
  classification: 'Public' | 'Internal' | 'Confidential' | 'Restricted';
  topManagement: string;
  defaultOwnerId: string | null;
  defaultApproverId: string | null;
  version: number;
  updatedAt: string | null;
};

export type VersionSummary = {
  id: string;
  label: string;
  state: VersionState;
  material: boolean;
  title: string;
  changeSummary: string;
  createdAt: string;
  createdBy: Person;
  submittedAt: string | null;
  reviewDue: string | null;
  approvedAt: string | null;
  approvedBy: Person;
  approvalComment: string | null;
  publishedAt: string | null;
  nextReviewAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  docxSha256: string | null;
  pdfSha256: string | null;
  version: number;
};

export type StaleChange = { at: string; action: string; entityType: string; entityId: string; actor: string };
export type Stale = { since: string; count: number; changes: StaleChange[] } | null;

export type DocumentOut = {
  id: string;
  code: string;
  typeId: string;
  typeTitle: string;
  kind: DocumentKind;
  refs: string[];
  title: string;
  /** Who keeps it current: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  /** Who approves it (null: any owner of the organization), in the answer's `people`. */
  approverId: string | null;
  inForce: VersionSummary | null;
  latest: VersionSummary;
  stale: Stale;
  reviewOverdue: boolean;
  createdAt: string;
};
export type DocumentDetail = DocumentOut & {
  versions: VersionSummary[];
  answers: Record<string, string | string[]>;
} & WithPeople;
/** The register's answer: its documents and the owners and approvers they name (issue 19). */
export type DocumentRegister = Page<DocumentOut> & WithPeople;

export type Section = { key: string; title: string; body: RichDoc };
export type Review = {
  reviewer: Person;
  round: number;
  decision: 'agree' | 'changes_requested' | null;
  comment: string;
  decidedAt: string | null;
};
export type VersionDetail = VersionSummary & {
  documentId: string;
  content:
    | { kind: 'narrative'; sections: Section[] }
    | { kind: 'register'; frozen: unknown }
    | { kind: 'record'; frozen: unknown };
  placeholders: { section: string; text: string }[];
  reviews: Review[];
};

export type MasterState = 'missing' | 'draft' | 'in_review' | 'approved' | 'published' | 'withdrawn' | 'records';
export type MasterItem = {
  key: string;
  title: string;
  refs: string[];
  basis: string;
  mandatory: boolean;
  documentId: string | null;
  code: string | null;
  state: MasterState;
  version: string | null;
  owner: string | null;
  approvedAt: string | null;
  nextReviewAt: string | null;
  records: string | null;
  problems: string[];
};

export type Acknowledgements = {
  versionLabel: string;
  acknowledged: { user: Person; at: string }[];
  pending: { id: string; name: string }[];
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const documentsPath = (orgId: string) => `${org(orgId)}/documents`;
export const documentPath = (orgId: string, id: string) => `${documentsPath(orgId)}/${encodeURIComponent(id)}`;
export const versionPath = (orgId: string, id: string, versionId: string) =>
  `${documentPath(orgId, id)}/versions/${encodeURIComponent(versionId)}`;
export const settingsPath = (orgId: string) => `${org(orgId)}/document-settings`;

// Web addresses.
export const masterListHref = (orgId: string) => `/orgs/${orgId}/documentation`;
export const documentsHref = (orgId: string) => `/orgs/${orgId}/documents`;
export const newDocumentHref = (orgId: string, typeId?: string) =>
  `/orgs/${orgId}/documents/new${typeId ? `?type=${encodeURIComponent(typeId)}` : ''}`;
export const settingsHref = (orgId: string) => `/orgs/${orgId}/documents/settings`;
export const documentHref = (orgId: string, id: string, versionId?: string) =>
  `/orgs/${orgId}/documents/${id}${versionId ? `?version=${encodeURIComponent(versionId)}` : ''}`;
export const reviewHref = (orgId: string, versionId: string) =>
  `/orgs/${orgId}/documents/review/${encodeURIComponent(versionId)}`;

export const masterListDownloads = (orgId: string): Download[] => [
  {
    format: 'xlsx',
    href: `${org(orgId)}/documented-information/export.xlsx`,
    label: 'Master list, Excel workbook (.xlsx)',
  },
  { format: 'csv', href: `${org(orgId)}/documented-information/export.csv`, label: 'Master list, CSV file (.csv)' },
  {
    format: 'docx',
    href: `${org(orgId)}/documented-information/export.docx`,
    label: 'Master list, Word document (.docx)',
  },
  { format: 'pdf', href: `${org(orgId)}/documented-information/export.pdf`, label: 'Master list, PDF document (.pdf)' },
  {
    format: 'zip',
    href: `${documentsPath(orgId)}/export.zip`,
    label: 'Evidence package (.zip): documents in force, hashed',
  },
];
export const versionDownloads = (orgId: string, id: string, versionId: string): Download[] => [
  { format: 'docx', href: `${versionPath(orgId, id, versionId)}/export.docx`, label: 'Word document (.docx)' },
  { format: 'pdf', href: `${versionPath(orgId, id, versionId)}/export.pdf`, label: 'PDF document (.pdf)' },
];

export const documentsKey = (orgId: string) => ['documents', orgId] as const;

export function useDocumentTypes(orgId: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'types'],
    queryFn: async () => (await api.get<Page<DocumentType>>(`${org(orgId)}/document-types`)).items,
    staleTime: Infinity,
  });
}
export function useDocumentSettings(orgId: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'settings'],
    queryFn: () => api.get<DocumentSettings>(settingsPath(orgId)),
  });
}
export function useMasterList(orgId: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'master-list'],
    queryFn: async () => (await api.get<{ items: MasterItem[] }>(`${org(orgId)}/documented-information`)).items,
  });
}
const documentsQuery = (orgId: string) => ({
  queryKey: [...documentsKey(orgId), 'list'],
  queryFn: () => api.get<DocumentRegister>(documentsPath(orgId)),
});
/** The organization's documents (pickers and lists that show no owner). */
export function useDocuments(orgId: string) {
  return useQuery({ ...documentsQuery(orgId), select: (p: DocumentRegister) => p.items });
}
/** The register with the owners and approvers its documents name (`people`). */
export function useDocumentRegister(orgId: string) {
  return useQuery(documentsQuery(orgId));
}
export function useDocument(orgId: string, id: string) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'doc', id],
    queryFn: () => api.get<DocumentDetail>(documentPath(orgId, id)),
  });
}
export function useVersion(orgId: string, id: string, versionId: string | undefined) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'version', versionId],
    queryFn: () => api.get<VersionDetail>(versionPath(orgId, id, versionId!)),
    enabled: !!versionId,
  });
}
export function useAcknowledgements(orgId: string, id: string, versionId: string | undefined) {
  return useQuery({
    queryKey: [...documentsKey(orgId), 'acks', versionId],
    queryFn: () => api.get<Acknowledgements>(`${versionPath(orgId, id, versionId!)}/acknowledgements`),
    enabled: !!versionId,
  });
}

/** After any change to a document: every document query of the organization, its history and the user's tasks. */
export async function refreshDocuments(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: documentsKey(orgId) }),
    qc.invalidateQueries({ queryKey: ['audit-events', orgId] }),
    qc.invalidateQueries({ queryKey: ['tasks'] }),
  ]);
}
