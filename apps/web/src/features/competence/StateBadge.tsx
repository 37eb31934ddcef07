import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconClockExclamation } from '@tabler/icons-react';
import { MATRIX_STATE_LABELS, type MatrixState } from '@fortytwo/domain';
import { formatDate } from '../../ui/format';
import type { Awareness, MatrixCell } from './api';
import { AWARENESS_LABELS, COMPETENCE_TEXT as T } from './text';

// A matrix cell says its state in words and with an icon, not by colour alone (green met, amber
// expiring, red expired or gap), so it reads the same in greyscale, dark mode and to a screen reader.

const LOOK: Record<Exclude<MatrixState, 'not_required'>, { color: string; icon: typeof IconCircleCheck }> = {
  met: { color: 'green', icon: IconCircleCheck },
  expiring: { color: 'yellow', icon: IconClockExclamation },
  expired: { color: 'red', icon: IconAlertTriangle },
  gap: { color: 'red', icon: IconCircleX },
};

/** Badges wrap rather than cut their words off in narrow matrix columns. */
const WRAP = {
  root: { height: 'auto', maxWidth: '100%', paddingBlock: 2 },
  label: { textTransform: 'none', whiteSpace: 'normal' },
} as const;

const day = (d: string) => formatDate(`${d}T12:00:00`);

export function StateBadge({
  cell,
  competence,
}: {
  cell: Pick<MatrixCell, 'state' | 'required' | 'expiresOn' | 'because'>;
  competence?: string;
}) {
  if (cell.state === 'not_required')
    return (
      <Text fz="xs" c="dimmed" data-state="not_required">
        {MATRIX_STATE_LABELS.not_required}
      </Text>
    );
  const { color, icon: Icon } = LOOK[cell.state];
  const until = cell.expiresOn
    ? cell.state === 'expired'
      ? `ended ${day(cell.expiresOn)}`
      : `until ${day(cell.expiresOn)}`
    : null;
  const label = `${MATRIX_STATE_LABELS[cell.state]}${cell.required ? '' : ' (not required)'}`;
  return (
    <Tooltip
      label={[competence, T.because(cell.because), until].filter(Boolean).join(' · ')}
      multiline
      w={260}
      withArrow
    >
      <Stack gap={2} align="flex-start" tabIndex={0}>
        <Badge
          color={cell.required ? color : 'gray'}
          variant="light"
          leftSection={<Icon size={14} aria-hidden />}
          data-state={cell.state}
          styles={WRAP}
        >
          {label}
        </Badge>
        {until && cell.state !== 'met' && (
          <Text fz="xs" c="dimmed">
            {until}
          </Text>
        )}
      </Stack>
    </Tooltip>
  );
}

export function AwarenessBadge({ awareness }: { awareness: Awareness }) {
  const color = awareness.state === 'acknowledged' ? 'green' : awareness.state === 'pending' ? 'yellow' : 'gray';
  const text =
    awareness.state === 'acknowledged' && awareness.at
      ? `${AWARENESS_LABELS.acknowledged} ${formatDate(awareness.at)}`
      : AWARENESS_LABELS[awareness.state];
  return (
    <Badge color={color} variant="light" data-awareness={awareness.state} styles={WRAP}>
      {text}
      {awareness.versionLabel && awareness.state !== 'no_policy' ? ` · v${awareness.versionLabel}` : ''}
    </Badge>
  );
}
