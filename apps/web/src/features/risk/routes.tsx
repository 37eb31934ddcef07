import { Navigate, type RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const CriteriaPage = lazyPage(() => import('./CriteriaPage'), 'CriteriaPage');
const PlanPage = lazyPage(() => import('./PlanPage'), 'PlanPage');
const RiskDetailPage = lazyPage(() => import('./RiskDetailPage'), 'RiskDetailPage');
const EditRiskPage = lazyPage(() => import('./RiskFormPage'), 'EditRiskPage');
const NewRiskPage = lazyPage(() => import('./RiskFormPage'), 'NewRiskPage');
const RisksPage = lazyPage(() => import('./RisksPage'), 'RisksPage');

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
