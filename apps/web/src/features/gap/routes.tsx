import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { Loading } from '../../ui/QueryState';
import { AssessmentLayout } from './AssessmentLayout';
import { ComparePage } from './ComparePage';
import { GapListPage } from './GapListPage';
import { QuestionnairePage } from './QuestionnairePage';

// The overview carries the charting library: loaded when first opened, not with every page.
const GapOverviewPage = lazy(() => import('./GapOverviewPage').then((m) => ({ default: m.GapOverviewPage })));
const later = (page: ReactNode) => <Suspense fallback={<Loading />}>{page}</Suspense>;

/**
 * Step 1, under /orgs/:orgId: the overview, then one assessment with its tabs. /gap-analysis/:id/:ref
 * is the address of one requirement (refs such as A.6.2.4 need no encoding); the fixed paths gaps
 * and compare rank above it.
 */
export const gapRoutes: RouteObject[] = [
  { path: 'gap-analysis', element: later(<GapOverviewPage />) },
  {
    path: 'gap-analysis/:id',
    element: <AssessmentLayout />,
    children: [
      { index: true, element: <QuestionnairePage /> },
      { path: 'gaps', element: <GapListPage /> },
      { path: 'compare', element: <ComparePage /> },
      { path: ':ref', element: <QuestionnairePage /> },
    ],
  },
];
