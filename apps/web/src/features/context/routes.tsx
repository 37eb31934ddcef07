import { RequireAction } from '../shell/RequireAction';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ContextRolesPage = lazyPage(() => import('./ContextRolesPage'), 'ContextRolesPage');
const IssuesPage = lazyPage(() => import('./IssuesPage'), 'IssuesPage');
const PartiesPage = lazyPage(() => import('./PartiesPage'), 'PartiesPage');
const PartyDetailPage = lazyPage(() => import('./PartyDetailPage'), 'PartyDetailPage');
const EditPartyPage = lazyPage(() => import('./PartyFormPage'), 'EditPartyPage');
const NewPartyPage = lazyPage(() => import('./PartyFormPage'), 'NewPartyPage');

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
