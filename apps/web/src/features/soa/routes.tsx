import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const SoaPage = lazyPage(() => import('./SoaPage'), 'SoaPage');
const SoaVersionPage = lazyPage(() => import('./SoaVersionPage'), 'SoaVersionPage');

/** Step 4, under /orgs/:orgId: the Statement of Applicability and its approved versions (read-only). */
export const soaRoutes: RouteObject[] = [
  { path: 'soa', element: <SoaPage /> },
  { path: 'soa/versions/:version', element: <SoaVersionPage /> },
];
