import { ActionIcon, Badge, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
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

/** The issues register: kind, category, the issue with its effect, source, review date; actions per row. */
export function IssuesTable({
  items,
  canWrite,
  canReadHistory,
  onEdit,
  onHistory,
  onDelete,
}: {
  items: ContextIssue[];
  canWrite: boolean;
  canReadHistory: boolean;
  onEdit: (i: ContextIssue) => void;
  onHistory: (i: ContextIssue) => void;
  onDelete: (i: ContextIssue) => void;
}) {
  const withActions = canWrite || canReadHistory;
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" className={classes.table} data-testid="issues-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={100}>{T.columns.kind}</Table.Th>
            <Table.Th w={150}>{T.columns.category}</Table.Th>
            <Table.Th>{T.columns.description}</Table.Th>
            <Table.Th w={170}>{T.columns.source}</Table.Th>
            <Table.Th w={120}>{T.columns.reviewDate}</Table.Th>
            {withActions && (
              <Table.Th w={56}>
                <VisuallyHidden>{T.actions}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.id} data-kind={i.kind} data-review={reviewState(i.reviewDate)}>
              <Table.Td>
                <Badge variant="light" color={ISSUE_KIND_COLORS[i.kind]} tt="none" fw={600}>
                  {ISSUE_KIND_LABELS[i.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{CONTEXT_CATEGORY_LABELS[i.category]}</Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" fw={500} className={classes.prewrap}>
                  {i.description}
                </Text>
                {i.effect && (
                  <Text fz="xs" c="dimmed" mt={2} lineClamp={3} title={i.effect}>
                    {i.effect}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={i.source ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                  {i.source || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <ReviewDate day={i.reviewDate} />
              </Table.Td>
              {withActions && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={`${T.actions}: ${short(i.description)}`}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {canWrite && (
                        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEdit(i)}>
                          {T.edit}
                        </Menu.Item>
                      )}
                      {canReadHistory && (
                        <Menu.Item leftSection={<IconHistory size={16} />} onClick={() => onHistory(i)}>
                          {T.history}
                        </Menu.Item>
                      )}
                      {canWrite && (
                        <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={() => onDelete(i)}>
                          {T.delete}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
