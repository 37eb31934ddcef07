import { Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { RISK_LEVEL_LABELS } from '@fortytwo/domain';
import { LEVEL_STYLE } from './levels';
import { RISK_TEXT as T } from './text';
import type { HeatCell } from './types';

/** A likelihood × consequence grid, highest likelihood on top; each cell counts the risks in it. */
export function RiskHeatmap({
  title,
  cells,
  likelihoodLabels,
  consequenceLabels,
  selected,
  onSelect,
  testId,
  note,
}: {
  title: string;
  cells: HeatCell[];
  likelihoodLabels: string[];
  consequenceLabels: string[];
  selected: string | null;
  onSelect: (cell: HeatCell | null) => void;
  testId: string;
  note?: string;
}) {
  const rows = [...likelihoodLabels.keys()].map((i) => likelihoodLabels.length - i);
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Stack gap={6}>
        <Title order={2} fz="md">
          {title}
        </Title>
        <div
          role="group"
          aria-label={title}
          style={{
            display: 'grid',
            gridTemplateColumns: `minmax(70px, auto) repeat(${consequenceLabels.length}, 1fr)`,
            gap: 3,
          }}
        >
          {rows.map((l) => (
            <div key={l} style={{ display: 'contents' }}>
              <Text
                fz={11}
                c="dimmed"
                ta="right"
                pr={4}
                style={{ alignSelf: 'center' }}
                truncate
                data-testid="risk-heat-label"
              >
                {l} {likelihoodLabels[l - 1]}
              </Text>
              {consequenceLabels.map((cl, ci) => {
                const c = ci + 1;
                const cell = cells.find((x) => x.likelihood === l && x.consequence === c);
                if (!cell) return <div key={c} />;
                const key = `${l}:${c}`;
                const active = selected === key;
                return (
                  <UnstyledButton
                    key={c}
                    data-cell={key}
                    data-count={cell.count}
                    aria-label={T.heatCell(
                      cell.count,
                      likelihoodLabels[l - 1] ?? String(l),
                      cl,
                      RISK_LEVEL_LABELS[cell.level],
                    )}
                    aria-pressed={active}
                    disabled={cell.count === 0 && !active}
                    onClick={() => onSelect(active ? null : cell)}
                    style={{
                      ...LEVEL_STYLE[cell.level],
                      height: 34,
                      borderRadius: 4,
                      textAlign: 'center',
                      fontWeight: 700,
                      fontSize: 13,
                      outline: active ? '3px solid var(--mantine-color-blue-7)' : undefined,
                      opacity: cell.count === 0 ? 0.55 : 1,
                    }}
                  >
                    {cell.count || ''}
                  </UnstyledButton>
                );
              })}
            </div>
          ))}
          <div />
          {consequenceLabels.map((cl, i) => (
            <Text key={cl + i} fz={11} c="dimmed" ta="center" title={cl} truncate>
              {i + 1}
            </Text>
          ))}
        </div>
        <Text fz={11} c="dimmed">
          {T.heatHint} {consequenceLabels.map((cl, i) => `${i + 1} ${cl}`).join(', ')}.{note ? ` ${note}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}
