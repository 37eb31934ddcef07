import type { Download } from '../../ui/DownloadMenu';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ImpactStatus, ImpactTrigger, IndividualEffectArea, SocietalEffectArea } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { AiSystemPage, Page } from '../../api/types';
import { inventoryKey } from '../inventory/api';

// AI system impact assessments as the server answers them (apps/server/src/modules/impact/service.ts).

export type AffectedGroup = {
  group: string;
  vulnerable: boolean;
  effects: Partial<Record<IndividualEffectArea, string>>;
};
export type ImpactAssessment = {
  id: string;
  ref: string;
  aiSystemId: string;
  aiSystem: { id: string; name: string } | null;
  title: string;
  trigger: ImpactTrigger;
  intendedUse: string;
  foreseeableMisuse: string;
  affectedGroups: AffectedGroup[];
  societalEffects: Partial<Record<SocietalEffectArea, string>>;
  societalNotApplicable?: string;
  severity: number | null;
  likelihood: number | null;
  mitigations: string;
  conclusion: string;
  retentionUntil: string | null;
  status: ImpactStatus;
  signedOffAt: string | null;
  signedOffBy: { id: string | null; name: string } | null;
  signOffProblems: string[];
  risks: { id: string; ref: string; title: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type CreatedRisk = { id: string; ref: string; title: string };
export type RiskCriteriaLabels = { likelihoodLabels: string[]; consequenceLabels: string[] };

export const impactKey = (orgId: string) => ['impact-assessments', orgId] as const;
export const impactOneKey = (orgId: string, id: string) => [...impactKey(orgId), 'one', id] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const impactsPath = (orgId: string) => `${org(orgId)}/impact-assessments`;
export const impactPath = (orgId: string, id: string) => `${impactsPath(orgId)}/${encodeURIComponent(id)}`;

// Web addresses.
/** One assessment as a file an auditor keeps, with its document-control block. */
export const impactDownloads = (orgId: string, id: string): Download[] => [
  { format: 'docx', href: `${impactPath(orgId, id)}/export.docx`, label: 'Word document (.docx)' },
  { format: 'pdf', href: `${impactPath(orgId, id)}/export.pdf`, label: 'PDF document (.pdf)' },
];
export const impactsHref = (orgId: string) => `/orgs/${orgId}/impact-assessments`;
export const impactHref = (orgId: string, id: string) => `${impactsHref(orgId)}/${id}`;
export const newImpactHref = (orgId: string, aiSystemId?: string | null) =>
  `${impactsHref(orgId)}/new${qs({ aiSystemId })}`;
export const riskHref = (orgId: string, id: string) => `/orgs/${orgId}/risks/${id}`;
export const aiSystemHref = (orgId: string, id: string) => `/orgs/${orgId}/ai-systems/${id}`;

export function useImpacts(orgId: string, aiSystemId: string | undefined) {
  return useQuery({
    queryKey: [...impactKey(orgId), 'list', aiSystemId ?? null],
    queryFn: async () => (await api.get<Page<ImpactAssessment>>(`${impactsPath(orgId)}${qs({ aiSystemId })}`)).items,
    placeholderData: (prev) => prev,
  });
}

export function useImpact(orgId: string, id: string) {
  return useQuery({
    queryKey: impactOneKey(orgId, id),
    queryFn: () => api.get<ImpactAssessment>(impactPath(orgId, id)),
  });
}

/** Every AI system by name, for the picker and the filter; refreshed with the inventory. */
export function useAiSystemChoices(orgId: string) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'impact-picker'],
    queryFn: async () =>
      (
        await api.get<AiSystemPage>(`${org(orgId)}/ai-systems${qs({ limit: 500, sort: 'name', order: 'asc' })}`)
      ).items.map((s) => ({ id: s.id, name: s.name })),
  });
}

/** The scale labels of the risk criteria in force, for a risk created from an assessment. */
export function useRiskScales(orgId: string) {
  return useQuery({
    queryKey: ['risk-criteria', orgId, 'scales'],
    queryFn: async () => (await api.get<{ inForce: RiskCriteriaLabels }>(`${org(orgId)}/risk-criteria`)).inForce,
  });
}

/** After a change: the assessments, the audit trail, and the risk register (risks point back at assessments). */
export async function refreshImpacts(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: impactKey(orgId) }),
    qc.invalidateQueries({ queryKey: ['audit-events', orgId] }),
    qc.invalidateQueries({ predicate: (q) => typeof q.queryKey[0] === 'string' && q.queryKey[0].startsWith('risk') }),
    qc.invalidateQueries({ queryKey: ['soa', orgId] }),
  ]);
}

export type ImpactGap = {
  aiSystemId: string;
  aiSystemName: string;
  reason: 'never_assessed' | 'draft_only';
  message: string;
};

/** AI systems in scope with no signed-off impact assessment (all, or one system's). */
export function useImpactGaps(orgId: string, aiSystemId?: string) {
  return useQuery({
    queryKey: [...impactKey(orgId), 'gaps', aiSystemId ?? null],
    queryFn: async () => (await api.get<Page<ImpactGap>>(`${org(orgId)}/impact-gaps${qs({ aiSystemId })}`)).items,
  });
}
