import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const EvidenceDetailPage = lazyPage(() => import('./EvidenceDetailPage'), 'EvidenceDetailPage');
const EvidencePage = lazyPage(() => import('./EvidencePage'), 'EvidencePage');

/** Step 4: the evidence library, under /orgs/:orgId. */
export const evidenceRoutes: RouteObject[] = [
  { path: 'evidence', element: <EvidencePage /> },
  { path: 'evidence/:id', element: <EvidenceDetailPage /> },
];
