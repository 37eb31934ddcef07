import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../../api/client';
import type { AuditEvent, Page } from '../../api/types';
import type { Action } from '../tasks/api';
import type { WithPeople } from '../../api/people';

// GET /api/orgs/:orgId/overview (apps/server/src/modules/overview): each journey step's state from
// live data, the next three things to do, the organization's open tasks. Recent activity is the
// audit trail's newest entries, for the roles that may read it.

export type StepState = 'not_started' | 'in_progress' | 'done' | 'not_built';
export type NextThing = { label: string; href: string };
export type StepOverview = { slug: string; state: StepState; facts: string[]; next: NextThing[] };
export type Overview = {
  steps: StepOverview[];
  next: NextThing[];
  tasks: { open: number; overdue: number; items: Action[] };
} & WithPeople;

export const overviewKey = (orgId: string) => ['overview', orgId] as const;

export function useOverview(orgId: string) {
  // Always fresh on arrival: it sums up changes made on every other page.
  return useQuery({
    queryKey: overviewKey(orgId),
    queryFn: () => api.get<Overview>(`/api/orgs/${encodeURIComponent(orgId)}/overview`),
    refetchOnMount: 'always',
  });
}

export const RECENT = 8;

export function useRecentActivity(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['audit-events', orgId, 'recent'],
    queryFn: () =>
      api.get<Page<AuditEvent>>(`/api/orgs/${encodeURIComponent(orgId)}/audit-events${qs({ limit: RECENT })}`),
    enabled,
    refetchOnMount: 'always',
  });
}

/** Where an audit entry's record lives in the app (under /orgs/:orgId), or null when it has no page (or is gone). */
export function recordPath(e: AuditEvent): string | null {
  if (e.action.endsWith('.deleted')) return null;
  const id = encodeURIComponent(e.entityId);
  switch (e.entityType) {
    case 'ai_system':
      return `/ai-systems/${id}`;
    case 'risk':
      return `/risks/${id}`;
    case 'impact_assessment':
      return `/impact-assessments/${id}`;
    case 'interested_party':
      return `/context/parties/${id}`;
    case 'context_issue':
      return '/context/issues';
    case 'org_context':
      return '/context';
    case 'scope':
      return '/scope';
    case 'governance_pillar':
      return '/governance';
    case 'raci_activity':
    case 'raci_columns':
      return '/raci';
    case 'risk_criteria':
      return '/risk-criteria';
    case 'risk_treatment_plan':
      return '/risk-treatment-plan';
    case 'soa':
    case 'soa_item':
      return '/soa';
    case 'gap_assessment':
    case 'gap_assessment_item':
      return '/gap-analysis';
    case 'membership':
    case 'invitation':
      return '/members';
    case 'custom_control':
      return '/catalog/custom-controls';
    case 'document':
    case 'document_version':
    case 'document_settings':
      return '/documentation';
    default:
      return null;
  }
}
