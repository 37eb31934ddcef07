import { computeScores, gapList, SCORE_FORMULA, type GapResult } from '@fortytwo/domain';
import type { Tx } from '../../platform/db/connect';
import type { GapAssessmentTable } from '../../platform/db/schema';
import { notFound } from '../../platform/errors';
import { type Deps } from '../../platform/transaction';
import { listActions, type ActionOut } from '../actions/service';
import { findAssessment, itemsOf, listAssessmentRows, resultsByAssessment } from './repository';
import { requirementByRef } from './requirements';
import type { GapAssessmentSummary, GapItem } from './schema';

// Reading gap assessments: the list, one assessment with its items, its scores and its gap list.

export const ASSESSMENT = 'gap_assessment';
export const ITEM = 'gap_assessment_item';

export const scoreInputs = (items: { ref: string; result: string | null; maturity: number | null }[]) =>
  items.map((i) => ({
    ref: i.ref,
    result: i.result as GapResult | null,
    maturity: i.maturity,
    documentation: requirementByRef(i.ref)?.documentation ?? false,
  }));

export const scoresOf = (items: { ref: string; result: string | null; maturity: number | null }[]) => ({
  ...computeScores(scoreInputs(items)),
  formula: SCORE_FORMULA,
});

export function summary(
  a: GapAssessmentTable,
  items: { ref: string; result: string | null; maturity: number | null }[],
): GapAssessmentSummary {
  const s = computeScores(scoreInputs(items));
  return {
    id: a.id,
    name: a.name,
    kind: a.kind,
    sourceId: a.sourceId,
    frozenAt: a.frozenAt,
    version: a.version,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    overall: s.overall,
    answered: s.counts.answered,
    total: s.counts.total,
  };
}

export async function assessmentOrThrow(db: Deps['db'] | Tx, orgId: string, id: string) {
  const a = await findAssessment(db, orgId, id);
  if (!a) throw notFound('Gap assessment');
  return a;
}

export async function listAssessments(deps: Deps, orgId: string): Promise<GapAssessmentSummary[]> {
  const [rows, results] = await Promise.all([listAssessmentRows(deps.db, orgId), resultsByAssessment(deps.db, orgId)]);
  return rows.map((a) => summary(a, results.get(a.id) ?? []));
}

export async function getAssessment(deps: Deps, orgId: string, id: string) {
  const a = await assessmentOrThrow(deps.db, orgId, id);
  const items = await itemsOf(deps.db, orgId, id);
  return { ...summary(a, items), items };
}

export async function assessmentScores(deps: Deps, orgId: string, id: string) {
  await assessmentOrThrow(deps.db, orgId, id);
  return scoresOf(await itemsOf(deps.db, orgId, id));
}

/** The gap list with the actions already opened for each gap. */
export async function assessmentGaps(
  deps: Deps,
  orgId: string,
  id: string,
): Promise<(GapItem & { actions: ActionOut[] })[]> {
  await assessmentOrThrow(deps.db, orgId, id);
  const items = await itemsOf(deps.db, orgId, id);
  const actions = await listActions(deps.db, orgId, { sourceType: 'gap_item' });
  const ordered = gapList(items.map((i) => ({ ...i, documentation: i.documentation })));
  return ordered.map((i) => ({ ...i, actions: actions.filter((a) => a.sourceId === i.id) }));
}
