import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const MetricPage = lazyPage(() => import('./MetricPage'), 'MetricPage');
const MetricsPage = lazyPage(() => import('./MetricsPage'), 'MetricsPage');

/** Monitoring and measurement (9.1), under /orgs/:orgId. */
export const metricRoutes: RouteObject[] = [
  { path: 'metrics', element: <MetricsPage /> },
  { path: 'metrics/:id', element: <MetricPage /> },
];
