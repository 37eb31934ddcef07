import { Text } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { type Measurement, type Metric } from './api';
import { METRICS_TEXT as T } from './text';

export function MeasurementChart({ m, items }: { m: Metric; items: Measurement[] }) {
  if (!items.length)
    return (
      <Text c="dimmed" fz="sm">
        {T.chartEmpty}
      </Text>
    );
  const data = items.map((x, i) => ({ point: `${i + 1}`, day: x.at.slice(0, 10), value: x.value }));
  const dayOf = new Map(data.map((d) => [d.point, d.day]));
  const lines = [
    ...(m.lowerThreshold !== null
      ? [{ y: m.lowerThreshold, label: `${T.lower} ${m.lowerThreshold}`, color: 'red.7', strokeDasharray: '6 4' }]
      : []),
    ...(m.upperThreshold !== null
      ? [{ y: m.upperThreshold, label: `${T.upper} ${m.upperThreshold}`, color: 'red.7', strokeDasharray: '6 4' }]
      : []),
    ...(m.target !== null ? [{ y: m.target, label: `${T.target} ${m.target}`, color: 'teal.7' }] : []),
  ];
  const values = [...items.map((x) => x.value), ...lines.map((l) => l.y)];
  const pad = (Math.max(...values) - Math.min(...values)) * 0.1 || 1;
  const outside = items.filter((x) => x.state !== 'within').length;
  return (
    <LineChart
      h={280}
      data={data}
      dataKey="point"
      series={[{ name: 'value', label: m.name, color: 'indigo.7' }]}
      referenceLines={lines}
      curveType="linear"
      dotProps={{ r: 4, strokeWidth: 2 }}
      yAxisProps={{
        domain: [Math.min(...values) - pad, Math.max(...values) + pad],
        width: 56,
        tickFormatter: (v: number) => String(Math.round(v * 1000) / 1000),
      }}
      xAxisProps={{ tickFormatter: (v: string) => dayOf.get(v) ?? v, interval: 'preserveStartEnd' }}
      gridAxis="y"
      role="img"
      aria-label={T.chartAria(
        `${items.length} measurements from ${items[0]!.at.slice(0, 10)} to ${items.at(-1)!.at.slice(0, 10)}, latest ${items.at(-1)!.value}; ${outside} outside the thresholds`,
      )}
      data-testid="metric-chart"
      data-points={items.length}
    />
  );
}
