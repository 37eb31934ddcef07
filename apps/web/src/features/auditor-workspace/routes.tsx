import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ManagePage = lazyPage(() => import('./ManagePage'), 'ManagePage');
const WorkspacePage = lazyPage(() => import('./WorkspacePage'), 'WorkspacePage');

/** Step 6: the external auditor workspace, under /orgs/:orgId. External auditors land on it. */
export const auditorWorkspaceRoutes: RouteObject[] = [
  {
    path: 'auditor-workspace',
    element: (
      <RequireAction action="auditor_workspace.read">
        <WorkspacePage />
      </RequireAction>
    ),
  },
  {
    path: 'auditor-workspace/manage',
    element: (
      <RequireAction action="auditor_workspace.manage">
        <ManagePage />
      </RequireAction>
    ),
  },
];
