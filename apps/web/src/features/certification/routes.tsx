import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const CyclePage = lazyPage(() => import('./CyclePage'), 'CyclePage');
const EngagementsPage = lazyPage(() => import('./EngagementsPage'), 'EngagementsPage');
const ReadinessPage = lazyPage(() => import('./ReadinessPage'), 'ReadinessPage');

/** Step 6: certification, under /orgs/:orgId. The readiness check takes the step's own address. */
export const certificationRoutes: RouteObject[] = [
  { path: 'certification', element: <ReadinessPage /> },
  { path: 'certification/engagements', element: <EngagementsPage /> },
  { path: 'certification/engagements/:engagementId', element: <CyclePage /> },
];
