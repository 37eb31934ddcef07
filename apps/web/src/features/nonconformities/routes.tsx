import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const NonconformitiesPage = lazyPage(() => import('./NonconformitiesPage'), 'NonconformitiesPage');
const NonconformityPage = lazyPage(() => import('./NonconformityPage'), 'NonconformityPage');

/** Step 5: nonconformities and corrective action (10.2), and the improvement log (10.1). */
export const nonconformityRoutes: RouteObject[] = [
  { path: 'nonconformities', element: <NonconformitiesPage /> },
  { path: 'nonconformities/:id', element: <NonconformityPage /> },
];
