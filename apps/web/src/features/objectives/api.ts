import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { ObjectiveStatus } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import { registerDownloads } from '../../ui/DownloadMenu';

export type ProgressEntry = {
  id: string;
  onDate: string;
  value: number;
  note: string;
  createdAt: string;
  createdBy: { id: string | null; name: string };
};
export type Objective = {
  id: string;
  ref: string;
  title: string;
  description: string;
  measure: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  /** Who answers for it: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  resources: string;
  dueDate: string | null;
  evaluation: string;
  annexCRef: string | null;
  status: ObjectiveStatus;
  latestValue: number | null;
  latestOn: string | null;
  progressPercent: number | null;
  progress: ProgressEntry[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const objectivesPath = (orgId: string) => `${org(orgId)}/objectives`;
export const objectivePath = (orgId: string, id: string) => `${objectivesPath(orgId)}/${encodeURIComponent(id)}`;
export const objectiveDownloads = (orgId: string) => registerDownloads(`${objectivesPath(orgId)}/export`);
export const objectivesKey = (orgId: string) => ['objectives', orgId] as const;

export const objectivesHref = (orgId: string) => `/orgs/${orgId}/objectives`;
export const objectiveHref = (orgId: string, id: string) => `${objectivesHref(orgId)}/${id}`;

/** The register's answer: its objectives and the owners they name (issue 19). */
export type ObjectiveRegister = Page<Objective> & WithPeople;
const objectivesQuery = (orgId: string) => ({
  queryKey: [...objectivesKey(orgId), 'list'],
  queryFn: () => api.get<ObjectiveRegister>(objectivesPath(orgId)),
});
/** The objectives (pickers that show no owner). */
export function useObjectives(orgId: string) {
  return useQuery({ ...objectivesQuery(orgId), select: (p: ObjectiveRegister) => p.items });
}
/** The register with the owners its objectives name (`people`). */
export function useObjectiveRegister(orgId: string) {
  return useQuery(objectivesQuery(orgId));
}
export function useObjective(orgId: string, id: string) {
  return useQuery({
    queryKey: [...objectivesKey(orgId), 'one', id],
    queryFn: () => api.get<Objective & WithPeople>(objectivePath(orgId, id)),
  });
}

type ReferenceList = { id: string; entries: { ref: string; title: string; description: string | null }[] };
/** The Annex C.2 objectives from the catalogue, to pick the one an objective serves. */
export function useAnnexCObjectives() {
  return useQuery({
    queryKey: ['catalog', 'iso42001', 'annex-c-objectives'],
    queryFn: async () =>
      (await api.get<{ referenceLists: ReferenceList[] }>('/api/catalog/frameworks/iso42001')).referenceLists.find(
        (l) => l.id === 'annex-c-objectives',
      )?.entries ?? [],
    staleTime: Infinity,
  });
}

export async function refreshObjectives(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['objectives', 'audit-events', 'metrics'].map((k) => qc.invalidateQueries({ queryKey: [k, orgId] })),
  );
}
