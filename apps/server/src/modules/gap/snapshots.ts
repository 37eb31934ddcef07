import { compareResult, computeScores, type Change } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { findAssessment, itemsOf, listAssessmentRows, resultsByAssessment } from './repository';
import { ASSESSMENT, assessmentOrThrow, getAssessment, scoreInputs, scoresOf, summary } from './read';
import { insertItems } from './assessments';
import { assertWorking } from './items';

/** Freezes the assessment as it is now: a read-only copy that later comparisons measure progress against. */
export function takeSnapshot(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: { name?: string | undefined },
) {
  return inTransaction(deps, async (tx, audit) => {
    const source = await assessmentOrThrow(tx, orgId, id);
    assertWorking(source);
    const items = await itemsOf(tx, orgId, id);
    const now = nowIso();
    const snapId = newId();
    const name = input.name?.trim() || `${source.name} — ${now.slice(0, 10)}`;
    await tx
      .insertInto('gapAssessments')
      .values({
        id: snapId,
        orgId,
        name,
        kind: 'snapshot',
        sourceId: id,
        frozenAt: now,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    await insertItems(tx, orgId, snapId, actor, items);
    const s = summary((await findAssessment(tx, orgId, snapId))!, items);
    await audit({
      orgId,
      actor,
      action: 'gap_assessment.snapshot_taken',
      entityType: ASSESSMENT,
      entityId: snapId,
      after: { name, sourceId: id, overall: s.overall, answered: s.answered },
    });
    return s;
  });
}

export async function compareAssessments(deps: Deps, orgId: string, id: string, withId: string) {
  const [before, after] = await Promise.all([getAssessment(deps, orgId, withId), getAssessment(deps, orgId, id)]);
  const beforeByRef = new Map(before.items.map((i) => [i.ref, i]));
  const items = after.items.map((i) => {
    const b = beforeByRef.get(i.ref);
    const change: Change = compareResult(b?.result ?? null, i.result);
    return { ref: i.ref, title: i.title, section: i.section, before: b?.result ?? null, after: i.result, change };
  });
  const sb = scoresOf(before.items);
  const sa = scoresOf(after.items);
  const delta = (x: number | null, y: number | null) =>
    x === null || y === null ? null : Math.round((y - x) * 10) / 10;
  const map = (b: Record<string, number | null>, a: Record<string, number | null>) =>
    Object.fromEntries(
      Object.keys(a).map((k) => [
        k,
        { before: b[k] ?? null, after: a[k] ?? null, delta: delta(b[k] ?? null, a[k] ?? null) },
      ]),
    );
  return {
    before: { id: before.id, name: before.name, date: before.frozenAt ?? before.updatedAt },
    after: { id: after.id, name: after.name, date: after.frozenAt ?? after.updatedAt },
    counts: {
      improved: items.filter((i) => i.change === 'improved').length,
      regressed: items.filter((i) => i.change === 'regressed').length,
      unchanged: items.filter((i) => i.change === 'unchanged').length,
      changed: items.filter((i) => i.change === 'changed').length,
    },
    scores: {
      overall: { before: sb.overall, after: sa.overall, delta: delta(sb.overall, sa.overall) },
      clauses: { before: sb.clauses, after: sa.clauses, delta: delta(sb.clauses, sa.clauses) },
      annexA: { before: sb.annexA, after: sa.annexA, delta: delta(sb.annexA, sa.annexA) },
      byClause: map(sb.byClause, sa.byClause),
      byGroup: map(sb.byGroup, sa.byGroup),
    },
    items,
  };
}

/** Readiness of every assessment and snapshot, oldest first: the progress chart. */
export async function progress(deps: Deps, orgId: string) {
  const [rows, results] = await Promise.all([listAssessmentRows(deps.db, orgId), resultsByAssessment(deps.db, orgId)]);
  return rows
    .map((a) => {
      const s = computeScores(scoreInputs(results.get(a.id) ?? []));
      return {
        id: a.id,
        name: a.name,
        kind: a.kind,
        date: a.frozenAt ?? a.updatedAt,
        overall: s.overall,
        clauses: s.clauses,
        annexA: s.annexA,
      };
    })
    .sort((x, y) => x.date.localeCompare(y.date));
}
