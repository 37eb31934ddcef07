import { Badge, Button, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useMemberName } from '../members/api';
import { useAiSystemHistory } from './api';
import { fieldChanges, verbOf } from './history';
import { displayValue } from './labels';
import { PROFILE_FIELD_LABELS, PROFILE_TEXT } from './profile-text';
import { displayPart, PROFILE_FIELDS } from './profile-values';
import { fieldLabel, INVENTORY_TEXT as T } from './text';

// A profile save (resources & use) changes other parts than the inventory row: its own words for them.
const PROFILE_ACTION = 'ai_system.profile_updated';
const labelOf = (event: AuditEvent, field: string) => (event.action === PROFILE_ACTION ? (PROFILE_FIELD_LABELS as Record<string, string>)[field] ?? field : fieldLabel(field));
const valueOf = (event: AuditEvent, field: string, value: unknown, memberName: (id: string) => string) =>
  event.action === PROFILE_ACTION ? displayPart(field, value) : displayValue(field, value, memberName);

function Changes({ event, memberName }: { event: AuditEvent; memberName: (id: string) => string }) {
  const changes = event.action === PROFILE_ACTION ? fieldChanges(event, PROFILE_FIELDS) : fieldChanges(event);
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
            <Table.Td fw={600} style={{ verticalAlign: 'top' }}>
              {labelOf(event, c.field)}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>
              <Text fz="sm" td="line-through" c="dimmed" component="span">
                {valueOf(event, c.field, c.before, memberName)}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', verticalAlign: 'top' }}>{valueOf(event, c.field, c.after, memberName)}</Table.Td>
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
                      {verb === 'created' ? T.historyCreated : verb === 'deleted' ? T.historyDeleted : e.action === PROFILE_ACTION ? PROFILE_TEXT.historyUpdated : T.historyUpdated}
                    </Badge>
                    <Text fz="xs" c="dimmed" title={formatDateTime(e.at)}>
                      {formatDateTime(e.at)} · {formatRelative(e.at)}
                    </Text>
                  </Group>
                }
              >
                {(verb === 'updated' || e.action === PROFILE_ACTION) && <Changes event={e} memberName={memberName} />}
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
