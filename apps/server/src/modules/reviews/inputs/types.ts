import type { ReviewInput, ReviewInputKey } from '@fortytwo/domain';
import type { Db, Tx } from '../../../platform/db/connect';

/** What every input provider is told: whose data, which review, and the period it looks at. */
export type InputContext = {
  db: Db | Tx;
  orgId: string;
  reviewId: string;
  /** The previous held review's meeting date (YYYY-MM-DD), or null for the first review. */
  since: string | null;
  /** The meeting date: what is due before it is overdue at the meeting. */
  asOf: string;
};

/** One 9.3.2 input: compiles its part of the pack from the live registers. */
export type InputProvider = { key: ReviewInputKey; compile: (ctx: InputContext) => Promise<ReviewInput> };

export const figure = (label: string, value: string | number) => ({ label, value: String(value) });
/** "since the last review (2027-03-01)", or "so far" for the first review. */
export const period = (since: string | null) => (since ? `since the last review (${since})` : 'so far (first review)');
/** "1 open risk", "3 open risks". */
export const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
