import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
// The assessment's frame (tabs) is a page of its own too: nothing of step 1 loads before it is opened.
const AssessmentLayout = lazyPage(() => import('./AssessmentLayout'), 'AssessmentLayout');
const ComparePage = lazyPage(() => import('./ComparePage'), 'ComparePage');
const GapListPage = lazyPage(() => import('./GapListPage'), 'GapListPage');
const QuestionnairePage = lazyPage(() => import('./QuestionnairePage'), 'QuestionnairePage');
const GapOverviewPage = lazyPage(() => import('./GapOverviewPage'), 'GapOverviewPage');

/**
 * Step 1, under /orgs/:orgId: the overview, then one assessment with its tabs. /gap-analysis/:id/:ref
 * is the address of one requirement (refs such as A.6.2.4 need no encoding); the fixed paths gaps
 * and compare rank above it.
 */
export const gapRoutes: RouteObject[] = [
  { path: 'gap-analysis', element: <GapOverviewPage /> },
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
