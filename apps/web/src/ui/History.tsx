import { Badge, Button, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { useInfiniteQuery, type InfiniteData, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { IconCircleCheck, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { api, qs } from '../api/client';
import type { AuditEvent, Page } from '../api/types';
import { formatDateTime, formatRelative } from './format';
import { ErrorAlert, Loading } from './QueryState';

/** One changed field of an update, as a person reads it. */
export type FieldChange = { field: string; label: string; before: string; after: string };
/** How one event of the trail shows: what happened, an optional line below, the fields it changed. */
export type EntryView = {
  label: string;
  tone?: 'added' | 'changed' | 'removed' | 'approved';
  detail?: string | null;
  changes?: FieldChange[] | null;
};

type Trail = UseInfiniteQueryResult<InfiniteData<Page<AuditEvent>>>;

/** The audit trail of one record (needs audit_event.read), newest first, a page at a time. */
export function useAuditTrail(orgId: string, entityType: string, entityId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: ['audit-events', orgId, entityType, entityId],
    queryFn: ({ pageParam }) =>
      api.get<Page<AuditEvent>>(
        `/api/orgs/${orgId}/audit-events${qs({ entityType, entityId, limit: 50, cursor: pageParam })}`,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

const TONES = {
  added: { color: 'teal', icon: IconPlus },
  changed: { color: 'blue', icon: IconPencil },
  removed: { color: 'red', icon: IconTrash },
  approved: { color: 'teal', icon: IconCircleCheck },
} as const;

export const HISTORY_TEXT = {
  empty: 'No changes recorded yet.',
  noFieldChange: 'Saved without changing a field.',
  more: 'Load older entries',
  field: 'Field',
  before: 'Before',
  after: 'After',
};

/** The usual reading of an action: "….created" added, "….deleted" removed, anything else changed. */
export function toneOf(action: string): NonNullable<EntryView['tone']> {
  if (action.endsWith('.created')) return 'added';
  if (action.endsWith('.deleted')) return 'removed';
  if (/\.(approved|signed_off|accepted)$/.test(action)) return 'approved';
  return 'changed';
}

function Changes({ changes, compact }: { changes: FieldChange[]; compact: boolean }) {
  // In a narrow column (a side panel, a drawer) three columns crush the values: one field a block.
  if (compact)
    return (
      <Stack gap={6} mt={6}>
        {changes.map((c) => (
          <div key={c.field} data-field={c.field}>
            <Text fz="sm" fw={600}>
              {c.label}
            </Text>
            {c.before !== '—' && (
              <Text fz="sm" td="line-through" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                {c.before}
              </Text>
            )}
            <Text fz="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {c.after}
            </Text>
          </div>
        ))}
      </Stack>
    );
  return (
    <Table withTableBorder fz="sm" mt={6} maw={820} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={190}>{HISTORY_TEXT.field}</Table.Th>
          <Table.Th>{HISTORY_TEXT.before}</Table.Th>
          <Table.Th>{HISTORY_TEXT.after}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Td fw={600} style={{ verticalAlign: 'top' }}>
              {c.label}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
              <Text fz="sm" td={c.before === '—' ? undefined : 'line-through'} c="dimmed" component="span">
                {c.before}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
              {c.after}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * The audit trail of one record as a timeline, newest first: who, what, when, and for an update
 * the fields it changed, before and after. The feature gives the trail (`useAuditTrail`, or a
 * record's own history route) and says how its events read (`describe`).
 */
export function HistoryTimeline({
  trail: history,
  describe,
  emptyText = HISTORY_TEXT.empty,
  compact = false,
}: {
  trail: Trail;
  describe: (e: AuditEvent) => EntryView;
  emptyText?: string;
  compact?: boolean;
}) {
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const events = history.data.pages.flatMap((p) => p.items);
  if (events.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  return (
    <Stack gap="md">
      <Timeline bulletSize={28} lineWidth={2}>
        {events.map((e) => {
          const view = describe(e);
          const tone = TONES[view.tone ?? toneOf(e.action)];
          return (
            <Timeline.Item
              key={e.id}
              bullet={<tone.icon size={14} aria-hidden />}
              data-testid="history-entry"
              data-action={e.action}
              title={
                <Group gap="xs">
                  <Text fw={600} fz="sm">
                    {e.actor.name}
                  </Text>
                  <Badge size="sm" variant="light" color={tone.color} tt="none">
                    {view.label}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(e.at)} · {formatRelative(e.at)}
                  </Text>
                </Group>
              }
            >
              {view.detail && (
                <Text fz="sm" mt={4}>
                  {view.detail}
                </Text>
              )}
              {view.changes &&
                (view.changes.length > 0 ? (
                  <Changes changes={view.changes} compact={compact} />
                ) : (
                  <Text fz="sm" c="dimmed">
                    {HISTORY_TEXT.noFieldChange}
                  </Text>
                ))}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void history.fetchNextPage()}
          loading={history.isFetchingNextPage}
          w="fit-content"
        >
          {HISTORY_TEXT.more}
        </Button>
      )}
    </Stack>
  );
}
