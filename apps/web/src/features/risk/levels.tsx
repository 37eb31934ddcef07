import { Badge, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { RISK_LEVEL_LABELS, rate, type RiskLevel } from '@fortytwo/domain';
import type { Criteria } from './types';

// Level colours with dark text on light fills (and white on the critical red) so every badge and
// heatmap cell passes WCAG AA contrast in light mode.
export const LEVEL_STYLE: Record<RiskLevel, { background: string; color: string }> = {
  low: { background: '#d3f9d8', color: '#1b4d24' },
  medium: { background: '#fff3bf', color: '#5c4400' },
  high: { background: '#ffd8a8', color: '#7a2e00' },
  critical: { background: '#c92a2a', color: '#ffffff' },
};

/** Level and score; `unrated` marks a risk nobody has rated yet (flagged, never shown as a level). */
export function LevelBadge({
  level,
  score,
  unrated,
}: {
  level: RiskLevel | null;
  score?: number | null;
  unrated?: boolean;
}) {
  if (unrated)
    return (
      <Badge
        radius="sm"
        color="red"
        variant="outline"
        style={{ textTransform: 'none', minWidth: 'max-content', flexShrink: 0 }}
        data-level="unrated"
      >
        Not rated
      </Badge>
    );
  if (!level)
    return (
      <Text span c="dimmed" fz="sm">
        —
      </Text>
    );
  return (
    <Badge
      radius="sm"
      style={{ ...LEVEL_STYLE[level], textTransform: 'none', minWidth: 'max-content', flexShrink: 0 }}
      data-level={level}
    >
      {RISK_LEVEL_LABELS[level]}
      {score !== undefined && score !== null ? ` · ${score}` : ''}
    </Badge>
  );
}

/** Likelihood and consequence pickers with the criteria's labels, and the level they give. */
/** Either value may be null: nothing is preselected, so a rating is always someone's choice. */
export function RatingPicker({
  criteria,
  likelihood,
  consequence,
  onChange,
  labels,
  error,
}: {
  criteria: Criteria;
  likelihood: number | null;
  consequence: number | null;
  onChange: (l: number | null, c: number | null) => void;
  labels: { likelihood: string; consequence: string };
  error?: string | undefined;
}) {
  const rated = likelihood !== null && consequence !== null ? rate(criteria, likelihood, consequence) : null;
  const scale = (names: string[]) => names.map((n, i) => ({ value: String(i + 1), label: `${i + 1} ${n}` }));
  return (
    <Stack gap="xs">
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="likelihood-label">
          {labels.likelihood}
        </Text>
        <SegmentedControl
          aria-labelledby="likelihood-label"
          fullWidth
          size="xs"
          data={scale(criteria.likelihoodLabels)}
          value={likelihood === null ? '' : String(likelihood)}
          onChange={(v) => onChange(Number(v), consequence)}
        />
      </Stack>
      <Stack gap={4}>
        <Text fz="sm" fw={500} id="consequence-label">
          {labels.consequence}
        </Text>
        <SegmentedControl
          aria-labelledby="consequence-label"
          fullWidth
          size="xs"
          data={scale(criteria.consequenceLabels)}
          value={consequence === null ? '' : String(consequence)}
          onChange={(v) => onChange(likelihood, Number(v))}
        />
      </Stack>
      <Group gap="xs" data-testid="computed-rating">
        {rated ? (
          <>
            <LevelBadge level={rated.level} score={rated.score} />
            <Text fz="xs" c="dimmed">
              {likelihood} × {consequence} = {rated.score}
            </Text>
          </>
        ) : (
          <>
            <LevelBadge level={null} unrated />
            <Text fz="xs" c="dimmed">
              Pick both to rate; left empty, the risk stays unrated and flagged.
            </Text>
          </>
        )}
      </Group>
      {error && (
        <Text fz="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
