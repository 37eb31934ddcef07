import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const AuditPage = lazyPage(() => import('./AuditPage'), 'AuditPage');
const AuditProgrammePage = lazyPage(() => import('./AuditProgrammePage'), 'AuditProgrammePage');

/** Step 5: the internal audit programme takes the step's own address; audits under /audits. */
export const auditRoutes: RouteObject[] = [
  { path: 'internal-audit', element: <AuditProgrammePage /> },
  { path: 'audits/:id', element: <AuditPage /> },
];
