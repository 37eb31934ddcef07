import type { RouteObject } from 'react-router';
import { CompetencesPage } from './CompetencesPage';
import { MatrixPage } from './MatrixPage';
import { PeoplePage } from './PeoplePage';
import { PersonPage } from './PersonPage';
import { TrainingsPage } from './TrainingsPage';

/** Step 4, competence, training and awareness (7.2, 7.3), under /orgs/:orgId. */
export const competenceRoutes: RouteObject[] = [
  { path: 'competence-matrix', element: <MatrixPage /> },
  { path: 'people', element: <PeoplePage /> },
  { path: 'people/:id', element: <PersonPage /> },
  { path: 'competences', element: <CompetencesPage /> },
  { path: 'trainings', element: <TrainingsPage /> },
];
