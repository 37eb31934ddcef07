import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { covers, documentCode, VERSION_STATE_LABELS, type UpdateChecklistItem } from '@fortytwo/domain';
import { builtinCatalog } from '../catalog/builtin';
import { labelOf, stateOf, versionsOf } from '../documents/repository';
import { readSettings } from '../documents/settings';
import { documentTypes } from '../documents/types';
import { evidenceForMany } from '../evidence/links';
import { find } from './read';

// The checklist (9.2.2): generated from the scope with what an auditor looks for, the documents and
// evidence in scope, then answered item by item (result, notes, sample, evidence).

/** The checklist of a scope: each assessable clause or control under a scope ref, with what an auditor looks for. */
async function checklistFor(db: Db | Tx, orgId: string, refs: string[]) {
  const iso = builtinCatalog();
  const items = (iso.framework('iso42001')?.items ?? []).filter(
    (i) => i.assessable && refs.some((r) => r === i.ref || i.ref.startsWith(`${r}.`)),
  );
  const custom = await db
    .selectFrom('customControls')
    .select(['ref', 'title', 'description'])
    .where('orgId', '=', orgId)
    .where('ref', 'in', refs.length ? refs : ['\u0000'])
    .execute();
  const all = [
    ...items.map((i) => ({
      ref: i.ref,
      title: i.title,
      looksFor: i.guidance?.auditorLooksFor ?? i.summary ?? '',
      expected: i.guidance?.evidence ?? [],
    })),
    ...custom.map((c) => ({ ref: c.ref, title: c.title, looksFor: c.description, expected: [] as string[] })),
  ];
  const evidence = await evidenceForMany(
    db,
    orgId,
    'control',
    all.map((i) => i.ref),
  );
  const types = documentTypes();
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'title', 'typeId', 'prefix', 'number'])
    .where('orgId', '=', orgId)
    .execute();
  // The version an auditor samples: the one in force, else the latest (versions come newest first).
  const versions = await versionsOf(
    db,
    orgId,
    docs.map((d) => d.id),
  );
  const { codePrefix } = await readSettings(db, orgId);
  const label = (d: (typeof docs)[number]) => {
    const mine = versions.filter((v) => v.documentId === d.id);
    const v = mine.find((x) => x.state === 'published') ?? mine[0];
    const code = documentCode(codePrefix, d.prefix, d.number);
    return v ? `${code} v${labelOf(v)} (${VERSION_STATE_LABELS[stateOf(v)].toLowerCase()})` : code;
  };
  return all.map((i) => ({
    ...i,
    sources: {
      documents: docs
        .filter((d) =>
          (types.find((t) => t.id === d.typeId)?.refs ?? []).some((r) => covers([r], i.ref) || covers([i.ref], r)),
        )
        .map((d) => ({ id: d.id, title: d.title, version: label(d) })),
      evidence: (evidence.get(i.ref) ?? []).map((e) => ({ id: e.id, reference: e.reference, title: e.title })),
      expectedEvidence: i.expected,
    },
  }));
}

export async function writeChecklist(tx: Tx, orgId: string, auditId: string, refs: string[], actor: Actor) {
  await tx.deleteFrom('auditChecklistItems').where('orgId', '=', orgId).where('auditId', '=', auditId).execute();
  const items = await checklistFor(tx, orgId, refs);
  const now = nowIso();
  let position = 0;
  for (const i of items)
    await tx
      .insertInto('auditChecklistItems')
      .values({
        id: newId(),
        orgId,
        auditId,
        position: ++position,
        ref: i.ref,
        title: i.title,
        looksFor: i.looksFor,
        sources: JSON.stringify(i.sources),
        result: 'open',
        notes: '',
        sampled: '',
        sampleSize: null,
        population: '',
        evidenceIds: '[]',
        version: 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
}

export async function openAudit(tx: Tx, orgId: string, id: string) {
  const a = await find(tx, orgId, id);
  if (!a) throw notFound('Audit');
  if (a.status === 'completed' || a.status === 'cancelled')
    throw ruleViolation(`${a.ref} is ${a.status}: its checklist and findings are frozen.`);
  return a;
}

export async function assertEvidence(tx: Tx, orgId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await tx
    .selectFrom('evidence')
    .select('id')
    .where('orgId', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== new Set(ids).size)
    throw ruleViolation('Every attached evidence must be a record of this organization’s evidence library', {
      field: 'evidenceIds',
    });
}

export function updateChecklistItem(
  deps: Deps,
  actor: Actor,
  orgId: string,
  auditId: string,
  itemId: string,
  patch: UpdateChecklistItem,
) {
  return inTransaction(deps, async (tx, audit) => {
    const a = await openAudit(tx, orgId, auditId);
    const before = a.checklist.find((i) => i.id === itemId);
    if (!before) throw notFound('Checklist item');
    if (before.version !== patch.version) throw staleVersion('checklist item', before);
    const { version, evidenceIds, ...rest } = patch;
    if (evidenceIds) await assertEvidence(tx, orgId, evidenceIds);
    await writeOne(
      tx
        .updateTable('auditChecklistItems')
        .set({
          ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
          ...(evidenceIds ? { evidenceIds: JSON.stringify([...new Set(evidenceIds)]) } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', itemId)
        .where('version', '=', version),
      () => staleVersion('checklist item', before),
    );
    // Answering the first item starts the audit.
    if (a.status === 'planned')
      await tx
        .updateTable('audits')
        // Bumped in SQL: another item answered at the same moment must not land on the same version.
        .set((eb) => ({
          status: 'in_progress',
          version: eb('version', '+', 1),
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        }))
        .where('id', '=', auditId)
        .where('status', '=', 'planned')
        .execute();
    const after = (await find(tx, orgId, auditId))!.checklist.find((i) => i.id === itemId)!;
    await audit({
      orgId,
      actor,
      action: 'audit.checklist_answered',
      entityType: 'audit',
      entityId: auditId,
      before,
      after,
    });
    return after;
  });
}
