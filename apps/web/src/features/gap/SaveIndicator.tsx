import { useEffect, useState } from 'react';
import { Button, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck } from '@tabler/icons-react';
import { formatRelative } from '../../ui/format';
import type { SaveState } from './use-item-saver';
import { GAP_TEXT as T } from './text';

/** A quiet line that says whether the answers are saved; loud only when one was not. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  // Re-render now and then so "saved just now" ages.
  const [, tick] = useState(0);
  useEffect(() => {
    if (state.kind !== 'saved') return;
    const t = window.setInterval(() => tick((n) => n + 1), 30_000);
    return () => window.clearInterval(t);
  }, [state.kind]);

  return (
    <Group
      gap={6}
      wrap="nowrap"
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-state={state.kind}
      mih={28}
    >
      {state.kind === 'saving' && (
        <>
          <Loader size={14} />
          <Text fz="xs" c="dimmed">
            {T.saving}
          </Text>
        </>
      )}
      {state.kind === 'saved' && (
        <Tooltip label={T.savedAt(formatRelative(new Date(state.at).toISOString()))} withArrow>
          <Group gap={4} wrap="nowrap">
            <IconCloudCheck size={16} color="var(--mantine-color-teal-7)" aria-hidden />
            <Text fz="xs" c="dimmed">
              {T.saved}
            </Text>
          </Group>
        </Tooltip>
      )}
      {state.kind === 'error' && (
        <>
          <IconAlertTriangle size={16} color="var(--mantine-color-red-8)" aria-hidden />
          <Text fz="xs" c="red.8" fw={600} title={state.message}>
            {T.notSaved}
          </Text>
          <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
            {T.retry}
          </Button>
        </>
      )}
    </Group>
  );
}
