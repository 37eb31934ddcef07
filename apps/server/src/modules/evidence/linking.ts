import { type EvidenceSubjectType } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { evidenceReference, type LinkInput } from './subjects';

async function evidenceRow(tx: Db | Tx, orgId: string, evidenceId: string) {
  const row = await tx
    .selectFrom('evidence')
    .select(['id', 'number', 'title'])
    .where('orgId', '=', orgId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw notFound('Evidence');
  return row;
}

/** Attaches evidence to a record; already attached is fine (nothing changes, no event). Answers whether a link was added. */
export async function linkEvidence(tx: Tx, input: LinkInput): Promise<boolean> {
  const ev = await evidenceRow(tx, input.orgId, input.evidenceId);
  const res = await tx
    .insertInto('evidenceLinks')
    .values({
      orgId: input.orgId,
      evidenceId: ev.id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      linkedBy: input.by.userId,
      linkedAt: nowIso(),
    })
    .onConflict((oc) => oc.columns(['evidenceId', 'subjectType', 'subjectId']).doNothing())
    .executeTakeFirst();
  const added = Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
  if (added)
    await input.audit({
      orgId: input.orgId,
      actor: input.by,
      action: 'evidence.linked',
      entityType: 'evidence',
      entityId: ev.id,
      after: { reference: evidenceReference(ev.number), subjectType: input.subjectType, subjectId: input.subjectId },
    });
  return added;
}

export async function unlinkEvidence(tx: Tx, input: LinkInput): Promise<void> {
  const ev = await evidenceRow(tx, input.orgId, input.evidenceId);
  const res = await tx
    .deleteFrom('evidenceLinks')
    .where('orgId', '=', input.orgId)
    .where('evidenceId', '=', ev.id)
    .where('subjectType', '=', input.subjectType)
    .where('subjectId', '=', input.subjectId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1)
    throw notFound(`A link from ${evidenceReference(ev.number)} to this ${input.subjectType.replace(/_/g, ' ')}`);
  await input.audit({
    orgId: input.orgId,
    actor: input.by,
    action: 'evidence.unlinked',
    entityType: 'evidence',
    entityId: ev.id,
    before: { reference: evidenceReference(ev.number), subjectType: input.subjectType, subjectId: input.subjectId },
  });
}

/** Gives each record in `to` (new id by old id) the evidence of its record in `from` (a snapshot, a copy). */
export async function copyEvidenceLinks(
  tx: Tx,
  input: { orgId: string; subjectType: EvidenceSubjectType; to: Map<string, string>; by: Actor },
): Promise<void> {
  if (input.to.size === 0) return;
  const rows = await tx
    .selectFrom('evidenceLinks')
    .select(['evidenceId', 'subjectId'])
    .where('orgId', '=', input.orgId)
    .where('subjectType', '=', input.subjectType)
    .where('subjectId', 'in', [...input.to.keys()])
    .execute();
  const now = nowIso();
  const values = rows.map((r) => ({
    orgId: input.orgId,
    evidenceId: r.evidenceId,
    subjectType: input.subjectType,
    subjectId: input.to.get(r.subjectId)!,
    linkedBy: input.by.userId,
    linkedAt: now,
  }));
  if (values.length)
    await tx
      .insertInto('evidenceLinks')
      .values(values)
      .onConflict((oc) => oc.columns(['evidenceId', 'subjectType', 'subjectId']).doNothing())
      .execute();
}

/** Removes every link to a record that is being deleted (the evidence stays in the library). */
export async function unlinkAllFrom(
  tx: Tx,
  orgId: string,
  subjectType: EvidenceSubjectType,
  subjectId: string,
): Promise<void> {
  await tx
    .deleteFrom('evidenceLinks')
    .where('orgId', '=', orgId)
    .where('subjectType', '=', subjectType)
    .where('subjectId', '=', subjectId)
    .execute();
}
