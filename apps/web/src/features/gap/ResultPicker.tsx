import { Button, Group, Kbd, Radio, SimpleGrid, Text } from '@mantine/core';
import { GAP_RESULT_LABELS, GAP_RESULTS, type GapResult } from '@fortytwo/domain';
import { RESULT_COLORS, ResultIcon } from './ResultBadge';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

/**
 * The four answers as large radio cards with their shortcut key. Not applicable is offered only
 * where the standard allows it (Annex A controls).
 */
export function ResultPicker({
  value,
  allowNotApplicable,
  onChange,
  disabled,
  error,
}: {
  value: GapResult | null;
  allowNotApplicable: boolean;
  onChange: (r: GapResult | null) => void;
  disabled: boolean;
  error?: string;
}) {
  const options = GAP_RESULTS.filter((r) => allowNotApplicable || r !== 'not_applicable');
  return (
    <Radio.Group
      label={T.result}
      description={allowNotApplicable ? T.resultHint : `${T.resultHint} ${T.naOnlyAnnex}`}
      value={value ?? ''}
      onChange={(v) => onChange(v as GapResult)}
      error={error}
      data-testid="result-picker"
    >
      <SimpleGrid cols={2} spacing={8} mt={6}>
        {options.map((r) => {
          const color = RESULT_COLORS[r];
          return (
            <Radio.Card
              key={r}
              value={r}
              disabled={disabled}
              className={classes.resultCard}
              style={{
                '--result-color': `var(--mantine-color-${color}-6)`,
                '--result-bg': `var(--mantine-color-${color}-light)`,
              }}
              data-result={r}
            >
              <Group gap={8} wrap="nowrap">
                <Kbd size="xs" aria-hidden>
                  {GAP_RESULTS.indexOf(r) + 1}
                </Kbd>
                <ResultIcon result={r} size={18} />
                <Text fz="sm" fw={600} lh={1.2}>
                  {GAP_RESULT_LABELS[r]}
                </Text>
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
      {value !== null && !disabled && (
        <Button variant="subtle" size="compact-xs" color="gray" mt={6} onClick={() => onChange(null)}>
          {T.clearResult}
        </Button>
      )}
    </Radio.Group>
  );
}
