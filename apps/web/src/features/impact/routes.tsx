import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { ImpactDetailPage } from './ImpactDetailPage';
import { EditImpactPage, NewImpactPage } from './ImpactFormPage';
import { ImpactListPage } from './ImpactListPage';

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
