import { Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { ANNEX_A_GROUPS, CLAUSE_NUMBERS } from '@fortytwo/domain';
import { Link } from 'react-router';
import type { Scores } from './api';
import { bandOf, formatPercent, type Band } from './format';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

const LEGEND: Exclude<Band, 'none'>[] = ['low', 'some', 'half', 'most', 'full'];

function Cell({
  part,
  title,
  readiness,
  maturity,
  to,
}: {
  part: string;
  title: string;
  readiness: number | null;
  maturity: number | null;
  to: string;
}) {
  const band = bandOf(readiness);
  const value = readiness === null ? T.notApplicableShort : formatPercent(readiness);
  return (
    <Link to={to} className={classes.cell} data-band={band} data-testid="heat-cell" data-part={part} title={title}>
      <Text fz="xs" fw={700} className={classes.mono}>
        {part}
      </Text>
      <Text fz={11} lh={1.3} className={classes.cellTitle} data-testid="heat-title">
        {title}
      </Text>
      <Text fz={20} fw={700} lh={1.1} className={classes.cellValue}>
        <VisuallyHidden>{`${T.readinessOf} `}</VisuallyHidden>
        <span data-testid="heat-value">{value}</span>
        {maturity !== null && <VisuallyHidden>{`, ${T.maturityAvg(maturity)}`}</VisuallyHidden>}
      </Text>
    </Link>
  );
}

/** Readiness of each clause and Annex A group as a grid of cells; a cell opens its first requirement. */
export function Heatmap({
  scores,
  titles,
  hrefOf,
}: {
  scores: Scores;
  titles: Record<string, string>;
  hrefOf: (section: string) => string;
}) {
  const row = (
    label: string,
    parts: readonly string[],
    values: Record<string, number | null>,
    maturity: Record<string, number | null>,
  ) => (
    <Stack gap={4}>
      <Text fz="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.5 }}>
        {label}
      </Text>
      <div className={classes.heatRow}>
        {parts.map((p) => (
          <Cell
            key={p}
            part={p}
            title={titles[p] ?? ''}
            readiness={values[p] ?? null}
            maturity={maturity[p] ?? null}
            to={hrefOf(p)}
          />
        ))}
      </div>
    </Stack>
  );
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gap-heatmap" data-testid="heatmap">
      <Stack gap="md">
        <div>
          <Title order={2} fz="md" id="gap-heatmap">
            {T.heatmap}
          </Title>
          <Text fz="sm" c="dimmed">
            {T.heatmapHint}
          </Text>
        </div>
        {row(T.heatmapClauses, CLAUSE_NUMBERS, scores.byClause, scores.maturity.byClause)}
        {row(T.heatmapAnnex, ANNEX_A_GROUPS, scores.byGroup, scores.maturity.byGroup)}
        <Group gap="md" component="ul" aria-label={T.legend} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {[...LEGEND, 'none' as const].map((b) => (
            <Group key={b} gap={6} component="li" wrap="nowrap">
              <span className={classes.swatch} data-band={b} aria-hidden />
              <Text fz="xs">{b === 'none' ? `${T.notApplicableShort}: ${T.bands.none}` : T.bands[b]}</Text>
            </Group>
          ))}
        </Group>
      </Stack>
    </Paper>
  );
}
