// Management review (9.3). A review is planned (meeting, attendees; the input pack is compiled live
// on every read), then held (the pack and the attendance are stored as they stood: the figures no
// longer move), then signed off by its chair (the minutes are a record and nothing changes).
// Decisions that need work become actions (modules/actions), so they reach the one task list.
// One file per use case: read.ts, plan.ts (plan, change, remove), hold-and-sign.ts (hold, sign off, actions).

export {
  getReview,
  listReviews,
  REVIEW_SOURCE,
  type ReviewOut,
  type ReviewSummary,
  ZReviewOut,
  ZReviewSummary,
} from './read';
export { createReview, removeReview, updateReview } from './plan';
export { addReviewAction, holdReview, signOffReview } from './hold-and-sign';
