import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { ReviewRedirect } from './ReviewRedirect';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const DocumentPage = lazyPage(() => import('./DocumentPage'), 'DocumentPage');
const DocumentsPage = lazyPage(() => import('./DocumentsPage'), 'DocumentsPage');
const MasterListPage = lazyPage(() => import('./MasterListPage'), 'MasterListPage');
const NewDocumentPage = lazyPage(() => import('./NewDocumentPage'), 'NewDocumentPage');
const SettingsPage = lazyPage(() => import('./SettingsPage'), 'SettingsPage');

/** Step 3, under /orgs/:orgId: the step's own address is the master list. Fixed paths rank above :id. */
export const documentRoutes: RouteObject[] = [
  { path: 'documentation', element: <MasterListPage /> },
  { path: 'documents', element: <DocumentsPage /> },
  {
    path: 'documents/new',
    element: (
      <RequireAction action="document.write">
        <NewDocumentPage />
      </RequireAction>
    ),
  },
  { path: 'documents/settings', element: <SettingsPage /> },
  { path: 'documents/review/:versionId', element: <ReviewRedirect /> },
  { path: 'documents/:id', element: <DocumentPage /> },
];
