import { ActionIcon, Badge, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { RegisterTable, type RegisterColumn, type RegisterProps } from '../../ui/register';
import { IconAlertTriangle, IconClock, IconDots, IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import { CONTEXT_CATEGORY_LABELS } from '@fortytwo/domain';
import { ISSUE_KIND_COLORS } from './labels';
import { formatDay, reviewState } from './review-date';
import { ISSUE_KIND_LABELS, ISSUES_TEXT as T } from './text';
import type { ContextIssue } from './types';
import classes from './context.module.css';

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function ReviewDate({ day }: { day: string | null }) {
  const state = reviewState(day);
  if (!day)
    return (
      <Text fz="sm" c="dimmed">
        <span aria-hidden>—</span>
        <VisuallyHidden>{T.noReviewDate}</VisuallyHidden>
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Text
        fz="sm"
        className={classes.nowrap}
        fw={state === 'overdue' ? 600 : undefined}
        c={state === 'overdue' ? 'red.8' : undefined}
      >
        {formatDay(day)}
      </Text>
      {state === 'overdue' && (
        <Badge
          color="red"
          variant="light"
          size="sm"
          tt="none"
          leftSection={<IconAlertTriangle size={12} aria-hidden />}
        >
          {T.overdue}
        </Badge>
      )}
      {state === 'soon' && (
        <Badge color="yellow" variant="light" size="sm" tt="none" leftSection={<IconClock size={12} aria-hidden />}>
          {T.dueSoon}
        </Badge>
      )}
    </Stack>
  );
}

const issueColumns = (
  withActions: boolean,
  canWrite: boolean,
  canReadHistory: boolean,
  on: { edit: (i: ContextIssue) => void; history: (i: ContextIssue) => void; remove: (i: ContextIssue) => void },
): RegisterColumn<ContextIssue>[] => [
  {
    id: 'kind',
    header: T.columns.kind,
    width: 100,
    sortValue: (i) => ISSUE_KIND_LABELS[i.kind],
    cell: (i) => (
      <Badge variant="light" color={ISSUE_KIND_COLORS[i.kind]} tt="none" fw={600}>
        {ISSUE_KIND_LABELS[i.kind]}
      </Badge>
    ),
  },
  {
    id: 'category',
    header: T.columns.category,
    width: 150,
    sortValue: (i) => CONTEXT_CATEGORY_LABELS[i.category],
    cell: (i) => <Text fz="sm">{CONTEXT_CATEGORY_LABELS[i.category]}</Text>,
  },
  {
    id: 'description',
    header: T.columns.description,
    alwaysVisible: true,
    sortValue: (i) => i.description.toLowerCase(),
    text: (i) => i.description,
    cell: (i) => (
      <>
        <Text fz="sm" fw={500} className={classes.prewrap}>
          {i.description}
        </Text>
        {i.effect && (
          <Text fz="xs" c="dimmed" mt={2} lineClamp={3} title={i.effect}>
            {i.effect}
          </Text>
        )}
      </>
    ),
  },
  {
    id: 'source',
    header: T.columns.source,
    width: 170,
    sortValue: (i) => i.source || null,
    cell: (i) => (
      <Text fz="sm" c={i.source ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {i.source || '—'}
      </Text>
    ),
  },
  {
    id: 'reviewDate',
    header: T.columns.reviewDate,
    width: 120,
    sortValue: (i) => i.reviewDate,
    cell: (i) => <ReviewDate day={i.reviewDate} />,
  },
  ...(withActions
    ? [
        {
          id: 'actions',
          header: T.actions,
          headerHidden: true,
          width: 56,
          cell: (i: ContextIssue) => (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`${T.actions}: ${short(i.description)}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canWrite && (
                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => on.edit(i)}>
                    {T.edit}
                  </Menu.Item>
                )}
                {canReadHistory && (
                  <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => on.history(i)}>
                    {T.history}
                  </Menu.Item>
                )}
                {canWrite && (
                  <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={() => on.remove(i)}>
                    {T.delete}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          ),
        },
      ]
    : []),
];

/** The issues register on the shared register table: kind, category, the issue with its effect, source, review date; actions per row. */
export function IssuesTable({
  orgId,
  items,
  canWrite,
  canReadHistory,
  onEdit,
  onHistory,
  onDelete,
  ...table
}: {
  orgId: string;
  items: ContextIssue[];
  canWrite: boolean;
  canReadHistory: boolean;
  onEdit: (i: ContextIssue) => void;
  onHistory: (i: ContextIssue) => void;
  onDelete: (i: ContextIssue) => void;
} & Pick<RegisterProps<ContextIssue>, 'filters' | 'filtering' | 'onClearFilters' | 'countText'>) {
  const withActions = canWrite || canReadHistory;
  const columns = issueColumns(withActions, canWrite, canReadHistory, {
    edit: onEdit,
    history: onHistory,
    remove: onDelete,
  });
  return (
    <RegisterTable
      orgId={orgId}
      register="issues"
      label="Internal and external issues"
      testId="issues-table"
      rows={items}
      columns={columns}
      getRowId={(i) => i.id}
      rowName={(i) => short(i.description)}
      onOpen={canWrite ? onEdit : undefined}
      rowAttributes={(i) => ({ 'data-kind': i.kind, 'data-review': reviewState(i.reviewDate) })}
      noMatch={{ title: T.noMatchTitle, body: T.noMatch }}
      exportName="issues"
      minWidth={820}
      {...table}
    />
  );
}
