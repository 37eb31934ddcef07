import type { RouteObject } from 'react-router';
import { ReviewPage } from './ReviewPage';
import { ReviewsPage } from './ReviewsPage';

/** Step 5: management review (9.3), under /orgs/:orgId. */
export const reviewRoutes: RouteObject[] = [
  { path: 'management-reviews', element: <ReviewsPage /> },
  { path: 'management-reviews/:id', element: <ReviewPage /> },
];
