import { RequireAction } from '../shell/RequireAction';
import { ContextRolesPage } from './ContextRolesPage';
import { IssuesPage } from './IssuesPage';
import { PartiesPage } from './PartiesPage';
import { PartyDetailPage } from './PartyDetailPage';
import { EditPartyPage, NewPartyPage } from './PartyFormPage';

/** The pages of clauses 4.1 and 4.2, under /orgs/:orgId/context. */
export const contextRoutes = [
  { path: 'context', element: <ContextRolesPage /> },
  { path: 'context/issues', element: <IssuesPage /> },
  { path: 'context/parties', element: <PartiesPage /> },
  {
    path: 'context/parties/new',
    element: (
      <RequireAction action="context.write">
        <NewPartyPage />
      </RequireAction>
    ),
  },
  { path: 'context/parties/:id', element: <PartyDetailPage /> },
  {
    path: 'context/parties/:id/edit',
    element: (
      <RequireAction action="context.write">
        <EditPartyPage />
      </RequireAction>
    ),
  },
];
