import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ImpactDetailPage = lazyPage(() => import('./ImpactDetailPage'), 'ImpactDetailPage');
const EditImpactPage = lazyPage(() => import('./ImpactFormPage'), 'EditImpactPage');
const NewImpactPage = lazyPage(() => import('./ImpactFormPage'), 'NewImpactPage');
const ImpactListPage = lazyPage(() => import('./ImpactListPage'), 'ImpactListPage');

/** Step 4, under /orgs/:orgId: AI system impact assessments. The fixed path "new" ranks above :id. */
export const impactRoutes: RouteObject[] = [
  { path: 'impact-assessments', element: <ImpactListPage /> },
  {
    path: 'impact-assessments/new',
    element: (
      <RequireAction action="risk.write">
        <NewImpactPage />
      </RequireAction>
    ),
  },
  { path: 'impact-assessments/:id', element: <ImpactDetailPage /> },
  {
    path: 'impact-assessments/:id/edit',
    element: (
      <RequireAction action="risk.write">
        <EditImpactPage />
      </RequireAction>
    ),
  },
];
