import type { RouteObject } from 'react-router';
import { NonconformitiesPage } from './NonconformitiesPage';
import { NonconformityPage } from './NonconformityPage';

/** Step 5: nonconformities and corrective action (10.2), and the improvement log (10.1). */
export const nonconformityRoutes: RouteObject[] = [
  { path: 'nonconformities', element: <NonconformitiesPage /> },
  { path: 'nonconformities/:id', element: <NonconformityPage /> },
];
