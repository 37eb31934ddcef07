import { useMemo } from 'react';
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { RiskKind, RiskLevel } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import { mergePeople, type WithPeople } from '../../api/people';
import { registerDownloads, type Download } from '../../ui/DownloadMenu';
import type { CriteriaState, Dashboard, Plan, Risk, RiskDetail } from './types';

export const riskKey = (orgId: string) => ['risks', orgId] as const;
export const criteriaKey = (orgId: string) => ['risk-criteria', orgId] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const risksPath = (orgId: string) => `${org(orgId)}/risks`;
export const riskPath = (orgId: string, id: string) => `${risksPath(orgId)}/${encodeURIComponent(id)}`;
export const criteriaPath = (orgId: string) => `${org(orgId)}/risk-criteria`;
export const planPath = (orgId: string) => `${org(orgId)}/risk-treatment-plan`;

/** The risk dashboard's lists; the register shows one whole with `list=` (the server's rules). */
export const DASHBOARD_LISTS = ['needsAttention', 'reviewOverdue', 'acceptancesExpiring', 'unrated'] as const;
export type DashboardList = (typeof DASHBOARD_LISTS)[number];

export type RiskFilters = {
  aiSystemId?: string | undefined;
  kind?: RiskKind | undefined;
  status?: 'open' | 'closed' | undefined;
  level?: RiskLevel | undefined;
  attention?: 'true' | undefined;
  list?: DashboardList | undefined;
  /** A dashboard heatmap cell: all three together. */
  heatmap?: 'inherent' | 'residual' | undefined;
  likelihood?: number | undefined;
  consequence?: number | undefined;
};

const documents = (base: string, query = ''): Download[] => [
  ...registerDownloads(base, query),
  { format: 'docx', href: `${base}.docx${query}`, label: 'Word document (.docx)' },
  { format: 'pdf', href: `${base}.pdf${query}`, label: 'PDF (.pdf)' },
];
export const riskDownloads = (orgId: string, filters: RiskFilters) =>
  documents(`${risksPath(orgId)}/export`, qs(filters));
export const planDownloads = (orgId: string) =>
  documents(`${planPath(orgId)}/export`).filter((d) => d.format !== 'csv');

// Web addresses.
export const risksHref = (orgId: string) => `/orgs/${orgId}/risks`;
export const riskHref = (orgId: string, id: string) => `${risksHref(orgId)}/${id}`;
export const newRiskHref = (orgId: string) => `${risksHref(orgId)}/new`;
export const criteriaHref = (orgId: string) => `/orgs/${orgId}/risk-criteria`;
export const planHref = (orgId: string) => `/orgs/${orgId}/risk-treatment-plan`;

/** Risks per page of the register: the server reads a page's rows only, so a long register opens fast. */
export const RISK_PAGE_SIZE = 100;

/** The register a page at a time, in number order (`fetchNextPage` for more); `rows` are the pages read so far. */
export function useRisks(orgId: string, filters: RiskFilters = {}) {
  const query = useInfiniteQuery({
    queryKey: [...riskKey(orgId), 'list', filters],
    queryFn: ({ pageParam }) =>
      api.get<Page<Risk> & WithPeople>(
        `${risksPath(orgId)}${qs({ ...filters, limit: RISK_PAGE_SIZE, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
  // Each page names the owners of its own rows; the pages read so far together name them all.
  const pages = query.data?.pages;
  const people = useMemo(() => mergePeople(pages ?? []), [pages]);
  return { ...query, rows: pages?.flatMap((p) => p.items), people };
}
export function useRisk(orgId: string, id: string) {
  return useQuery({
    queryKey: [...riskKey(orgId), 'one', id],
    queryFn: () => api.get<RiskDetail>(riskPath(orgId, id)),
  });
}
export function useDashboard(orgId: string) {
  return useQuery({
    queryKey: [...riskKey(orgId), 'dashboard'],
    queryFn: () => api.get<Dashboard>(`${org(orgId)}/risk-dashboard`),
  });
}
export function usePlan(orgId: string) {
  return useQuery({ queryKey: [...riskKey(orgId), 'plan'], queryFn: () => api.get<Plan>(planPath(orgId)) });
}
export function useCriteria(orgId: string) {
  return useQuery({ queryKey: criteriaKey(orgId), queryFn: () => api.get<CriteriaState>(criteriaPath(orgId)) });
}
/** Annex A and custom controls, the ones a treatment may use: the SoA lists exactly those. */
export function useControlChoices(orgId: string) {
  return useQuery({
    queryKey: ['soa', orgId, 'controls'],
    queryFn: async () =>
      (await api.get<{ items: { ref: string; title: string; group: string }[] }>(`${org(orgId)}/soa`)).items.map(
        (i) => ({ value: i.ref, label: `${i.ref} ${i.title}`, group: i.group }),
      ),
    staleTime: 60_000,
  });
}
/** After any risk change: the register, the dashboard, the plan, the SoA (treatments include controls), tasks and history. */
export async function refreshRisks(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['risks', 'soa', 'audit-events', 'impact-assessments', 'tasks', 'actions'].map((k) =>
      qc.invalidateQueries({ queryKey: [k, orgId] }),
    ),
  );
  await qc.invalidateQueries({ queryKey: ['tasks'] });
}
