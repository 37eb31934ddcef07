import type { RouteObject } from 'react-router';
import { ObjectivePage } from './ObjectivePage';
import { ObjectivesPage } from './ObjectivesPage';

/** Step 4: AI objectives (6.2), under /orgs/:orgId. */
export const objectiveRoutes: RouteObject[] = [
  { path: 'objectives', element: <ObjectivesPage /> },
  { path: 'objectives/:id', element: <ObjectivePage /> },
];
