import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CertAuditKind, CertAuditStatus, CertFindingGrade } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Engagement } from './api';

export type CertFinding = {
  id: string;
  ref: string;
  auditId: string;
  auditKind: CertAuditKind;
  grade: CertFindingGrade;
  clauseRef: string;
  title: string;
  statement: string;
  evidence: string;
  cbDeadline: string | null;
  cbAcceptedOn: string | null;
  state: 'open' | 'plan_accepted' | 'closed' | 'noted';
  overdue: boolean;
  nonconformity: { id: string; ref: string; status: string; rootCause: string; actions: number } | null;
  improvement: { id: string; ref: string; status: string } | null;
  version: number;
};
export type CertAudit = {
  id: string;
  kind: CertAuditKind;
  title: string;
  status: CertAuditStatus;
  startDate: string | null;
  endDate: string | null;
  dueBy: string | null;
  team: { name: string; role: string }[];
  conclusion: string;
  certificateId: string | null;
  findings: CertFinding[];
  version: number;
};
export type Certificate = {
  id: string;
  certificateNumber: string;
  decisionDate: string;
  issueDate: string;
  expiryDate: string;
  scope: string;
  cbName: string;
  accredited: boolean;
  status: 'active' | 'suspended' | 'withdrawn' | 'expired';
  version: number;
};
export type Cycle = {
  engagement: Engagement;
  audits: CertAudit[];
  certificates: Certificate[];
  decisionBlockers: string[];
  counts: { openMajors: number; openMinors: number; overdue: number };
  timeline: {
    date: string;
    kind: 'audit' | 'decision' | 'expiry' | 'improvement' | 'nonconformity';
    phase: 'plan' | 'do' | 'check' | 'act';
    title: string;
    status: string;
    href: string | null;
  }[];
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const cyclePaths = (orgId: string, engagementId: string) => {
  const e = `${org(orgId)}/certification-engagements/${encodeURIComponent(engagementId)}`;
  return {
    cycle: `${e}/cycle`,
    audits: `${e}/audits`,
    certificate: `${e}/certificate`,
    statusReport: `${e}/status-report.pdf`,
    audit: (id: string) => `${org(orgId)}/certification-audits/${encodeURIComponent(id)}`,
    findings: (auditId: string) => `${org(orgId)}/certification-audits/${encodeURIComponent(auditId)}/findings`,
    finding: (id: string) => `${org(orgId)}/certification-findings/${encodeURIComponent(id)}`,
  };
};
export const cycleKey = (orgId: string, engagementId: string) => ['certification-cycle', orgId, engagementId] as const;

export function useCycle(orgId: string, engagementId: string) {
  return useQuery({
    queryKey: cycleKey(orgId, engagementId),
    queryFn: () => api.get<Cycle>(cyclePaths(orgId, engagementId).cycle),
  });
}
export const refreshCycle = (qc: QueryClient, orgId: string, engagementId: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: cycleKey(orgId, engagementId) }),
    qc.invalidateQueries({ queryKey: ['certification-engagements', orgId] }),
  ]);
export const confirmNoChangePath = (orgId: string, aiSystemId: string) =>
  `${org(orgId)}/ai-systems/${encodeURIComponent(aiSystemId)}/no-change-confirmations`;
