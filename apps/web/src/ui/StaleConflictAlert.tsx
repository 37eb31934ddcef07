import { useEffect, useRef } from 'react';
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export type ConflictRow = { field: string; label: string; theirs: string; yours: string };

/**
 * 409 STALE_VERSION: someone saved first. Shows where their saved version and your edits differ,
 * and lets you take their version with your edits re-applied (to review and save again) or drop yours.
 */
export function StaleConflictAlert({
  conflict,
  title,
  body,
  rows,
  labels,
  onReapply,
  onDiscard,
}: {
  /** The conflict being shown: a new one is scrolled into view and focused. */
  conflict: unknown;
  title: string;
  body: string;
  rows: ConflictRow[];
  labels: { field: string; theirs: string; yours: string; reapply: string; discard: string };
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Bring the conflict into view and focus, so nobody misses that their save did not happen.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center' });
    ref.current?.focus({ preventScroll: true });
  }, [conflict]);
  return (
    <Alert
      color="orange"
      variant="light"
      title={title}
      icon={<IconAlertTriangle size={20} />}
      role="alert"
      data-testid="stale-conflict"
      ref={ref}
      tabIndex={-1}
    >
      <Stack gap="sm">
        <Text fz="sm">{body}</Text>
        {rows.length > 0 && (
          <Table withTableBorder withColumnBorders fz="sm" bg="var(--mantine-color-body)">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{labels.field}</Table.Th>
                <Table.Th>{labels.theirs}</Table.Th>
                <Table.Th>{labels.yours}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.field}>
                  <Table.Td fw={600}>{r.label}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.theirs}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.yours}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <Group gap="sm">
          <Button onClick={onReapply}>{labels.reapply}</Button>
          <Button variant="default" onClick={onDiscard}>
            {labels.discard}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
