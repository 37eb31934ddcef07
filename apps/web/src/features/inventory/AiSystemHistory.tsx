import { Badge, Button, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMemberName } from '../members/api';
import { useAiSystemHistory } from './api';
import { fieldChanges, verbOf } from './history';
import { displayValue } from './labels';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

function Changes({ event, memberName }: { event: AuditEvent; memberName: (id: string) => string }) {
  const changes = fieldChanges(event);
  if (changes.length === 0) return <Text fz="sm" c="dimmed">{T.historyNoFieldChange}</Text>;
  return (
    <Table withTableBorder fz="sm" mt={6} maw={820} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={170}>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field} data-field={c.field}>
            <Table.Td fw={600}>{fieldLabel(c.field)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              <Text fz="sm" td="line-through" c="dimmed" component="span">
                {displayValue(c.field, c.before, memberName)}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{displayValue(c.field, c.after, memberName)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const ICONS: Record<string, typeof IconPlus> = { created: IconPlus, updated: IconPencil, deleted: IconTrash };

export function AiSystemHistory({ orgId, id }: { orgId: string; id: string }) {
  const history = useAiSystemHistory(orgId, id);
  const memberName = useMemberName(orgId);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const events = history.data.pages.flatMap((p) => p.items);
  if (events.length === 0) return <Text c="dimmed">{T.historyEmpty}</Text>;
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Timeline bulletSize={28} lineWidth={2}>
          {events.map((e) => {
            const verb = verbOf(e.action);
            const Icon = ICONS[verb] ?? IconPencil;
            return (
              <Timeline.Item
                key={e.id}
                bullet={<Icon size={14} />}
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
                    <Text fz="xs" c="dimmed" title={formatDateTime(e.at)}>
                      {formatDateTime(e.at)} · {formatRelative(e.at)}
                    </Text>
                  </Group>
                }
              >
                {verb === 'updated' && <Changes event={e} memberName={memberName} />}
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
    </Paper>
  );
}
