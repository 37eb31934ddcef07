import {
  compareResult,
  computeScores,
  gapList,
  notApplicableProblem,
  SCORE_FORMULA,
  type Change,
  type GapItemPatch,
  type GapResult,
} from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import type { GapAssessmentTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { createActionsInTx, listActions, type ActionOut } from '../actions/service';
import { REQUIREMENT, findAssessment, findItem, itemsOf, listAssessmentRows, resultsByAssessment } from './repository';
import { requirementByRef, requirements } from './requirements';
import type { GapAssessmentSummary, GapItem } from './schema';
import { writeOne } from '../../platform/db/versioned';
import { copyEvidenceLinks } from '../evidence/links';

const ASSESSMENT = 'gap_assessment';
const ITEM = 'gap_assessment_item';

const scoreInputs = (items: { ref: string; result: string | null; maturity: number | null }[]) =>
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

function summary(
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

async function assessmentOrThrow(db: Deps['db'] | Tx, orgId: string, id: string) {
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

async function insertItems(tx: Tx, orgId: string, assessmentId: string, actor: Actor, from?: GapItem[]) {
  const now = nowIso();
  const byRef = new Map(from?.map((i) => [i.ref, i]));
  const rows = requirements().map((r) => {
    const src = byRef.get(r.ref);
    return {
      id: newId(),
      orgId,
      assessmentId,
      ref: r.ref,
      position: r.position,
      status: src?.status ?? 'not_started',
      result: src?.result ?? null,
      maturity: src?.maturity ?? null,
      justification: src?.justification ?? '',
      notes: src?.notes ?? '',
      ownerId: src?.ownerId ?? null,
      targetDate: src?.targetDate ?? null,
      evidenceLinks: JSON.stringify(src?.evidenceLinks ?? []),
      aiSystemIds: JSON.stringify(src?.aiSystemIds ?? []),
      version: 1,
      updatedAt: now,
      updatedBy: actor.userId,
    };
  });
  await tx.insertInto('gapAssessmentItems').values(rows).execute();
  if (from) {
    // A snapshot keeps the evidence as it was: its items are attached to the same evidence.
    const newIdOf = new Map(rows.map((r) => [r.ref, r.id]));
    await copyEvidenceLinks(tx, {
      orgId,
      subjectType: REQUIREMENT,
      to: new Map(from.map((i) => [i.id, newIdOf.get(i.ref)!])),
      by: actor,
    });
  }
}

/** A new working assessment with one unanswered item per assessable requirement (70). */
export function createAssessment(deps: Deps, actor: Actor, orgId: string, input: { name: string }) {
  return inTransaction(deps, async (tx, audit) => {
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('gapAssessments')
      .values({
        id,
        orgId,
        name: input.name,
        kind: 'working',
        sourceId: null,
        frozenAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .execute();
    await insertItems(tx, orgId, id, actor);
    await audit({
      orgId,
      actor,
      action: 'gap_assessment.created',
      entityType: ASSESSMENT,
      entityId: id,
      after: { name: input.name, items: requirements().length },
    });
    const items = await itemsOf(tx, orgId, id);
    return { ...summary((await findAssessment(tx, orgId, id))!, items), items };
  });
}

export function renameAssessment(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: { version: number; name: string },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await assessmentOrThrow(tx, orgId, id);
    if (before.version !== input.version) throw staleVersion('gap assessment', { ...before });
    await writeOne(
      tx
        .updateTable('gapAssessments')
        .set({ name: input.name, version: before.version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('gap assessment', { ...before }),
    );
    await audit({
      orgId,
      actor,
      action: 'gap_assessment.renamed',
      entityType: ASSESSMENT,
      entityId: id,
      before: { name: before.name },
      after: { name: input.name },
    });
    const items = await itemsOf(tx, orgId, id);
    return summary((await findAssessment(tx, orgId, id))!, items);
  });
}

export function removeAssessment(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await assessmentOrThrow(tx, orgId, id);
    const items = await itemsOf(tx, orgId, id);
    await writeOne(tx.deleteFrom('gapAssessments').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Gap assessment'),
    );
    // Its requirements no longer exist: their evidence stays in the library, detached from them.
    if (items.length)
      await tx
        .deleteFrom('evidenceLinks')
        .where('orgId', '=', orgId)
        .where('subjectType', '=', REQUIREMENT)
        .where(
          'subjectId',
          'in',
          items.map((i) => i.id),
        )
        .execute();
    // The answers stay readable in the audit trail after the assessment is gone.
    await audit({
      orgId,
      actor,
      action: 'gap_assessment.deleted',
      entityType: ASSESSMENT,
      entityId: id,
      before: { ...summary(before, items), items },
    });
  });
}

/**
 * Checks one change against the rules the schema cannot see; returns the problems, empty when fine.
 * Used by a single PATCH and by the workbook import, which must report every row before applying any.
 */
export async function problemsWithPatch(
  tx: Tx,
  orgId: string,
  current: GapItem,
  patch: Omit<GapItemPatch, 'version'>,
): Promise<{ field: string; message: string }[]> {
  const problems: { field: string; message: string }[] = [];
  const result = patch.result !== undefined ? patch.result : current.result;
  const justification = patch.justification ?? current.justification;
  const na = notApplicableProblem(current.ref, result, justification);
  if (na) problems.push({ field: patch.result !== undefined ? 'result' : 'justification', message: na });
  if (patch.ownerId && patch.ownerId !== current.ownerId && !(await isActiveMember(tx, orgId, patch.ownerId))) {
    problems.push({ field: 'ownerId', message: 'The owner must be a current member of this organization' });
  }
  if (patch.aiSystemIds?.length) {
    const found = await tx
      .selectFrom('aiSystems')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', 'in', patch.aiSystemIds)
      .execute();
    const missing = patch.aiSystemIds.filter((x) => !found.some((f) => f.id === x));
    if (missing.length)
      problems.push({
        field: 'aiSystemIds',
        message: `Unknown AI system${missing.length > 1 ? 's' : ''} in this organization: ${missing.join(', ')}`,
      });
  }
  return problems;
}

/** Applies a checked change; the caller holds the transaction and has checked `problemsWithPatch`. */
export async function applyPatch(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  current: GapItem,
  patch: Omit<GapItemPatch, 'version'>,
): Promise<GapItem> {
  const set: Record<string, unknown> = {};
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.result !== undefined) set.result = patch.result;
  if (patch.maturity !== undefined) set.maturity = patch.maturity;
  if (patch.justification !== undefined) set.justification = patch.justification;
  if (patch.notes !== undefined) set.notes = patch.notes;
  if (patch.ownerId !== undefined) set.ownerId = patch.ownerId;
  if (patch.targetDate !== undefined) set.targetDate = patch.targetDate;
  if (patch.evidenceLinks !== undefined) set.evidenceLinks = JSON.stringify(patch.evidenceLinks);
  if (patch.aiSystemIds !== undefined) set.aiSystemIds = JSON.stringify([...new Set(patch.aiSystemIds)]);
  // Answering an untouched item moves it along: a result without a status means work has started.
  if (
    patch.result !== undefined &&
    patch.status === undefined &&
    current.status === 'not_started' &&
    patch.result !== null
  )
    set.status = 'in_progress';
  const now = nowIso();
  await writeOne(
    tx
      .updateTable('gapAssessmentItems')
      .set({ ...set, version: current.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where('orgId', '=', orgId)
      .where('assessmentId', '=', assessmentId)
      .where('ref', '=', current.ref)
      .where('version', '=', current.version),
    () => staleVersion('requirement', current),
  );
  await tx
    .updateTable('gapAssessments')
    .set({ updatedAt: now, updatedBy: actor.userId })
    .where('id', '=', assessmentId)
    .execute();
  const after = (await findItem(tx, orgId, assessmentId, current.ref))!;
  const changed = Object.keys(set);
  const pick = (i: GapItem) => Object.fromEntries(changed.map((k) => [k, i[k as keyof GapItem]]));
  await audit({
    orgId,
    actor,
    action: 'gap_item.updated',
    entityType: ITEM,
    entityId: after.id,
    before: { ref: current.ref, ...pick(current) },
    after: { ref: after.ref, ...pick(after) },
  });
  return after;
}

export function assertWorking(a: GapAssessmentTable) {
  if (a.kind === 'snapshot')
    throw ruleViolation(
      `"${a.name}" is a snapshot, frozen on ${a.frozenAt?.slice(0, 10) ?? 'its date'}: it cannot change. Edit the working assessment it was taken from.`,
    );
}

export function updateItem(
  deps: Deps,
  actor: Actor,
  orgId: string,
  assessmentId: string,
  ref: string,
  patch: GapItemPatch,
): Promise<GapItem> {
  return inTransaction(deps, async (tx, audit) => {
    const a = await assessmentOrThrow(tx, orgId, assessmentId);
    const current = await findItem(tx, orgId, assessmentId, ref);
    if (!current) throw notFound(`Requirement "${ref}" in this assessment`);
    assertWorking(a);
    if (current.version !== patch.version) throw staleVersion('requirement', current);
    const { version: _version, ...changes } = patch;
    const problems = await problemsWithPatch(tx, orgId, current, changes);
    if (problems.length)
      throw ruleViolation(problems[0]!.message, {
        field: problems[0]!.field,
        issues: problems.map((p) => ({ path: p.field, message: p.message })),
      });
    return applyPatch(tx, audit, actor, orgId, assessmentId, current, changes);
  });
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

/** Turns chosen gaps into actions in one step: one action per gap, owner and due date shared. */
export function gapsToActions(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: { refs: string[]; ownerId: string | null; dueDate: string | null },
) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await assessmentOrThrow(tx, orgId, id);
    assertWorking(a);
    const items = await itemsOf(tx, orgId, id);
    const gaps = new Set(gapList(items).map((i) => i.ref));
    const wanted = [...new Set(input.refs)];
    const unknown = wanted.filter((r) => !items.some((i) => i.ref === r));
    if (unknown.length)
      throw ruleViolation(`Not requirements of this assessment: ${unknown.join(', ')}`, { field: 'refs' });
    const notGaps = wanted.filter((r) => !gaps.has(r));
    if (notGaps.length)
      throw ruleViolation(`Not gaps (conformant or not applicable): ${notGaps.join(', ')}`, { field: 'refs' });
    const chosen = items.filter((i) => wanted.includes(i.ref));
    return createActionsInTx(
      tx,
      audit,
      actor,
      orgId,
      chosen.map((i) => ({
        title: `Close the gap on ${i.ref} ${i.title}`,
        description: [i.notes && `Current practice: ${i.notes}`, `From the gap assessment "${a.name}".`]
          .filter(Boolean)
          .join('\n\n'),
        ownerId: input.ownerId ?? i.ownerId,
        dueDate: input.dueDate ?? i.targetDate,
        status: 'open' as const,
        sourceType: 'gap_item',
        sourceId: i.id,
        sourceRef: i.ref,
      })),
    );
  });
}

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
