import { Anchor, Badge, Text, VisuallyHidden } from '@mantine/core';
import type { AiSystemSort } from '@fortytwo/domain';
import { Link, useNavigate } from 'react-router';
import { useMemo, type ReactNode } from 'react';
import type { AiSystem } from '../../api/types';
import { personOf, type People } from '../../api/people';
import { formatDate, formatRelative } from '../../ui/format';
import { RegisterTable, type RegisterColumn } from '../../ui/register';
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

const C = T.columns;
const href = (orgId: string, s: AiSystem) => `/orgs/${orgId}/ai-systems/${s.id}`;

// The server sorts the inventory (name, stage, risk tier, last update): those headers are sortable.
const columns = (orgId: string, people: People): RegisterColumn<AiSystem>[] => [
  {
    id: 'name',
    header: C.name,
    sortable: true,
    alwaysVisible: true,
    minWidth: 220,
    text: (s) => s.name,
    cell: (s) => (
      <>
        <Anchor component={Link} to={href(orgId, s)} fw={600} fz="sm" className={classes.name}>
          {s.name}
        </Anchor>
        <Text fz="xs" c="dimmed" lineClamp={1}>
          {s.intendedPurpose}
        </Text>
      </>
    ),
  },
  {
    id: 'aiRoles',
    header: C.aiRoles,
    text: (s) => s.aiRoles.map(roleLabel).join(', '),
    cell: (s) => <Text fz="sm">{s.aiRoles.map(roleLabel).join(', ')}</Text>,
  },
  {
    id: 'lifecycleStage',
    header: C.lifecycleStage,
    sortable: true,
    width: 180,
    text: (s) => stageLabel(s.lifecycleStage),
    cell: (s) => (
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
    ),
  },
  {
    id: 'riskTier',
    header: C.riskTier,
    sortable: true,
    width: 130,
    text: (s) => riskLabel(s.riskTier),
    cell: (s) => (
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
    ),
  },
  {
    id: 'owner',
    header: C.owner,
    text: (s) => personOf(people, s.ownerId)?.name ?? '',
    cell: (s): ReactNode => {
      const owner = personOf(people, s.ownerId);
      return owner ? (
        <Text fz="sm">{owner.name}</Text>
      ) : (
        <Text fz="sm" c="dimmed">
          <span aria-hidden>—</span>
          <VisuallyHidden>{T.noOwner}</VisuallyHidden>
        </Text>
      );
    },
  },
  {
    id: 'status',
    header: C.status,
    width: 90,
    text: (s) => statusLabel(s.status),
    cell: (s) => (
      <Badge variant="outline" color={STATUS_COLORS[s.status]} tt="none" fw={500} className={classes.badgeText}>
        {statusLabel(s.status)}
      </Badge>
    ),
  },
  {
    id: 'updatedAt',
    header: C.updatedAt,
    sortable: true,
    width: 110,
    text: (s) => s.updatedAt,
    cell: (s) => (
      <Text fz="sm" title={`Added ${formatDate(s.createdAt)}; updated ${new Date(s.updatedAt).toLocaleString()}`}>
        {formatRelative(s.updatedAt)}
      </Text>
    ),
  },
];

/** The AI system inventory on the shared register table: server-sorted, in server pages. */
export function InventoryTable({
  orgId,
  items,
  people,
  sort,
  onSort,
  filters,
  filtering,
  onClearFilters,
  countText,
  more,
}: {
  orgId: string;
  items: AiSystem[];
  /** The owners the rows name, by id (the list answers' `people`). */
  people: People;
  sort: InventorySort;
  onSort: (c: AiSystemSort) => void;
  filters: ReactNode;
  filtering: boolean;
  onClearFilters: () => void;
  countText: ReactNode;
  more: { hasMore: boolean; loading: boolean; onLoadMore: () => void; label: string };
}) {
  const navigate = useNavigate();
  const cols = useMemo(() => columns(orgId, people), [orgId, people]);
  return (
    <RegisterTable
      orgId={orgId}
      register="ai_systems"
      label={T.title}
      rows={items}
      columns={cols}
      getRowId={(s) => s.id}
      onOpen={(s) => void navigate(href(orgId, s))}
      serverSort={{ sort: { id: sort.sort, order: sort.order }, onSort: (id) => onSort(id as AiSystemSort) }}
      filters={filters}
      filtering={filtering}
      onClearFilters={onClearFilters}
      noMatch={{ title: T.noMatchTitle, body: T.noMatch }}
      countText={countText}
      more={more}
      exportName="ai-systems"
      minWidth={860}
    />
  );
}
