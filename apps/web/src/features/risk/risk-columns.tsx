import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { personOf, type People } from '../../api/people';
import { formatDate } from '../../ui/format';
import type { RegisterColumn } from '../../ui/register';
import { riskHref } from './api';
import { LevelBadge } from './levels';
import { RISK_TEXT as T } from './text';
import type { Risk } from './types';

const ACCEPTANCE_ORDER = { none: 0, in_force: 1, expiring: 2, expired: 3 } as const;
export const refNumber = (ref: string) => Number(ref.replace(/\D/g, '')) || 0;

/** The risk register's columns; each sorts the whole register by a plain value (empty last). `people`: the pages' owners. */
export const riskColumns = (orgId: string, people: People): RegisterColumn<Risk>[] => [
  {
    id: 'ref',
    header: T.columns.ref,
    alwaysVisible: true,
    sortValue: (r) => refNumber(r.ref),
    text: (r) => r.ref,
    cell: (r) => (
      <Anchor component={Link} to={riskHref(orgId, r.id)} fw={600}>
        {r.ref}
      </Anchor>
    ),
  },
  {
    id: 'title',
    header: T.columns.title,
    minWidth: 150,
    sortValue: (r) => r.title.toLowerCase(),
    text: (r) => r.title,
    cell: (r) => (
      <Group gap={6} wrap="nowrap">
        {r.needsAttention && (
          <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-label={T.attention} />
        )}
        <Text fz="sm">{r.title}</Text>
        {r.kind === 'opportunity' && (
          <Badge size="xs" variant="outline" color="teal.9" tt="none">
            {T.kinds.opportunity}
          </Badge>
        )}
        {r.status === 'closed' && (
          <Badge size="xs" variant="outline" color="gray.8">
            {T.statuses.closed}
          </Badge>
        )}
      </Group>
    ),
  },
  {
    id: 'aiSystem',
    header: T.columns.aiSystem,
    sortValue: (r) => r.aiSystem?.name.toLowerCase() ?? null,
    text: (r) => r.aiSystem?.name ?? T.filters.orgWide,
    cell: (r) => r.aiSystem?.name ?? T.filters.orgWide,
  },
  {
    id: 'source',
    header: T.columns.source,
    maxWidth: 150,
    sortValue: (r) => r.sourceLabel.toLowerCase(),
    text: (r) => r.sourceLabel,
    cell: (r) => (
      <Text fz="sm" lineClamp={2} title={r.sourceLabel}>
        {r.sourceLabel}
      </Text>
    ),
  },
  {
    id: 'inherent',
    header: T.columns.inherent,
    sortValue: (r) => r.inherentScore,
    cell: (r) => <LevelBadge level={r.inherentLevel} score={r.inherentScore} unrated={!r.rated} />,
  },
  {
    id: 'residual',
    header: T.columns.residual,
    sortValue: (r) => r.residualScore,
    cell: (r) => <LevelBadge level={r.residualLevel} score={r.residualScore} />,
  },
  {
    id: 'owner',
    header: T.columns.owner,
    sortValue: (r) => personOf(people, r.ownerId)?.name.toLowerCase() ?? null,
    text: (r) => personOf(people, r.ownerId)?.name ?? '',
    cell: (r) => personOf(people, r.ownerId)?.name ?? '—',
  },
  {
    id: 'review',
    header: T.columns.review,
    sortValue: (r) => r.reviewDate,
    cell: (r) => (
      <Text fz="sm" c={r.reviewOverdue ? 'red.9' : undefined}>
        {r.reviewDate ? `${formatDate(r.reviewDate)}${r.reviewOverdue ? ` (${T.overdue})` : ''}` : '—'}
      </Text>
    ),
  },
  {
    id: 'acceptance',
    header: T.columns.acceptance,
    sortValue: (r) => ACCEPTANCE_ORDER[r.acceptanceState],
    text: (r) => T.acceptance[r.acceptanceState],
    cell: (r) => T.acceptance[r.acceptanceState],
  },
];
