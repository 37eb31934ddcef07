import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import type { GovernancePillar, RaciActivity, RaciColumnChoice } from './types';
import { registerDownloads } from '../../ui/DownloadMenu';

export const governanceKey = (orgId: string) => ['governance', orgId] as const;
export const raciKey = (orgId: string) => ['raci', orgId] as const;
export const raciColumnsKey = (orgId: string) => ['raci-columns', orgId] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const pillarPath = (orgId: string, pillar: string) => `${org(orgId)}/governance/${encodeURIComponent(pillar)}`;
export const raciPath = (orgId: string) => `${org(orgId)}/raci`;
export const raciColumnsPath = (orgId: string) => `${raciPath(orgId)}/columns`;
export const raciActivityPath = (orgId: string, id: string) => `${raciPath(orgId)}/${encodeURIComponent(id)}`;
export const raciDownloads = (orgId: string) => registerDownloads(`${raciPath(orgId)}/export`);

/** The six pillars and the owners they name, once each (issue 19). */
export type GovernanceAnswer = Page<GovernancePillar> & WithPeople;

export function useGovernance(orgId: string) {
  return useQuery({
    queryKey: governanceKey(orgId),
    queryFn: () => api.get<GovernanceAnswer>(`${org(orgId)}/governance`),
  });
}

export function useRaci(orgId: string) {
  return useQuery({
    queryKey: raciKey(orgId),
    queryFn: async () => (await api.get<Page<RaciActivity>>(raciPath(orgId))).items,
  });
}

/** The 5.3 check: either assignment the clause names missing from the RACI, or with no one Accountable. */
export type AccountabilityWarning = {
  code: 'ACCOUNTABILITY_MISSING' | 'ACCOUNTABILITY_NO_ACCOUNTABLE';
  activity: string;
  message: string;
};

/** Under the RACI's key, so every change that reloads the RACI reloads the check too. */
export function useRaciAccountability(orgId: string) {
  return useQuery({
    queryKey: [...raciKey(orgId), 'accountability'] as const,
    queryFn: async () =>
      (await api.get<Page<RaciActivity> & { accountability: AccountabilityWarning[] }>(raciPath(orgId))).accountability,
  });
}

export function useRaciColumnChoice(orgId: string) {
  return useQuery({
    queryKey: raciColumnsKey(orgId),
    queryFn: () => api.get<RaciColumnChoice>(raciColumnsPath(orgId)),
  });
}
