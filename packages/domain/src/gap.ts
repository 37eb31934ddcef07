import { z } from 'zod';
import { ZAiSystemRef, ZOwnerRef } from './ids';
import { versionField } from './version';
import { calendarDate } from './dates';

// Gap analysis: the vocabulary, the input rules and the readiness arithmetic. Pure functions, so
// the server, the web app (which shows the formula) and the exports compute the same numbers.

export const GAP_STATUSES = ['not_started', 'in_progress', 'done'] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];
export const GAP_STATUS_LABELS: Record<GapStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
};

export const GAP_RESULTS = ['conformant', 'partially_conformant', 'nonconformant', 'not_applicable'] as const;
export type GapResult = (typeof GAP_RESULTS)[number];
export const GAP_RESULT_LABELS: Record<GapResult, string> = {
  conformant: 'Conformant',
  partially_conformant: 'Partially conformant',
  nonconformant: 'Nonconformant',
  not_applicable: 'Not applicable',
};

/** What each answer is worth. Unanswered counts as 0; not applicable leaves the denominator. */
export const RESULT_SCORE: Record<Exclude<GapResult, 'not_applicable'>, number> = {
  conformant: 1,
  partially_conformant: 0.5,
  nonconformant: 0,
};

export const SCORE_FORMULA =
  'Readiness = 100 × (conformant × 1 + partially conformant × 0.5) ÷ applicable items. Nonconformant and unanswered items count 0; not-applicable items are left out.';

export const MATURITY_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export const MATURITY_LABELS = [
  '0 · Absent',
  '1 · Initial',
  '2 · Repeatable',
  '3 · Defined',
  '4 · Managed',
  '5 · Optimizing',
] as const;

export const CLAUSE_NUMBERS = ['4', '5', '6', '7', '8', '9', '10'] as const;
export const ANNEX_A_GROUPS = ['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10'] as const;

/** The clause ("6") or Annex A group ("A.6") a requirement belongs to. */
export function sectionOf(ref: string): string {
  const [head, second] = ref.split('.');
  return head === 'A' ? `A.${second ?? ''}` : (head ?? ref);
}
export const isAnnexA = (ref: string) => ref.startsWith('A.');

const optionalText = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .max(max, `${what} must be at most ${max} characters`);
const targetDate = calendarDate('Target date');

export const ZGapItemPatch = z.strictObject({
  version: versionField('version is required: send the version you read'),
  status: z.enum(GAP_STATUSES, { error: `status must be one of: ${GAP_STATUSES.join(', ')}` }).optional(),
  result: z
    .enum(GAP_RESULTS, { error: `result must be one of: ${GAP_RESULTS.join(', ')}, or null (unanswered)` })
    .nullable()
    .optional(),
  maturity: z
    .number({ error: 'maturity must be a whole number from 0 to 5, or null' })
    .int('maturity must be a whole number from 0 to 5')
    .min(0, 'maturity must be at least 0')
    .max(5, 'maturity must be at most 5')
    .nullable()
    .optional(),
  justification: optionalText('Justification', 4000).optional(),
  notes: optionalText('Current practice notes', 8000).optional(),
  ownerId: ZOwnerRef.nullable().optional(),
  targetDate: targetDate.nullable().optional(),
  evidenceLinks: z
    .array(z.url({ error: 'Each evidence link must be a full URL (https://…)' }).max(2000))
    .max(50, 'At most 50 evidence links')
    .optional(),
  aiSystemIds: z.array(ZAiSystemRef).max(200, 'At most 200 linked AI systems').optional(),
});
export type GapItemPatch = z.output<typeof ZGapItemPatch>;

/** Rule the schema cannot see alone: N/A only for Annex A, and only with a reason. Returns a message or null. */
export function notApplicableProblem(ref: string, result: GapResult | null, justification: string): string | null {
  if (result !== 'not_applicable') return null;
  if (!isAnnexA(ref))
    return `${ref} is a requirement of clauses 4–10: every one applies, so it cannot be marked not applicable`;
  if (!justification.trim())
    return `Give a justification to mark ${ref} not applicable: the Statement of Applicability must say why a control is excluded`;
  return null;
}

export const ZCreateGapAssessment = z.strictObject({
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(200, 'Name must be at most 200 characters'),
});

export type ScoreInput = { ref: string; result: GapResult | null; maturity: number | null; documentation: boolean };

