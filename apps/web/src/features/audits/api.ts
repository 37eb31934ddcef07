import { useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  AuditFrequency,
  AuditMethod,
  AuditStatus,
  ChecklistResult,
  CoverageState,
  FindingGrade,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { registerDownloads } from '../../ui/DownloadMenu';

export type CoverageRow = {
  unit: string;
  title: string;
  kind: 'clause' | 'control';
  audited: string[];
  planned: string[];
  lastAuditedOn: string | null;
  state: CoverageState;
  frequency: Omit<AuditFrequency, 'unit'>;
};
export type Programme = {
  title: string;
  cycleStart: string;
  cycleYears: number;
  cycleEnd: string;
  approach: string;
  status: 'draft' | 'approved';
  approvedRevision: number | null;
  approvals: { number: number; approvedAt: string; approvedByName: string; acknowledgement: string }[];
  coverage: CoverageRow[];
  warnings: { code: string; message: string; blocking: boolean }[];
  version: number;
};
export type ChecklistItem = {
  id: string;
  position: number;
  ref: string;
  title: string;
  looksFor: string;
  sources: {
    documents: { id: string; title: string; version?: string }[];
    evidence: { id: string; reference: string; title: string }[];
    expectedEvidence: string[];
  };
  result: ChecklistResult;
  notes: string;
  sampled: string;
  sampleSize: number | null;
  population: string;
  evidenceIds: string[];
  version: number;
};
export type Finding = {
  id: string;
  ref: string;
  grade: FindingGrade;
  clauseRef: string | null;
  checklistItemId: string | null;
  requirement: string;
  evidence: string;
  statement: string;
  nonconformityId: string | null;
  improvementId: string | null;
  evidenceIds: string[];
  createdAt: string;
};
export type Audit = {
  id: string;
  ref: string;
  title: string;
  status: AuditStatus;
  objectives: string;
  criteria: string;
  scope: { refs: string[]; aiSystemIds: string[]; units: string[]; sites: string[] };
  lead: { id: string; name: string } | null;
  team: { id: string; name: string }[];
  auditees: string[];
  method: AuditMethod;
  plannedStart: string | null;
  plannedEnd: string | null;
  independenceWarnings: { code: string; message: string; userId: string }[];
  independenceJustification: string;
  conclusion: string;
  completedAt: string | null;
  reportDocumentId: string | null;
  checklist: ChecklistItem[];
  findings: Finding[];
  findingCounts: Record<FindingGrade, number>;
  version: number;
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const programmePath = (orgId: string) => `${org(orgId)}/audit-programme`;
export const auditsPath = (orgId: string) => `${org(orgId)}/audits`;
export const auditPath = (orgId: string, id: string) => `${auditsPath(orgId)}/${encodeURIComponent(id)}`;
export const auditDownloads = (orgId: string) => registerDownloads(`${auditsPath(orgId)}/export`);
export const auditsKey = (orgId: string) => ['audits', orgId] as const;
export const programmeHref = (orgId: string) => `/orgs/${orgId}/internal-audit`;
export const auditHref = (orgId: string, id: string) => `/orgs/${orgId}/audits/${id}`;

export const useProgramme = (orgId: string) =>
  useQuery({ queryKey: [...auditsKey(orgId), 'programme'], queryFn: () => api.get<Programme>(programmePath(orgId)) });
export const useAudits = (orgId: string) =>
  useQuery({
    queryKey: [...auditsKey(orgId), 'list'],
    queryFn: async () => (await api.get<Page<Audit>>(auditsPath(orgId))).items,
  });
export const useAudit = (orgId: string, id: string) =>
  useQuery({ queryKey: [...auditsKey(orgId), 'one', id], queryFn: () => api.get<Audit>(auditPath(orgId, id)) });

export async function refreshAudits(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['audits', 'nonconformities', 'audit-events', 'tasks'].map((k) => qc.invalidateQueries({ queryKey: [k, orgId] })),
  );
}
