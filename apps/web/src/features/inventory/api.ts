import { useMemo } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AiRole, AiSystemProfile, AiSystemSort, AiSystemStatus, LifecycleStage, RiskTier } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { AiSystemPage, AiSystemRecord, AuditEvent, Page } from '../../api/types';
import { mergePeople } from '../../api/people';

export type InventoryFilters = {
  q?: string;
  lifecycleStage?: LifecycleStage;
  aiRole?: AiRole;
  riskTier?: RiskTier;
  status?: AiSystemStatus;
};
export type InventorySort = { sort: AiSystemSort; order: 'asc' | 'desc' };

/** Everything under this key is refreshed after any inventory change. */
export const inventoryKey = (orgId: string) => ['ai-systems', orgId] as const;
export const aiSystemKey = (orgId: string, id: string) => ['ai-systems', orgId, 'one', id] as const;
/** Under the AI system's key: the two share one version, so refreshing the system refreshes its profile. */
export const aiSystemProfileKey = (orgId: string, id: string) => [...aiSystemKey(orgId, id), 'profile'] as const;

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/ai-systems`;
export const aiSystemPath = (orgId: string, id: string) => `${base(orgId)}/${encodeURIComponent(id)}`;
export const createAiSystemPath = base;
export const aiSystemProfilePath = (orgId: string, id: string) => `${aiSystemPath(orgId, id)}/profile`;
export const exportCsvHref = (orgId: string, filters: InventoryFilters) => `${base(orgId)}/export.csv${qs(filters)}`;

export const PAGE_SIZE = 50;

export function useAiSystemList(orgId: string, filters: InventoryFilters, sort: InventorySort) {
  const query = useInfiniteQuery({
    queryKey: [...inventoryKey(orgId), 'list', filters, sort],
    queryFn: ({ pageParam }) =>
      api.get<AiSystemPage>(`${base(orgId)}${qs({ ...filters, ...sort, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
  // Each page names the owners of its own rows; the pages read so far together name them all.
  const pages = query.data?.pages;
  const people = useMemo(() => mergePeople(pages ?? []), [pages]);
  return { ...query, people };
}

/** The number of AI systems matching `filters` (one row fetched, `total` read). */
export function useInventoryCount(orgId: string, filters: InventoryFilters = {}) {
  return useQuery({
    queryKey: [...inventoryKey(orgId), 'count', filters],
    queryFn: async () => (await api.get<AiSystemPage>(`${base(orgId)}${qs({ ...filters, limit: 1 })}`)).total,
  });
}

export function useAiSystem(orgId: string, id: string) {
  return useQuery({
    queryKey: aiSystemKey(orgId, id),
    queryFn: () => api.get<AiSystemRecord>(aiSystemPath(orgId, id)),
  });
}

export function useAiSystemHistory(orgId: string, id: string) {
  return useInfiniteQuery({
    queryKey: [...aiSystemKey(orgId, id), 'history'],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEvent>>(`${aiSystemPath(orgId, id)}/history${qs({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The A.4 profile of an AI system as the server answers it (apps/server/src/modules/inventory/profile.ts). */
export type AiSystemProfileRecord = AiSystemProfile & {
  aiSystemId: string;
  version: number;
  gaps: string[];
  updatedAt: string | null;
};

/** `forEditing`: read again from the server on mount, so an edit starts from the current version. */
export function useAiSystemProfile(orgId: string, id: string, { forEditing = false } = {}) {
  return useQuery({
    queryKey: aiSystemProfileKey(orgId, id),
    queryFn: () => api.get<AiSystemProfileRecord>(aiSystemProfilePath(orgId, id)),
    ...(forEditing ? { refetchOnMount: 'always' as const } : {}),
  });
}

/** Web addresses of an AI system's pages. */
export const aiSystemHref = (orgId: string, id: string, tab?: 'resources' | 'history') =>
  `/orgs/${orgId}/ai-systems/${id}${tab ? `?tab=${tab}` : ''}`;
export const aiSystemProfileEditHref = (orgId: string, id: string) => `/orgs/${orgId}/ai-systems/${id}/profile/edit`;
