import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ContextCategory, ContextIssueKind } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { Page } from '../../api/types';
import type { ContextIssue, InterestedParty, OrgContext } from './types';
import { registerDownloads } from '../../ui/DownloadMenu';

/** Everything the context pages read; refreshed together after any change to them. */
export const contextKey = (orgId: string) => ['context', orgId] as const;
const recordKey = (orgId: string) => [...contextKey(orgId), 'record'] as const;
const issuesKey = (orgId: string) => [...contextKey(orgId), 'issues'] as const;
const partiesKey = (orgId: string) => [...contextKey(orgId), 'parties'] as const;
/** The prefix the audit trail page and record histories share. */
const auditKey = (orgId: string) => ['audit-events', orgId] as const;

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const orgContextPath = (orgId: string) => `${org(orgId)}/context`;
export const issuesPath = (orgId: string) => `${org(orgId)}/context-issues`;
export const issuePath = (orgId: string, id: string) => `${issuesPath(orgId)}/${encodeURIComponent(id)}`;
export const partiesPath = (orgId: string) => `${org(orgId)}/interested-parties`;
export const partyPath = (orgId: string, id: string) => `${partiesPath(orgId)}/${encodeURIComponent(id)}`;

export type IssueFilters = { kind?: ContextIssueKind | undefined; category?: ContextCategory | undefined };
export const issuesDownloads = (orgId: string, filters: IssueFilters) =>
  registerDownloads(`${issuesPath(orgId)}/export`, qs(filters));
export const partiesDownloads = (orgId: string) => registerDownloads(`${partiesPath(orgId)}/export`);

// Web addresses of the pages.
export const contextHref = (orgId: string) => `/orgs/${orgId}/context`;
export const issuesHref = (orgId: string) => `/orgs/${orgId}/context/issues`;
export const partiesHref = (orgId: string) => `/orgs/${orgId}/context/parties`;
export const partyHref = (orgId: string, id: string) => `${partiesHref(orgId)}/${id}`;

export function useOrgContext(orgId: string) {
  return useQuery({ queryKey: recordKey(orgId), queryFn: () => api.get<OrgContext>(orgContextPath(orgId)) });
}

export function useContextIssues(orgId: string, filters: IssueFilters = {}) {
  return useQuery({
    queryKey: [...issuesKey(orgId), filters],
    queryFn: async () => (await api.get<Page<ContextIssue>>(`${issuesPath(orgId)}${qs(filters)}`)).items,
    placeholderData: (prev) => prev,
  });
}

/** Parties are few (one list, no paging): a single party is read from the list. */
export function useParties(orgId: string) {
  return useQuery({
    queryKey: partiesKey(orgId),
    queryFn: async () => (await api.get<Page<InterestedParty>>(partiesPath(orgId))).items,
  });
}

export function useParty(orgId: string, id: string) {
  return useQuery({
    queryKey: partiesKey(orgId),
    queryFn: async () => (await api.get<Page<InterestedParty>>(partiesPath(orgId))).items,
    select: (items) => items.find((p) => p.id === id) ?? null,
  });
}

/** The audit trail of one record (needs audit_event.read), newest first. */
/**
 * After a change: the context pages, the audit trail, and the scope builder (its statement names
 * the AI roles of the context record).
 */
export async function refreshAfterChange(qc: QueryClient, orgId: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: contextKey(orgId) }),
    qc.invalidateQueries({ queryKey: auditKey(orgId) }),
    qc.invalidateQueries({ queryKey: ['scope', orgId] }),
  ]);
}

export const setOrgContextData = (qc: QueryClient, orgId: string, record: OrgContext) =>
  qc.setQueryData(recordKey(orgId), record);
