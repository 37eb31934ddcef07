import { Paper, Stack, Text, Title } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import type { ProgressPoint } from './api';
import { formatPercent, formatShortDay } from './format';
import { GAP_TEXT as T } from './text';

/** Readiness of every snapshot and working assessment over time, oldest first: a line with a point each. */
export function ProgressChart({ points }: { points: ProgressPoint[] }) {
  // Each point's label must be unique on the axis (two snapshots can share a day); the tick shows the day only.
  const data = points.map((p, i) => ({
    point: `${i + 1}. ${p.name}`,
    day: formatShortDay(p.date),
    overall: p.overall,
    clauses: p.clauses,
    annexA: p.annexA,
  }));
  const dayOf = new Map(data.map((d) => [d.point, d.day]));
  const summary = points
    .map(
      (p) =>
        `${p.name} (${p.kind === 'snapshot' ? T.kind.snapshot.toLowerCase() : T.kind.working.toLowerCase()}, ${formatShortDay(p.date)}) ${formatPercent(p.overall)}`,
    )
    .join('; ');
  const snapshots = points.filter((p) => p.kind === 'snapshot').length;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="gap-progress" h="100%">
      <Stack gap="sm">
        <div>
          <Title order={2} fz="md" id="gap-progress">
            {T.progressTitle}
          </Title>
          <Text fz="sm" c="dimmed">
            {snapshots === 0 ? T.progressEmpty : T.progressHint}
          </Text>
        </div>
        {points.length > 0 && (
          <LineChart
            h={240}
            data={data}
            dataKey="point"
            series={[
              { name: 'overall', label: T.progressSeries.overall, color: 'indigo.7' },
              { name: 'clauses', label: T.progressSeries.clauses, color: 'teal.7', strokeDasharray: '5 4' },
              { name: 'annexA', label: T.progressSeries.annexA, color: 'orange.7', strokeDasharray: '2 3' },
            ]}
            curveType="linear"
            connectNulls
            withLegend
            legendProps={{ verticalAlign: 'bottom', height: 40 }}
            dotProps={{ r: 5, strokeWidth: 2 }}
            yAxisProps={{ domain: [0, 100], width: 44 }}
            xAxisProps={{ tickFormatter: (v: string) => dayOf.get(v) ?? v, interval: 'preserveStartEnd' }}
            valueFormatter={(v) => formatPercent(v)}
            gridAxis="y"
            role="img"
            aria-label={T.progressAria(summary)}
            data-testid="progress-chart"
            data-points={points.length}
          />
        )}
      </Stack>
    </Paper>
  );
}
