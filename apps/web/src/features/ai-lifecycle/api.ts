import { useQuery } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ChangeKind, ReassessmentKind, ReleaseFlag, VvArea, VvDecision } from '@fortytwo/domain';
import { api, qs } from '../../api/client';

// The AI system life cycle (issue 16): releases with V&V and deployment, changes and their
// significance, and the re-assessments a significant change opens.

export type Reassessment = {
  id: string;
  aiSystemId: string;
  aiSystemName: string;
  changeId: string;
  change: { kind: ChangeKind; title: string; occurredOn: string };
  kind: ReassessmentKind;
  text: string;
  assignee: { id: string; name: string } | null;
  dueOn: string;
  status: 'due' | 'done' | 'cancelled';
  openedAt: string;
  closedAt: string | null;
  closedByName: string | null;
  note: string;
  satisfiedBy: string | null;
  version: number;
};

export type VvTestRow = { area: VvArea; criterion: string; result: string; passed: boolean };

export type Release = {
  id: string;
  aiSystemId: string;
  releaseVersion: string;
  releasedOn: string;
  whatChanged: string;
  modelVersion: string;
  dataVersion: string;
  approvedBy: { id: string | null; name: string } | null;
  verification: {
    tests: VvTestRow[];
    decision: VvDecision;
    decisionNote: string;
    decidedOn: string;
    decidedBy: { id: string | null; name: string };
    recordedAt: string;
    problems: string[];
  } | null;
  deployment: { deployedOn: string; environment: string; note: string; deployedByName: string } | null;
  flags: ReleaseFlag[];
  source: 'manual' | 'api';
  version: number;
};

export type Change = {
  id: string;
  aiSystemId: string;
  release: { id: string; releaseVersion: string } | null;
  kind: ChangeKind;
  title: string;
  description: string;
  occurredOn: string;
  significant: boolean;
  rule: { significant: boolean; because: string };
  override: { significant: boolean; reason: string; byName: string; at: string } | null;
  reassessments: Reassessment[];
  version: number;
};

export const lifecycleKey = (orgId: string) => ['ai-lifecycle', orgId] as const;
export const systemPath = (orgId: string, id: string) =>
  `/api/orgs/${encodeURIComponent(orgId)}/ai-systems/${encodeURIComponent(id)}`;

export function useReleases(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...lifecycleKey(orgId), aiSystemId, 'releases'],
    queryFn: () => api.get<{ items: Release[] }>(`${systemPath(orgId, aiSystemId)}/releases`),
  });
}

export function useChanges(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...lifecycleKey(orgId), aiSystemId, 'changes'],
    queryFn: () => api.get<{ items: Change[] }>(`${systemPath(orgId, aiSystemId)}/changes`),
  });
}

/** The re-assessments still due for one AI system (or the whole organization). */
export function useDueReassessments(orgId: string, aiSystemId?: string | null) {
  return useQuery({
    queryKey: [...lifecycleKey(orgId), aiSystemId ?? 'all', 'reassessments'],
    queryFn: () =>
      api.get<{ items: Reassessment[] }>(
        `/api/orgs/${encodeURIComponent(orgId)}/reassessments${qs({ aiSystemId: aiSystemId ?? undefined, status: 'due' })}`,
      ),
    enabled: aiSystemId !== null,
  });
}

export async function refreshLifecycle(qc: QueryClient, orgId: string) {
  await qc.invalidateQueries({ queryKey: lifecycleKey(orgId) });
  // The AI system's history shows each step.
  await qc.invalidateQueries({ queryKey: ['ai-systems', orgId] });
}

/** Today's date as a date input gives it (yyyy-mm-dd): the default of the lifecycle forms' dates. */
export const today = () => new Date().toISOString().slice(0, 10);
