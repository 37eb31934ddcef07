import { ActionIcon, Badge, Button, Drawer, Group, Text, Timeline, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import type { AuditEvent } from '../../api/types';
import { formatDateTime, formatRelative } from '../../ui/format';
import { ErrorAlert, Loading } from '../../ui/QueryState';
import { useRecordHistory } from './api';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The labels of the fields an event changed, in the order of `fieldLabels`. */
export function changedLabels(e: AuditEvent, fieldLabels: Record<string, string>): string[] {
  if (e.before === null || e.before === undefined) return [];
  const [b, a] = [rec(e.before), rec(e.after)];
  return Object.entries(fieldLabels)
    .filter(([k]) => k in a && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map(([, label]) => label);
}

function Entries({ orgId, entityType, entityId, actionLabels, fieldLabels }: { orgId: string; entityType: string; entityId: string; actionLabels: Record<string, string>; fieldLabels: Record<string, string> }) {
  const history = useRecordHistory(orgId, entityType, entityId, true);
  if (history.isPending) return <Loading />;
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No changes recorded yet.
      </Text>
    );
  return (
    <Timeline bulletSize={12} lineWidth={2}>
      {history.data.map((e) => {
        const changed = changedLabels(e, fieldLabels);
        return (
          <Timeline.Item
            key={e.id}
            data-testid="history-entry"
            title={
              <Group gap={6}>
                <Text fz="sm" fw={600}>
                  {e.actor.name}
                </Text>
                <Badge size="sm" variant="light" tt="none">
                  {actionLabels[e.action] ?? e.action.replace(/[._]/g, ' ')}
                </Badge>
              </Group>
            }
          >
            <Text fz="xs" c="dimmed" title={formatDateTime(e.at)}>
              {formatDateTime(e.at)} · {formatRelative(e.at)}
            </Text>
            {changed.length > 0 && <Text fz="sm">Changed: {changed.join(', ')}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** A "History" button opening the audit trail of one record in a drawer (for roles that read the trail). */
export function RecordHistory(props: { orgId: string; entityType: string; entityId: string; title: string; actionLabels: Record<string, string>; fieldLabels: Record<string, string>; compact?: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      {props.compact ? (
        <Tooltip label="History" withArrow>
          <ActionIcon variant="default" size="md" onClick={open} aria-label={`History: ${props.title}`}>
            <IconHistory size={16} />
          </ActionIcon>
        </Tooltip>
      ) : (
        <Button variant="default" leftSection={<IconHistory size={16} />} onClick={open} aria-label={`History: ${props.title}`}>
          History
        </Button>
      )}
      <Drawer opened={opened} onClose={close} title={`History: ${props.title}`} position="right" size="md">
        {opened && <Entries {...props} />}
      </Drawer>
    </>
  );
}
