import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type {
  CatalogImport,
  CatalogItemDetail,
  CustomControl,
  FrameworkDetail,
  FrameworkSummary,
  Page,
  SearchHit,
} from '../../api/types';

/** Everything an organization's catalogue shows: refreshed together after an import or a custom control changes. */
export const catalogKey = (orgId: string) => ['catalog', orgId] as const;
export const customControlsKey = (orgId: string) => [...catalogKey(orgId), 'custom-controls'] as const;
export const importsKey = (orgId: string) => [...catalogKey(orgId), 'imports'] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
const frameworkPath = (orgId: string, frameworkId: string) =>
  `${org(orgId)}/catalog/frameworks/${encodeURIComponent(frameworkId)}`;
export const oscalHref = (orgId: string, frameworkId: string) => `${frameworkPath(orgId, frameworkId)}/oscal`;
export const customControlsPath = (orgId: string) => `${org(orgId)}/custom-controls`;
export const customControlPath = (orgId: string, id: string) =>
  `${customControlsPath(orgId)}/${encodeURIComponent(id)}`;
export const importsPath = (orgId: string) => `${org(orgId)}/catalog/imports`;

/** The framework every organization starts from. */
export const DEFAULT_FRAMEWORK = 'iso42001';
export const SEARCH_LIMIT = 50;

// Web addresses of the catalogue pages: every framework and every item is a link to share.
export const catalogHref = (orgId: string, frameworkId?: string, ref?: string) =>
  `/orgs/${orgId}/catalog${frameworkId ? `/${encodeURIComponent(frameworkId)}` : ''}${ref ? `/${encodeURIComponent(ref)}` : ''}`;

// The shipped catalogue changes only with a new release; an organization's additions are
// refreshed through invalidation, so the catalogue is read once per visit.
const CATALOG_STALE = 5 * 60_000;

export function useFrameworks(orgId: string) {
  return useQuery({
    queryKey: [...catalogKey(orgId), 'frameworks'],
    queryFn: async () => (await api.get<Page<FrameworkSummary>>(`${org(orgId)}/catalog/frameworks`)).items,
    staleTime: CATALOG_STALE,
  });
}

export function useFramework(orgId: string, frameworkId: string) {
  return useQuery({
    queryKey: [...catalogKey(orgId), 'framework', frameworkId],
    queryFn: () => api.get<FrameworkDetail>(frameworkPath(orgId, frameworkId)),
    staleTime: CATALOG_STALE,
  });
}

export function useCatalogItem(orgId: string, frameworkId: string, ref: string | undefined) {
  return useQuery({
    queryKey: [...catalogKey(orgId), 'item', frameworkId, ref],
    queryFn: () => api.get<CatalogItemDetail>(`${frameworkPath(orgId, frameworkId)}/items/${encodeURIComponent(ref!)}`),
    enabled: ref !== undefined,
    staleTime: CATALOG_STALE,
  });
}

export function useCatalogSearch(orgId: string, q: string, frameworkId: string | undefined) {
  return useQuery({
    queryKey: [...catalogKey(orgId), 'search', q, frameworkId ?? null],
    queryFn: async () =>
      (await api.get<Page<SearchHit>>(`${org(orgId)}/catalog/search${qs({ q, frameworkId, limit: SEARCH_LIMIT })}`))
        .items,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE,
  });
}

export function useCustomControls(orgId: string) {
  return useQuery({
    queryKey: customControlsKey(orgId),
    queryFn: async () => (await api.get<Page<CustomControl>>(customControlsPath(orgId))).items,
  });
}

export function useCustomControl(orgId: string, id: string) {
  return useQuery({
    queryKey: [...customControlsKey(orgId), 'one', id],
    queryFn: () => api.get<CustomControl>(customControlPath(orgId, id)),
  });
}

export function useImports(orgId: string) {
  return useQuery({
    queryKey: importsKey(orgId),
    queryFn: async () => (await api.get<Page<CatalogImport>>(importsPath(orgId))).items,
  });
}
