import type { RouteObject } from 'react-router';
import { CyclePage } from './CyclePage';
import { EngagementsPage } from './EngagementsPage';
import { ReadinessPage } from './ReadinessPage';

/** Step 6: certification, under /orgs/:orgId. The readiness check takes the step's own address. */
export const certificationRoutes: RouteObject[] = [
  { path: 'certification', element: <ReadinessPage /> },
  { path: 'certification/engagements', element: <EngagementsPage /> },
  { path: 'certification/engagements/:engagementId', element: <CyclePage /> },
];
