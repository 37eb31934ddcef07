import { Group, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { SortState } from './types';

/** A column header; a sortable one is a button and says its sort to assistive technology (aria-sort). */
export function SortHeader({
  id,
  label,
  sortable,
  sort,
  onSort,
  width,
  hidden,
}: {
  id: string;
  label: string;
  sortable: boolean;
  sort: SortState;
  onSort: (id: string) => void;
  width?: number | string | undefined;
  hidden?: boolean | undefined;
}) {
  if (!sortable || hidden)
    return (
      <Table.Th w={width} data-column={id}>
        {hidden ? <VisuallyHidden>{label}</VisuallyHidden> : label}
      </Table.Th>
    );
  const active = sort?.id === id;
  const Icon = !active ? IconArrowsSort : sort.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      w={width}
      data-column={id}
      aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={() => onSort(id)} fz="sm" fw={700} style={{ borderRadius: 4 }} data-sort={id}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden color={active ? undefined : 'var(--mantine-color-dimmed)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
