import { ActionIcon, Button, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { SCALE_DESCRIPTION_MAX, SCALE_LABEL_MAX, SCALE_STEPS } from '@fortytwo/domain';
import { RISK_TEXT as T } from './text';

/** One step of a likelihood or consequence scale: its number is its position (lowest first). */
export type ScaleStep = { label: string; description: string };

export const toSteps = (labels: string[], descriptions: string[] | undefined): ScaleStep[] =>
  labels.map((label, i) => ({ label, description: descriptions?.[i] ?? '' }));

/**
 * A scale as one row per level (issue 18: the free-text lines lost which line was which level):
 * a required label and an optional description, levels added at the top or removed within
 * SCALE_STEPS. `errors` holds the message of each row by index, `scaleError` one for the whole scale.
 */
export function ScaleEditor({
  name,
  legend,
  steps,
  onChange,
  errors,
  scaleError,
  onBlurStep,
}: {
  /** "Likelihood" or "Consequence": the start of each row's name, as the messages use it. */
  name: string;
  legend: string;
  steps: ScaleStep[];
  onChange: (next: ScaleStep[]) => void;
  errors: Record<number, string>;
  scaleError?: string | undefined;
  onBlurStep: (index: number) => void;
}) {
  const set = (i: number, patch: Partial<ScaleStep>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <Fieldset legend={legend} data-testid={`scale-${name.toLowerCase()}`}>
      <Stack gap="xs">
        {steps.map((s, i) => (
          <Group key={i} gap="xs" align="flex-start" data-testid="scale-row">
            <Text fz="sm" fw={600} w={24} pt={30} ta="right" aria-hidden>
              {i + 1}
            </Text>
            <TextInput
              style={{ flex: '1 1 10rem', minWidth: 0 }}
              label={T.scaleLevelLabel(name, i + 1)}
              required
              maxLength={SCALE_LABEL_MAX}
              value={s.label}
              error={errors[i]}
              onChange={(e) => set(i, { label: e.currentTarget.value })}
              onBlur={() => onBlurStep(i)}
            />
            <TextInput
              style={{ flex: '2 1 12rem', minWidth: 0 }}
              label={T.scaleLevelDescription(name, i + 1)}
              maxLength={SCALE_DESCRIPTION_MAX}
              value={s.description}
              onChange={(e) => set(i, { description: e.currentTarget.value })}
            />
            <ActionIcon
              mt={26}
              size="lg"
              variant="subtle"
              color="gray"
              aria-label={T.removeScaleLevel(name, i + 1)}
              disabled={steps.length <= SCALE_STEPS.min}
              onClick={() => onChange(steps.filter((_, j) => j !== i))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        {scaleError && (
          <Text fz="sm" c="red.8" role="alert">
            {scaleError}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text fz="xs" c="dimmed">
            {T.scaleBounds(SCALE_STEPS.min, SCALE_STEPS.max)}
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            disabled={steps.length >= SCALE_STEPS.max}
            onClick={() => onChange([...steps, { label: '', description: '' }])}
          >
            {T.addScaleLevel(name)}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** What each level of the scales means, where the criteria say it (nothing when no level has a description). */
export function ScaleMeanings({ scales }: { scales: { legend: string; labels: string[]; descriptions: string[] }[] }) {
  if (!scales.some((s) => s.descriptions.some(Boolean))) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="scale-meanings">
      {scales.map((s) => (
        <Stack key={s.legend} gap={2}>
          <Text fz="sm" fw={600}>
            {s.legend}
          </Text>
          {s.labels.map((l, i) => (
            <Text key={i} fz="sm">
              {i + 1} {l}
              {s.descriptions[i] ? <Text span c="dimmed" fz="sm">{` — ${s.descriptions[i]}`}</Text> : null}
            </Text>
          ))}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
