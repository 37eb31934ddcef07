import type { Actor } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { notFound, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { REQUIREMENT, findAssessment, itemsOf } from './repository';
import { requirements } from './requirements';
import type { GapItem } from './schema';
import { writeOne } from '../../platform/db/versioned';
import { copyEvidenceLinks } from '../evidence/links';
import { ASSESSMENT, assessmentOrThrow, summary } from './read';

export async function insertItems(tx: Tx, orgId: string, assessmentId: string, actor: Actor, from?: GapItem[]) {
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
