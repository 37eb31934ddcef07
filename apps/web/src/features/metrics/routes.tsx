import type { RouteObject } from 'react-router';
import { MetricPage } from './MetricPage';
import { MetricsPage } from './MetricsPage';

/** Monitoring and measurement (9.1), under /orgs/:orgId. */
export const metricRoutes: RouteObject[] = [
  { path: 'metrics', element: <MetricsPage /> },
  { path: 'metrics/:id', element: <MetricPage /> },
];
