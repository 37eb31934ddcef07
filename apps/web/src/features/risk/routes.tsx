import { Navigate, type RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { CriteriaPage } from './CriteriaPage';
import { PlanPage } from './PlanPage';
import { RiskDetailPage } from './RiskDetailPage';
import { EditRiskPage, NewRiskPage } from './RiskFormPage';
import { RisksPage } from './RisksPage';

/** Step 4 (and the criteria of step 2), under /orgs/:orgId. The fixed path "new" ranks above :id. */
export const riskRoutes: RouteObject[] = [
  // The step's own address opens its first register.
  { path: 'implementation', element: <Navigate to="../risks" replace /> },
  { path: 'risks', element: <RisksPage /> },
  {
    path: 'risks/new',
    element: (
      <RequireAction action="risk.write">
        <NewRiskPage />
      </RequireAction>
    ),
  },
  { path: 'risks/:id', element: <RiskDetailPage /> },
  {
    path: 'risks/:id/edit',
    element: (
      <RequireAction action="risk.write">
        <EditRiskPage />
      </RequireAction>
    ),
  },
  { path: 'risk-criteria', element: <CriteriaPage /> },
  { path: 'risk-treatment-plan', element: <PlanPage /> },
];
