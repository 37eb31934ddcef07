import { Badge, Button, Group, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useRecordHistory } from './api';
import { changesOf, verbOf, type Change } from './history';
import { COMMON_TEXT as T } from './text';
import type { ContextEntityType } from './types';

function Changes({ changes }: { changes: Change[] }) {
  if (changes.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.historyNoFieldChange}
      </Text>
    );
  return (
    <Table withTableBorder fz="sm" mt={6} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>{T.historyField}</Table.Th>
          <Table.Th>{T.historyBefore}</Table.Th>
          <Table.Th>{T.historyAfter}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.key} data-field={c.key}>
            <Table.Td fw={600}>{c.label}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              <Text fz="sm" td={c.before === '—' ? undefined : 'line-through'} c="dimmed" component="span">
                {c.before}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{c.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ICONS: Record<string, typeof IconPlus> = { created: IconPlus, updated: IconPencil, deleted: IconTrash };

/** The audit trail of one context record, newest first, with what each save changed. */
export function RecordHistory({ orgId, entityType, entityId }: { orgId: string; entityType: ContextEntityType; entityId: string }) {
  const history = useRecordHistory(orgId, entityType, entityId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const events = history.data.pages.flatMap((p) => p.items);
  if (events.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {T.historyEmpty}
      </Text>
    );
  return (
    <Stack gap="md">
      <Timeline bulletSize={28} lineWidth={2}>
        {events.map((e) => {
          const verb = verbOf(e.action);
          const Icon = ICONS[verb] ?? IconPencil;
          return (
            <Timeline.Item
              key={e.id}
              bullet={<Icon size={14} aria-hidden />}
              data-testid="history-entry"
              data-action={e.action}
              title={
                <Group gap="xs">
                  <Text fw={600} fz="sm">
                    {e.actor.name}
                  </Text>
                  <Badge size="sm" variant="light" color={verb === 'deleted' ? 'red' : verb === 'created' ? 'teal' : 'blue'} tt="none">
                    {verb === 'created' ? T.historyCreated : verb === 'deleted' ? T.historyDeleted : T.historyUpdated}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(e.at)} · {formatRelative(e.at)}
                  </Text>
                </Group>
              }
            >
              {verb === 'updated' && <Changes changes={changesOf(entityType, e)} />}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.hasNextPage && (
        <Button variant="default" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage} w="fit-content">
          {T.historyMore}
        </Button>
      )}
    </Stack>
  );
}
