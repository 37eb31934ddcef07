import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ControlPage = lazyPage(() => import('./ControlPage'), 'ControlPage');
const ControlsPage = lazyPage(() => import('./ControlsPage'), 'ControlsPage');

/** Step 4, under /orgs/:orgId: the controls register and one control (its ref URL-encoded). */
export const controlRoutes: RouteObject[] = [
  { path: 'controls', element: <ControlsPage /> },
  { path: 'controls/:ref', element: <ControlPage /> },
];
