import { Anchor, Badge, Group, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { AiSystemSort } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import type { AiSystem } from '../../api/types';
import { formatDate, formatRelative } from '../../ui/format';
import type { InventorySort } from './api';
import {
  RISK_COLORS,
  RISK_SHORT,
  STAGE_COLORS,
  STATUS_COLORS,
  riskLabel,
  roleLabel,
  stageLabel,
  stageShort,
  statusLabel,
} from './labels';
import { INVENTORY_TEXT as T } from './text';
import classes from './inventory.module.css';

function SortHeader({
  column,
  label,
  sort,
  onSort,
  w,
}: {
  column: AiSystemSort;
  label: string;
  sort: InventorySort;
  onSort: (c: AiSystemSort) => void;
  w?: number;
}) {
  const active = sort.sort === column;
  const Icon = !active ? IconArrowsSort : sort.order === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th w={w} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} className={classes.sortButton} data-active={active || undefined}>
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function InventoryTable({
  orgId,
  items,
  sort,
  onSort,
}: {
  orgId: string;
  items: AiSystem[];
  sort: InventorySort;
  onSort: (c: AiSystemSort) => void;
}) {
  const navigate = useNavigate();
  const C = T.columns;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table highlightOnHover verticalSpacing="sm" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="name" label={C.name} sort={sort} onSort={onSort} />
            <Table.Th>{C.aiRoles}</Table.Th>
            <SortHeader column="lifecycleStage" label={C.lifecycleStage} sort={sort} onSort={onSort} w={180} />
            <SortHeader column="riskTier" label={C.riskTier} sort={sort} onSort={onSort} w={130} />
            <Table.Th>{C.owner}</Table.Th>
            <Table.Th w={90}>{C.status}</Table.Th>
            <SortHeader column="updatedAt" label={C.updatedAt} sort={sort} onSort={onSort} w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => {
            const href = `/orgs/${orgId}/ai-systems/${s.id}`;
            return (
              <Table.Tr
                key={s.id}
                className={classes.row}
                onClick={(e) => !(e.target as HTMLElement).closest('a') && void navigate(href)}
              >
                <Table.Td miw={220}>
                  <Anchor component={Link} to={href} fw={600} fz="sm" className={classes.name}>
                    {s.name}
                  </Anchor>
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {s.intendedPurpose}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{s.aiRoles.map(roleLabel).join(', ')}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="dot"
                    color={STAGE_COLORS[s.lifecycleStage]}
                    size="md"
                    tt="none"
                    fw={500}
                    className={classes.badgeText}
                    title={stageLabel(s.lifecycleStage)}
                  >
                    {stageShort(s.lifecycleStage)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={RISK_COLORS[s.riskTier]}
                    tt="none"
                    fw={600}
                    className={classes.badgeText}
                    title={riskLabel(s.riskTier)}
                  >
                    {RISK_SHORT[s.riskTier]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {s.owner ? (
                    <Text fz="sm">{s.owner.name}</Text>
                  ) : (
                    <Text fz="sm" c="dimmed">
                      <span aria-hidden>—</span>
                      <VisuallyHidden>{T.noOwner}</VisuallyHidden>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge
                    variant="outline"
                    color={STATUS_COLORS[s.status]}
                    tt="none"
                    fw={500}
                    className={classes.badgeText}
                  >
                    {statusLabel(s.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text
                    fz="sm"
                    title={`Added ${formatDate(s.createdAt)}; updated ${new Date(s.updatedAt).toLocaleString()}`}
                  >
                    {formatRelative(s.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
