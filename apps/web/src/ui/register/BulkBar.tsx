import { Button, Group, Paper, Text } from '@mantine/core';
import { IconDownload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { notifyError } from '../notify';
import type { BulkAction } from './types';
import { REGISTER_TEXT as T } from './text';

/** Shown while rows are selected: the page's actions on them, export of them, and clearing. */
export function BulkBar<R>({
  rows,
  actions,
  onExport,
  onClear,
}: {
  rows: R[];
  actions: BulkAction<R>[];
  onExport: () => void;
  onClear: () => void;
}) {
  const [running, setRunning] = useState<string | null>(null);
  const run = async (a: BulkAction<R>) => {
    setRunning(a.label);
    try {
      await a.run(rows);
      onClear();
    } catch (e) {
      notifyError(e);
    } finally {
      setRunning(null);
    }
  };
  return (
    <Paper withBorder radius="md" px="sm" py={6} role="region" aria-label={T.bulkActions} data-testid="bulk-bar">
      <Group gap="sm" wrap="wrap">
        <Text fz="sm" fw={600} aria-live="polite">
          {T.selected(rows.length)}
        </Text>
        {actions
          .filter((a) => a.allowed !== false)
          .map((a) => (
            <Button
              key={a.label}
              size="xs"
              color={a.color}
              leftSection={a.icon}
              loading={running === a.label}
              disabled={running !== null && running !== a.label}
              onClick={() => void run(a)}
            >
              {a.label}
            </Button>
          ))}
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} aria-hidden />} onClick={onExport}>
          {T.exportSelected}
        </Button>
        <Button size="xs" variant="subtle" leftSection={<IconX size={14} aria-hidden />} onClick={onClear}>
          {T.clearSelection}
        </Button>
      </Group>
    </Paper>
  );
}
