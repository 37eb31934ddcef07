import type { RouteObject } from 'react-router';
import { RequireAction } from '../shell/RequireAction';
import { DocumentPage } from './DocumentPage';
import { DocumentsPage } from './DocumentsPage';
import { MasterListPage } from './MasterListPage';
import { NewDocumentPage } from './NewDocumentPage';
import { ReviewRedirect } from './ReviewRedirect';
import { SettingsPage } from './SettingsPage';

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
