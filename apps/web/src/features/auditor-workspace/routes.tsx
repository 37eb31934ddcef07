import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { ManagePage } from './ManagePage';
import { WorkspacePage } from './WorkspacePage';

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
