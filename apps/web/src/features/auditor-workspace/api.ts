import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { Section } from '../documents/api';

export type WorkspaceDocument = {
  id: string;
  code: string;
  title: string;
  typeTitle: string;
  versionLabel: string;
  publishedAt: string | null;
};
export type WorkspaceDocumentDetail = WorkspaceDocument & {
  versionId: string;
  approvedAt: string | null;
  content: { kind: 'narrative'; sections: Section[] } | { kind: 'register'; frozen: unknown };
};
export type WorkspaceEvidence = {
  id: string;
  reference: string;
  title: string;
  description: string;
  kind: 'file' | 'link';
  file: { name: string; size: number; mediaType: string } | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: string;
};
export type EvidenceRequest = {
  id: string;
  ref: string;
  title: string;
  detail: string;
  subjectRef: string | null;
  documentId: string | null;
  requestedByName: string;
  assignee: { id: string; name: string } | null;
  dueOn: string | null;
  status: 'open' | 'answered';
  answer: string;
  evidence: { id: string; reference: string; title: string }[];
  answeredAt: string | null;
  answeredByName: string | null;
  version: number;
  createdAt: string;
};
export type Workspace = {
  organization: { id: string; name: string };
  accessExpiresAt: string | null;
  documents: WorkspaceDocument[];
  soa: { version: number; approvedAt: string } | null;
  evidence: WorkspaceEvidence[];
  requests: EvidenceRequest[];
};
export type SoaVersion = {
  version: number;
  approvedAt: string;
  items: {
    ref: string;
    title: string;
    included: boolean | null;
    justification: string;
    implementationStatus: string | null;
  }[];
};
export type AccessEntry = {
  at: string;
  auditor: string;
  kind: 'viewed' | 'downloaded';
  entityType: string;
  entityId: string;
  label: string;
};
export type Share = { evidenceId: string; reference: string; title: string; sharedAt: string };

export const workspacePath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/auditor-workspace`;
export const workspaceKey = (orgId: string) => ['auditor-workspace', orgId] as const;
export const documentPdfHref = (orgId: string, id: string) => `${workspacePath(orgId)}/documents/${id}/export.pdf`;
export const evidenceFileHref = (orgId: string, id: string) => `${workspacePath(orgId)}/evidence/${id}/file`;

export const useWorkspace = (orgId: string) =>
  useQuery({ queryKey: [...workspaceKey(orgId), 'home'], queryFn: () => api.get<Workspace>(workspacePath(orgId)) });
export const useShares = (orgId: string) =>
  useQuery({
    queryKey: [...workspaceKey(orgId), 'shares'],
    queryFn: async () => (await api.get<Page<Share>>(`${workspacePath(orgId)}/shares`)).items,
  });
export const useAccessLog = (orgId: string) =>
  useQuery({
    queryKey: [...workspaceKey(orgId), 'access-log'],
    queryFn: async () => (await api.get<Page<AccessEntry>>(`${workspacePath(orgId)}/access-log`)).items,
  });
