import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const SupplierPage = lazyPage(() => import('./SupplierPage'), 'SupplierPage');
const SuppliersPage = lazyPage(() => import('./SuppliersPage'), 'SuppliersPage');

/** Step 4: the supplier register (A.10), under /orgs/:orgId. Data sets and the EU AI Act live on the AI system page. */
export const thirdPartyRoutes: RouteObject[] = [
  { path: 'suppliers', element: <SuppliersPage /> },
  { path: 'suppliers/:id', element: <SupplierPage /> },
];
