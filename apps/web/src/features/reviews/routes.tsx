import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazy-page';

// Each page is its own chunk, loaded when first opened (the first load stays small).
const ReviewPage = lazyPage(() => import('./ReviewPage'), 'ReviewPage');
const ReviewsPage = lazyPage(() => import('./ReviewsPage'), 'ReviewsPage');

/** Step 5: management review (9.3), under /orgs/:orgId. */
export const reviewRoutes: RouteObject[] = [
  { path: 'management-reviews', element: <ReviewsPage /> },
  { path: 'management-reviews/:id', element: <ReviewPage /> },
];
