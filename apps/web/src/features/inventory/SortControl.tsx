import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { AI_SYSTEM_SORTS, type AiSystemSort } from '@fortytwo/domain';
import type { useInventoryUrlState } from './url-state';
import { INVENTORY_TEXT as T } from './text';

const SORT_LABELS: Record<AiSystemSort, string> = {
  name: T.columns.name,
  createdAt: 'Date added',
  updatedAt: 'Last updated',
  lifecycleStage: T.columns.lifecycleStage,
  riskTier: T.columns.riskTier,
};

/** Every sort the API offers (the table headers cover the common ones). */
export function SortControl({ state }: { state: ReturnType<typeof useInventoryUrlState> }) {
  const { sort, update } = state;
  const asc = sort.order === 'asc';
  const orderLabel = asc ? 'Ascending: switch to descending' : 'Descending: switch to ascending';
  return (
    <Group gap={6} wrap="nowrap">
      <Select
        aria-label={T.sortBy}
        size="xs"
        w={150}
        data={AI_SYSTEM_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
        value={sort.sort}
        onChange={(v) => v && update({ sort: v })}
        allowDeselect={false}
        leftSection={<span aria-hidden>⇅</span>}
      />
      <Tooltip label={orderLabel}>
        <ActionIcon
          variant="default"
          size="md"
          aria-label={orderLabel}
          onClick={() => update({ order: asc ? 'desc' : 'asc' })}
        >
          {asc ? <IconSortAscending size={16} /> : <IconSortDescending size={16} />}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
