import { useQuery } from '@tanstack/react-query';
import type { AiRole, EngagementStatus, ReadinessGrade, ReadinessStatus, ReadinessVerdict } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Download } from '../../ui/DownloadMenu';

export type ReadinessFinding = {
  id: string;
  ref: string;
  checklist: string;
  title: string;
  grade: ReadinessGrade;
  status: ReadinessStatus;
  reasons: { message: string; href: string }[];
};
export type Readiness = {
  stage: 1 | 2;
  verdict: ReadinessVerdict;
  summary: string;
  counts: { passed: number; blocking: number; concern: number; note: number; lacksData: number };
  findings: ReadinessFinding[];
  checkedAt: string;
  durationMs: number;
};
export type Engagement = {
  id: string;
  ref: string;
  cbName: string;
  accreditationBody: string;
  accredited: boolean;
  accreditationRef: string;
  auditTeam: { name: string; role: string }[];
  stage1Date: string | null;
  stage2Date: string | null;
  submittedScope: string;
  auditTimeInputs: {
    headcount: number;
    aiRoles: AiRole[];
    aiSystems: number;
    highRiskAiSystems: number;
    sites: number;
  };
  auditTimeEstimate: {
    estimate: true;
    initialDays: number;
    stage1Days: number;
    stage2Days: number;
    surveillanceDays: number;
    recertificationDays: number;
    sampledSites: number;
    basis: string[];
  };
  status: EngagementStatus;
  notes: string;
  warnings: { code: string; message: string }[];
  operatingSince: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type PortfolioItem = {
  orgId: string;
  name: string;
  verdict: ReadinessVerdict;
  summary: string;
  blocking: number;
  concerns: number;
  nextAuditDate: string | null;
  overdueTasks: number;
  openMajors: number | null;
  openMinors: number | null;
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const readinessPath = (orgId: string, stage: 1 | 2) => `${org(orgId)}/readiness?stage=${stage}`;
export const engagementsPath = (orgId: string) => `${org(orgId)}/certification-engagements`;
export const engagementPath = (orgId: string, id: string) => `${engagementsPath(orgId)}/${encodeURIComponent(id)}`;
export const engagementsKey = (orgId: string) => ['certification-engagements', orgId] as const;

export const readinessDownloads = (orgId: string, stage: 1 | 2): Download[] => [
  { format: 'pdf', href: `${org(orgId)}/readiness/report.pdf?stage=${stage}`, label: 'PDF for the board (.pdf)' },
  { format: 'xlsx', href: `${org(orgId)}/readiness/export.xlsx?stage=${stage}`, label: 'Excel workbook (.xlsx)' },
  { format: 'csv', href: `${org(orgId)}/readiness/export.csv?stage=${stage}`, label: 'CSV file (.csv)' },
  {
    format: 'json',
    href: `${org(orgId)}/oscal/assessment-results?stage=${stage}`,
    label: 'OSCAL assessment results, with the internal audits (.json)',
  },
];

export function useReadiness(orgId: string, stage: 1 | 2) {
  return useQuery({
    queryKey: ['readiness', orgId, stage],
    queryFn: () => api.get<Readiness>(readinessPath(orgId, stage)),
  });
}
export function useEngagements(orgId: string) {
  return useQuery({
    queryKey: engagementsKey(orgId),
    queryFn: async () => (await api.get<{ items: Engagement[] }>(engagementsPath(orgId))).items,
  });
}
export function usePortfolio() {
  return useQuery({
    queryKey: ['portfolio'],
    queryFn: async () => (await api.get<{ items: PortfolioItem[] }>('/api/me/portfolio')).items,
  });
}
