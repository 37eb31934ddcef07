import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const CompetencesPage = lazyPage(() => import('./CompetencesPage'), 'CompetencesPage');
const MatrixPage = lazyPage(() => import('./MatrixPage'), 'MatrixPage');
const PeoplePage = lazyPage(() => import('./PeoplePage'), 'PeoplePage');
const PersonPage = lazyPage(() => import('./PersonPage'), 'PersonPage');
const TrainingsPage = lazyPage(() => import('./TrainingsPage'), 'TrainingsPage');

/** Step 4, competence, training and awareness (7.2, 7.3), under /orgs/:orgId. */
export const competenceRoutes: RouteObject[] = [
  { path: 'competence-matrix', element: <MatrixPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/:id', element: <PersonPage /> },
  { path: 'competences', element: <CompetencesPage /> },
  { path: 'trainings', element: <TrainingsPage /> },
];
