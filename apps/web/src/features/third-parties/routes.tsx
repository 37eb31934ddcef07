import type { RouteObject } from 'react-router';
import { SupplierPage } from './SupplierPage';
import { SuppliersPage } from './SuppliersPage';

/** Step 4: the supplier register (A.10), under /orgs/:orgId. Data sets and the EU AI Act live on the AI system page. */
export const thirdPartyRoutes: RouteObject[] = [
  { path: 'suppliers', element: <SuppliersPage /> },
  { path: 'suppliers/:id', element: <SupplierPage /> },
];
