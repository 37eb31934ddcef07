import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type { AiSystemPage, Page } from '../../api/types';
import { inventoryKey } from '../inventory/api';
import type { OrgContextRoles, Scope, ScopeRevision } from './types';

export const scopeKey = (orgId: string) => ['scope', orgId] as const;
export const scopeRevisionsKey = (orgId: string) => [...scopeKey(orgId), 'revisions'] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const scopePath = (orgId: string) => `${org(orgId)}/scope`;
export const approveScopePath = (orgId: string) => `${scopePath(orgId)}/approve`;

/** The picker reads the whole inventory at once; past this many systems it says so. */
export const PICKER_LIMIT = 500;

export function useScope(orgId: string) {
  return useQuery({ queryKey: scopeKey(orgId), queryFn: () => api.get<Scope>(scopePath(orgId)) });
}

export function useScopeRevisions(orgId: string) {
  return useQuery({
    queryKey: scopeRevisionsKey(orgId),
    queryFn: async () => (await api.get<Page<ScopeRevision>>(`${scopePath(orgId)}/revisions`)).items,
  });
}

/** Every AI system, by name, for the checklist; refreshed with the inventory. */
export function useScopeAiSystems(orgId: string) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'scope-picker'],
    queryFn: () =>
      api.get<AiSystemPage>(`${org(orgId)}/ai-systems${qs({ limit: PICKER_LIMIT, sort: 'name', order: 'asc' })}`),
  });
}

/** The AI roles of the context record, which the statement names. */
export function useOrgAiRoles(orgId: string) {
  return useQuery({
    queryKey: [...scopeKey(orgId), 'org-context'],
    queryFn: async () => (await api.get<OrgContextRoles>(`${org(orgId)}/context`)).aiRoles.map((r) => r.role),
  });
}
