import { useQuery } from '@tanstack/react-query';
import { LIFECYCLE_STAGES, type LifecycleStage } from '@fortytwo/domain';
import { api, qs } from '../../api/client';
import type { AiSystemPage } from '../../api/types';
import { inventoryKey } from '../inventory/api';
import { useInvitations, useMembers } from '../members/api';

export const SAMPLE = 500;

/** Counts for the dashboard, from one page of the inventory (the most recently updated ones). */
export function useDashboard(orgId: string, canManageMembers: boolean) {
  const systems = useQuery({
    queryKey: [...inventoryKey(orgId), 'dashboard'],
    queryFn: () =>
      api.get<AiSystemPage>(
        `/api/orgs/${encodeURIComponent(orgId)}/ai-systems${qs({ limit: SAMPLE, sort: 'updatedAt', order: 'desc' })}`,
      ),
  });
  const members = useMembers(orgId);
  const invitations = useInvitations(orgId, canManageMembers);
  const items = systems.data?.items ?? [];
  const byStage = Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, 0])) as Record<LifecycleStage, number>;
  for (const s of items) byStage[s.lifecycleStage]++;
  return {
    isPending: systems.isPending || members.isPending,
    error: systems.error ?? members.error,
    total: systems.data?.total ?? 0,
    sampled: items.length,
    byStage,
    recent: items.slice(0, 5),
    unclassified: items.filter((s) => s.riskTier === 'unclassified').length,
    highRisk: items.filter((s) => s.riskTier === 'high' || s.riskTier === 'prohibited').length,
    ownerless: items.filter((s) => !s.ownerId).length,
    members: members.data?.length ?? 0,
    pendingInvitations: invitations.data?.filter((i) => i.status === 'pending').length ?? 0,
  };
}