export type Scores = {
  /** Readiness 0–100 (one decimal), or null when nothing in that part applies. */
  overall: number | null;
  clauses: number | null;
  annexA: number | null;
  byClause: Record<string, number | null>;
  byGroup: Record<string, number | null>;
  /** Average maturity of the items that have one (one decimal), or null. */
  maturity: {
    overall: number | null;
    clauses: number | null;
    annexA: number | null;
    byClause: Record<string, number | null>;
    byGroup: Record<string, number | null>;
  };
  counts: {
    total: number;
    applicable: number;
    answered: number;
    conformant: number;
    partiallyConformant: number;
    nonconformant: number;
    notApplicable: number;
    unanswered: number;
  };
  /** Items whose wording requires documented information and that are not conformant yet. */
  documentationGaps: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function readiness(items: ScoreInput[]): number | null {
  const applicable = items.filter((i) => i.result !== 'not_applicable');
  if (applicable.length === 0) return null;
  const sum = applicable.reduce((s, i) => s + (i.result ? RESULT_SCORE[i.result as keyof typeof RESULT_SCORE] : 0), 0);
  return round1((100 * sum) / applicable.length);
}

function maturity(items: ScoreInput[]): number | null {
  const rated = items.filter((i) => i.result !== 'not_applicable' && i.maturity !== null);
  return rated.length ? round1(rated.reduce((s, i) => s + i.maturity!, 0) / rated.length) : null;
}

// A catalogue has a few hundred refs and every read of an assessment scores all its items: the
// section of each ref is worked out once per process, not per section per item per read.
const sectionKeys = new Map<string, string>();
const sectionKey = (ref: string) => {
  let key = sectionKeys.get(ref);
  if (key === undefined) {
    key = sectionOf(ref);
    if (sectionKeys.size < 10_000) sectionKeys.set(ref, key);
  }
  return key;
};

export function computeScores(items: ScoreInput[]): Scores {
  const clauses: ScoreInput[] = [];
  const annex: ScoreInput[] = [];
  const sections = new Map<string, ScoreInput[]>();
  const results = new Map<GapResult | null, number>();
  for (const i of items) {
    (isAnnexA(i.ref) ? annex : clauses).push(i);
    const key = sectionKey(i.ref);
    const list = sections.get(key);
    if (list) list.push(i);
    else sections.set(key, [i]);
    results.set(i.result, (results.get(i.result) ?? 0) + 1);
  }
  const bySection = (keys: readonly string[], f: (xs: ScoreInput[]) => number | null) =>
    Object.fromEntries(keys.map((s) => [s, f(sections.get(s) ?? [])]));
  const count = (r: GapResult | null) => results.get(r) ?? 0;
  return {
    overall: readiness(items),
    clauses: readiness(clauses),
    annexA: readiness(annex),
    byClause: bySection(CLAUSE_NUMBERS, readiness),
    byGroup: bySection(ANNEX_A_GROUPS, readiness),
    maturity: {
      overall: maturity(items),
      clauses: maturity(clauses),
      annexA: maturity(annex),
      byClause: bySection(CLAUSE_NUMBERS, maturity),
      byGroup: bySection(ANNEX_A_GROUPS, maturity),
    },
    counts: {
      total: items.length,
      applicable: items.length - count('not_applicable'),
      answered: items.length - count(null),
      conformant: count('conformant'),
      partiallyConformant: count('partially_conformant'),
      nonconformant: count('nonconformant'),
      notApplicable: count('not_applicable'),
      unanswered: count(null),
    },
    documentationGaps: items.filter(
      (i) => i.documentation && i.result !== 'conformant' && i.result !== 'not_applicable',
    ).length,
  };
}

/**
 * The gaps, in the order to work on them: every applicable item that is not conformant (unanswered
 * included); those that require documented information first, then clauses, then Annex A, each in
 * catalogue order (the order of `items`).
 */
export function gapList<T extends ScoreInput>(itemsInCatalogueOrder: T[]): T[] {
  const gaps = itemsInCatalogueOrder
    .map((item, index) => ({ item, index }))
    .filter(({ item }) => item.result !== 'conformant' && item.result !== 'not_applicable');
  const rank = (i: ScoreInput) => (i.documentation ? 0 : 2) + (isAnnexA(i.ref) ? 1 : 0);
  return gaps.sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map(({ item }) => item);
}

export type Change = 'improved' | 'regressed' | 'unchanged' | 'changed';

/** How an item moved between two assessments. A move to or from not applicable is "changed": it is a scope decision, not progress. */
export function compareResult(before: GapResult | null, after: GapResult | null): Change {
  if (before === after) return 'unchanged';
  if (before === 'not_applicable' || after === 'not_applicable') return 'changed';
  const value = (r: GapResult | null) => (r ? RESULT_SCORE[r as keyof typeof RESULT_SCORE] : 0);
  const d = value(after) - value(before);
  return d > 0 ? 'improved' : d < 0 ? 'regressed' : 'unchanged';
}
