import { gapList, notApplicableProblem, type GapItemPatch } from '@fortytwo/domain';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import type { GapAssessmentTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { createActionsInTx } from '../actions/service';
import { findItem, itemsOf } from './repository';
import type { GapItem } from './schema';
import { writeOne } from '../../platform/db/versioned';
import { ITEM, assessmentOrThrow } from './read';

// Answering items (one by one, or a checked patch from a workbook) and turning gaps into actions.

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
