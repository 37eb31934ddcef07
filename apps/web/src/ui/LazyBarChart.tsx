import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from '@mantine/core';
import type { BarChart as MantineBarChart } from '@mantine/charts';

// @mantine/charts brings recharts and d3 (about 120 KB gzip): a page that opens first, like an
// organization's home, draws its chart once they have loaded rather than waiting for them (issue 20).
const BarChart = lazy(async () => ({ default: (await import('@mantine/charts')).BarChart }));

/** Mantine's BarChart, loaded when first drawn; a placeholder of the same height until then. */
export function LazyBarChart(props: ComponentProps<typeof MantineBarChart>) {
  return (
    <Suspense fallback={<Skeleton h={props.h ?? 230} radius="sm" />}>
      <BarChart {...props} />
    </Suspense>
  );
}
