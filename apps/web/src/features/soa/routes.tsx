import type { RouteObject } from 'react-router';
import { SoaPage } from './SoaPage';
import { SoaVersionPage } from './SoaVersionPage';

/** Step 4, under /orgs/:orgId: the Statement of Applicability and its approved versions (read-only). */
export const soaRoutes: RouteObject[] = [
  { path: 'soa', element: <SoaPage /> },
  { path: 'soa/versions/:version', element: <SoaVersionPage /> },
];
