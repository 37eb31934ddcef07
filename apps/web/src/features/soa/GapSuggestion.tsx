import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GAP_RESULT_LABELS,
  IMPLEMENTATION_STATUS_LABELS,
  type GapResult,
  type ImplementationStatus,
} from '@fortytwo/domain';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../ui/notify';
import { refreshSoa, soaItemPath, soaPath, type SoaItem } from './api';

// The gap analysis feeds the SoA (issue 18): beside each control, its latest gap result, offered as
// the implementation status. Applying it is the SoA's own decision write, so the change is audited.

export type GapResults = {
  assessment: { id: string; name: string; updatedAt: string } | null;
  items: { ref: string; result: GapResult; suggestedStatus: ImplementationStatus | null }[];
};

export function useSoaGapResults(orgId: string) {
  return useQuery({
    queryKey: ['soa', orgId, 'gap-results'],
    queryFn: () => api.get<GapResults>(`${soaPath(orgId)}/gap-results`),
    select: (d) => new Map(d.items.map((i) => [i.ref, i])),
  });
}

export function GapSuggestion({
  orgId,
  item,
  gap,
  canWrite,
}: {
  orgId: string;
  item: SoaItem;
  gap: GapResults['items'][number] | undefined;
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const apply = useMutation({
    mutationFn: (status: ImplementationStatus) =>
      api.patch(soaItemPath(orgId, item.ref), { version: item.version, implementationStatus: status }),
    onSuccess: async () => {
      await refreshSoa(qc, orgId);
      notifySuccess(`${item.ref}: implementation status set from the gap analysis`);
    },
    onError: (e) => notifyError(e),
  });
  if (!gap) return null;
  const offer = gap.suggestedStatus !== null && gap.suggestedStatus !== item.implementationStatus && canWrite;
  return (
    <Group gap={6} mt={2} wrap="wrap" data-testid="soa-gap-result">
      <Text fz="xs" c="dimmed">
        Gap: {GAP_RESULT_LABELS[gap.result]}
      </Text>
      {offer && (
        <Button
          size="compact-xs"
          variant="light"
          loading={apply.isPending}
          onClick={() => apply.mutate(gap.suggestedStatus!)}
          aria-label={`Use “${IMPLEMENTATION_STATUS_LABELS[gap.suggestedStatus!]}” for ${item.ref}, from the gap analysis`}
        >
          Use “{IMPLEMENTATION_STATUS_LABELS[gap.suggestedStatus!]}”
        </Button>
      )}
    </Group>
  );
}
