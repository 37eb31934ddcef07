import type { RouteObject } from 'react-router';
import { ControlPage } from './ControlPage';
import { ControlsPage } from './ControlsPage';

/** Step 4, under /orgs/:orgId: the controls register and one control (its ref URL-encoded). */
export const controlRoutes: RouteObject[] = [
  { path: 'controls', element: <ControlsPage /> },
  { path: 'controls/:ref', element: <ControlPage /> },
];
