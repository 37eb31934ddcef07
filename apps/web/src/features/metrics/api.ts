import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeasurementSource, MetricFrequency, ThresholdState } from '@fortytwo/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type { WithPeople } from '../../api/people';
import { registerDownloads } from '../../ui/DownloadMenu';

export type Measurement = {
  id: string;
  at: string;
  value: number;
  note: string;
  source: MeasurementSource;
  state: ThresholdState;
  createdAt: string;
  createdBy: { id: string | null; name: string };
};
export type Breach = {
  id: string;
  state: 'below' | 'above';
  openedAt: string;
  openingValue: number;
  actionId: string | null;
  closedAt: string | null;
};
export type Metric = {
  id: string;
  ref: string;
  name: string;
  description: string;
  method: string;
  frequency: MetricFrequency;
  /** Who measures it: look them up in the answer's `people` (personOf). */
  ownerId: string | null;
  unit: string;
  target: number | null;
  lowerThreshold: number | null;
  upperThreshold: number | null;
  aiSystemId: string | null;
  aiSystem: { id: string; name: string } | null;
  controlRef: string | null;
  objectiveId: string | null;
  latest: Measurement | null;
  nextDueOn: string;
  openBreach: Breach | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};
export type ImportSummary = {
  dryRun: boolean;
  count: number;
  skipped: number;
  first: string;
  last: string;
  outOfThreshold: number;
  breach: 'open' | 'close' | 'none';
};

const org = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;
export const metricsPath = (orgId: string) => `${org(orgId)}/metrics`;
export const metricPath = (orgId: string, id: string) => `${metricsPath(orgId)}/${encodeURIComponent(id)}`;
export const metricDownloads = (orgId: string) => registerDownloads(`${metricsPath(orgId)}/export`);
export const metricsKey = (orgId: string) => ['metrics', orgId] as const;
export const metricsHref = (orgId: string) => `/orgs/${orgId}/metrics`;
export const metricHref = (orgId: string, id: string) => `${metricsHref(orgId)}/${id}`;

export function useMetrics(orgId: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'list'],
    queryFn: () => api.get<Page<Metric> & WithPeople>(metricsPath(orgId)),
  });
}
export function useMetric(orgId: string, id: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'one', id],
    queryFn: () => api.get<Metric & WithPeople>(metricPath(orgId, id)),
  });
}
export function useMeasurements(orgId: string, id: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'measurements', id],
    queryFn: () => api.get<{ items: Measurement[]; breaches: Breach[] }>(`${metricPath(orgId, id)}/measurements`),
  });
}
/** After a change: the metrics, their history, and the actions and tasks a breach may have opened. */
export async function refreshMetrics(qc: QueryClient, orgId: string) {
  await Promise.all(
    ['metrics', 'audit-events', 'actions', 'tasks'].map((k) => qc.invalidateQueries({ queryKey: [k, orgId] })),
  );
  await qc.invalidateQueries({ queryKey: ['tasks'] });
}
