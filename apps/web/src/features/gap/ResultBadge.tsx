import { Badge } from '@mantine/core';
import {
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleMinus,
  IconCircleX,
  type Icon,
} from '@tabler/icons-react';
import { GAP_RESULT_LABELS, type GapResult } from '@fortytwo/domain';
import { GAP_TEXT as T, RESULT_SHORT } from './text';

// A result always shows as a shape and a word, never only as a colour.

export const RESULT_COLORS: Record<GapResult, string> = {
  conformant: 'teal',
  partially_conformant: 'yellow',
  nonconformant: 'red',
  not_applicable: 'gray',
};
const RESULT_ICONS: Record<GapResult, Icon> = {
  conformant: IconCircleCheck,
  partially_conformant: IconCircleHalf2,
  nonconformant: IconCircleX,
  not_applicable: IconCircleMinus,
};

export const resultLabel = (r: GapResult | null) => (r ? GAP_RESULT_LABELS[r] : T.unanswered);

/** The result's shape in its colour; decorative unless given a label. */
export function ResultIcon({ result, size = 16, label }: { result: GapResult | null; size?: number; label?: string }) {
  const Icon = result ? RESULT_ICONS[result] : IconCircleDashed;
  const color = result
    ? `var(--mantine-color-${RESULT_COLORS[result]}-${result === 'partially_conformant' ? 8 : 7})`
    : 'var(--mantine-color-dimmed)';
  return (
    <Icon
      size={size}
      color={color}
      stroke={2}
      style={{ flexShrink: 0 }}
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    />
  );
}

/** The result as a badge; `short` for narrow columns, with the full words on hover. */
export function ResultBadge({ result, short = false }: { result: GapResult | null; short?: boolean }) {
  return (
    <Badge
      variant="light"
      color={result ? RESULT_COLORS[result] : 'gray'}
      tt="none"
      fw={600}
      leftSection={<ResultIcon result={result} size={14} />}
      style={{ overflow: 'visible', flexShrink: 0 }}
      title={short ? resultLabel(result) : undefined}
    >
      {short ? (result ? RESULT_SHORT[result] : T.unansweredShort) : resultLabel(result)}
    </Badge>
  );
}
