import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ObjectivePage = lazyPage(() => import('./ObjectivePage'), 'ObjectivePage');
const ObjectivesPage = lazyPage(() => import('./ObjectivesPage'), 'ObjectivesPage');

/** Step 4: AI objectives (6.2), under /orgs/:orgId. */
export const objectiveRoutes: RouteObject[] = [
  { path: 'objectives', element: <ObjectivesPage /> },
  { path: 'objectives/:id', element: <ObjectivePage /> },
];
