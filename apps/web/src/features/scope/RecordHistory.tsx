import { ActionIcon, Button, Drawer, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHistory } from '@tabler/icons-react';
import type { AuditEvent } from '../../api/types';
import { HistoryTimeline, useAuditTrail } from '../../ui/History';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** The labels of the fields an event changed, in the order of `fieldLabels`. */
export function changedLabels(e: AuditEvent, fieldLabels: Record<string, string>): string[] {
  if (e.before === null || e.before === undefined) return [];
  const [b, a] = [rec(e.before), rec(e.after)];
  return Object.entries(fieldLabels)
    .filter(([k]) => k in a && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map(([, label]) => label);
}

function Entries({
  orgId,
  entityType,
  entityId,
  actionLabels,
  fieldLabels,
}: {
  orgId: string;
  entityType: string;
  entityId: string;
  actionLabels: Record<string, string>;
  fieldLabels: Record<string, string>;
}) {
  // Mounted when the drawer opens, so the trail is read afresh each time.
  return (
    <HistoryTimeline
      trail={useAuditTrail(orgId, entityType, entityId)}
      compact
      describe={(e) => {
        const changed = changedLabels(e, fieldLabels);
        return {
          label: actionLabels[e.action] ?? e.action.replace(/[._]/g, ' '),
          detail: changed.length > 0 ? `Changed: ${changed.join(', ')}` : null,
        };
      }}
    />
  );
}

/** A "History" button opening the audit trail of one record in a drawer (for roles that read the trail). */
export function RecordHistory(props: {
  orgId: string;
  entityType: string;
  entityId: string;
  title: string;
  actionLabels: Record<string, string>;
  fieldLabels: Record<string, string>;
  compact?: boolean;
}) {
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
        <Button
          variant="default"
          leftSection={<IconHistory size={16} />}
          onClick={open}
          aria-label={`History: ${props.title}`}
        >
          History
        </Button>
      )}
      <Drawer opened={opened} onClose={close} title={`History: ${props.title}`} position="right" size="md">
        {opened && <Entries {...props} />}
      </Drawer>
    </>
  );
}
