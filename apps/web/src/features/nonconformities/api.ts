import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { CauseCategory, NonconformitySource, NonconformityStatus, RootCauseMethod } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import { registerDownloads, type Download } from '../../ui/DownloadMenu';

export type NcAction = {
  id: string;
  title: string;
  /** Look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  dueDate: string | null;
  status: 'open' | 'in_progress' | 'done';
  version: number;
};
export type Nonconformity = {
  id: string;
  ref: string;
  source: NonconformitySource;
  sourceId: string | null;
  sourceRef: string | null;
  grade: 'major' | 'minor';
  clauseRef: string | null;
  title: string;
  statement: string;
  /** Look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  raisedBy: { id: string; name: string } | null;
  /** As recorded: also the certification body's auditor, who is not a member. */
  raisedByName: string;
  raisedAt: string;
  status: NonconformityStatus;
  overdue: boolean;
  responseDue: string | null;
  reviewAfterDays: number;
  reviewDue: string | null;
  correction: string;
  rootCauseMethod: RootCauseMethod;
  whys: string[];
  causeCategories: CauseCategory[];
  rootCause: string;
  similarCases: string;
  effective: boolean | null;
  effectivenessNotes: string;
  reviewedAt: string | null;
  reviewedByName: string | null;
  closedAt: string | null;
  closedByName: string | null;
  actions: NcAction[];
  blockers: { plan: string[]; start_review: string[]; review: string[]; close: string[] };
  version: number;
};
/** One nonconformity's answer: the record and the people it and its actions name (issue 19). */
export type NonconformityRecord = Nonconformity & WithPeople;
export type Improvement = {
  id: string;
  ref: string;
  kind: 'improvement' | 'nonconformity';
  title: string;
  description: string;
  source: string;
  sourceRef: string | null;
  status: string;
  version: number;
  createdAt: string;
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const ncsPath = (orgId: string) => `${org(orgId)}/nonconformities`;
export const ncPath = (orgId: string, id: string) => `${ncsPath(orgId)}/${encodeURIComponent(id)}`;
export const improvementsPath = (orgId: string) => `${org(orgId)}/improvements`;
export const ncDownloads = (orgId: string, open: number): Download[] => [
  ...registerDownloads(`${ncsPath(orgId)}/export`),
  // A POA&M lists open nonconformities only, and OSCAL needs at least one.
  ...(open
    ? [{ format: 'json' as const, href: `${org(orgId)}/oscal/poam`, label: 'OSCAL POA&M of the open ones (.json)' }]
    : []),
];
export const ncsKey = (orgId: string) => ['nonconformities', orgId] as const;
export const ncsHref = (orgId: string) => `/orgs/${orgId}/nonconformities`;
export const ncHref = (orgId: string, id: string) => `${ncsHref(orgId)}/${id}`;

export const useNonconformities = (orgId: string) =>
  useQuery({
    queryKey: [...ncsKey(orgId), 'list'],
    queryFn: () => api.get<Page<Nonconformity> & WithPeople>(ncsPath(orgId)),
  });
export const useNonconformity = (orgId: string, id: string) =>
  useQuery({ queryKey: [...ncsKey(orgId), 'one', id], queryFn: () => api.get<NonconformityRecord>(ncPath(orgId, id)) });
export const useImprovements = (orgId: string) =>
  useQuery({
    queryKey: [...ncsKey(orgId), 'improvements'],
    queryFn: async () => (await api.get<Page<Improvement>>(improvementsPath(orgId))).items,
  });

export async function refreshNonconformities(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['nonconformities', 'audits', 'audit-events', 'tasks', 'actions'].map((k) =>
      qc.invalidateQueries({ queryKey: [k, orgId] }),
    ),
  );
}
