import type { RouteObject } from 'react-router';
import { EvidenceDetailPage } from './EvidenceDetailPage';
import { EvidencePage } from './EvidencePage';

/** Step 4: the evidence library, under /orgs/:orgId. */
export const evidenceRoutes: RouteObject[] = [
  { path: 'evidence', element: <EvidencePage /> },
  { path: 'evidence/:id', element: <EvidenceDetailPage /> },
];
