import type { RouteObject } from 'react-router';
import { AuditPage } from './AuditPage';
import { AuditProgrammePage } from './AuditProgrammePage';

/** Step 5: the internal audit programme takes the step's own address; audits under /audits. */
export const auditRoutes: RouteObject[] = [
  { path: 'internal-audit', element: <AuditProgrammePage /> },
  { path: 'audits/:id', element: <AuditPage /> },
];
