import { z } from 'zod';
import {
  CONTRACT_CLAUSES,
  DILIGENCE_ANSWERS,
  nextSupplierReview,
  REVIEW_STATES,
  reviewStateOf,
  SUPPLY_KINDS,
  supplierWarnings,
  type ReviewState,
  type SupplierFields,
  type SupplyKind,
  type UpdateSupplier,
  type ZSupplierReview,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { SupplierTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { unlinkAllFrom } from '../evidence/links';
import { aiSystemNames, assertAiSystemsOf } from '../inventory/system-links';
import { isActiveMember } from '../orgs/members';
import { ZPeople, type Owned } from '../../platform/people';

// The supplier register (A.10.2, A.10.3): what each supplier provides, which AI systems use it, the
// AI-specific due diligence and contract clauses, and the review cadence. Reviews are recorded with
// their date (the audit trail keeps the note); an overdue review is a task (due.ts).

const ENTITY = 'supplier';

export const ZSupplierOut = z.object({
  id: z.string(),
  ref: z.string().describe('SUP-1, SUP-2, …'),
  name: z.string(),
  supplies: z.string(),
  kind: z.enum(SUPPLY_KINDS),
  aiSystemIds: z.array(z.string()),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  trainsOnInputs: z.enum(DILIGENCE_ANSWERS),
  inputRetention: z.string(),
  modelChangeNotice: z.enum(DILIGENCE_ANSWERS),
  incidentNotice: z.enum(DILIGENCE_ANSWERS),
  dataLocation: z.string(),
  contractClauses: z.array(z.enum(CONTRACT_CLAUSES)),
  reviewCadenceMonths: z.number(),
  lastReviewedOn: z.string().nullable(),
  nextReviewOn: z.string().describe('one cadence after the last review; the day it was entered when never reviewed'),
  reviewState: z.enum(REVIEW_STATES),
  ownerId: z.string().nullable().describe('who manages the supplier: a key of the answer’s `people`'),
  notes: z.string(),
  warnings: z.array(z.string()).describe('AI-specific due-diligence gaps'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** As the service builds it: its owner embedded (the exports print it); answers carry `people`. */
export type SupplierOut = z.infer<typeof ZSupplierOut> & Owned;
/** One record's answer: the record and its owner, in `people` (issue 19). */
export const ZSupplierAnswer = ZSupplierOut.extend({ people: ZPeople });

export type SupplierFilter = {
  id?: string;
  aiSystemId?: string | undefined;
  kind?: SupplyKind | undefined;
  review?: ReviewState | undefined;
  q?: string | undefined;
};

const today = () => nowIso().slice(0, 10);

type Row = SupplierTable & { ownerName: string | null; ownerEmail: string | null };

/** A supplier row as the due list and the register read it: when its next review falls. */
export const nextReviewOf = (r: Pick<SupplierTable, 'lastReviewedOn' | 'reviewCadenceMonths' | 'createdAt'>) =>
  nextSupplierReview({
    lastReviewedOn: r.lastReviewedOn,
    reviewCadenceMonths: r.reviewCadenceMonths,
    createdOn: r.createdAt.slice(0, 10),
  });

export async function loadSuppliers(db: Db | Tx, orgId: string, filter: SupplierFilter = {}): Promise<SupplierOut[]> {
  let q = db
    .selectFrom('suppliers')
    .leftJoin('users', 'users.id', 'suppliers.ownerId')
    .selectAll('suppliers')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where('suppliers.orgId', '=', orgId);
  if (filter.id) q = q.where('suppliers.id', '=', filter.id);
  if (filter.kind) q = q.where('suppliers.kind', '=', filter.kind);
  if (filter.aiSystemId) {
    const systemId = filter.aiSystemId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('supplierSystems')
          .select('supplierSystems.supplierId')
          .whereRef('supplierSystems.supplierId', '=', 'suppliers.id')
          .where('supplierSystems.aiSystemId', '=', systemId),
      ),
    );
  }
  const rows: Row[] = await q.orderBy('suppliers.number').execute();
  if (!rows.length) return [];
  const links = await db
    .selectFrom('supplierSystems')
    .selectAll()
    .where('orgId', '=', orgId)
    .where(
      'supplierId',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const names = await aiSystemNames(
    db,
    orgId,
    links.map((l) => l.aiSystemId),
  );
  const now = today();
  const needle = filter.q?.trim().toLowerCase();
  return rows
    .map((r): SupplierOut => {
      const systemIds = links.filter((l) => l.supplierId === r.id).map((l) => l.aiSystemId);
      const nextReviewOn = nextReviewOf(r);
      const diligence = {
        trainsOnInputs: r.trainsOnInputs as SupplierOut['trainsOnInputs'],
        inputRetention: r.inputRetention,
        modelChangeNotice: r.modelChangeNotice as SupplierOut['modelChangeNotice'],
        incidentNotice: r.incidentNotice as SupplierOut['incidentNotice'],
        dataLocation: r.dataLocation,
        contractClauses: JSON.parse(r.contractClauses) as SupplierOut['contractClauses'],
      };
      return {
        id: r.id,
        ref: `SUP-${r.number}`,
        name: r.name,
        supplies: r.supplies,
        kind: r.kind as SupplyKind,
        aiSystemIds: systemIds,
        aiSystems: systemIds.map((id) => ({ id, name: names.get(id) ?? '' })),
        ...diligence,
        reviewCadenceMonths: r.reviewCadenceMonths,
        lastReviewedOn: r.lastReviewedOn,
        nextReviewOn,
        reviewState: reviewStateOf(nextReviewOn, now),
        ownerId: r.ownerId,
        owner:
          r.ownerId && r.ownerName !== null && r.ownerEmail !== null
            ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
            : null,
        notes: r.notes,
        warnings: supplierWarnings(diligence),
        version: r.version,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      };
    })
    .filter((s) => !filter.review || s.reviewState === filter.review)
    .filter((s) => !needle || `${s.ref} ${s.name} ${s.supplies}`.toLowerCase().includes(needle));
}

const find = async (db: Db | Tx, orgId: string, id: string) => (await loadSuppliers(db, orgId, { id }))[0];

export const listSuppliers = (deps: Deps, orgId: string, filter: Omit<SupplierFilter, 'id'>) =>
  loadSuppliers(deps.db, orgId, filter);

export async function getSupplier(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Supplier');
  return found;
}

/** The record without derived fields: what the audit trail compares. */
const audited = ({ owner: _o, aiSystems: _s, warnings: _w, nextReviewOn: _n, reviewState: _r, ...rest }: SupplierOut) =>
  rest;

async function assertOwner(tx: Tx, orgId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId)))
    throw ruleViolation('Owner must be a current member of this organization', { field: 'ownerId' });
}

async function setSystems(tx: Tx, orgId: string, supplierId: string, aiSystemIds: string[]) {
  await tx.deleteFrom('supplierSystems').where('orgId', '=', orgId).where('supplierId', '=', supplierId).execute();
  if (aiSystemIds.length)
    await tx
      .insertInto('supplierSystems')
      .values(aiSystemIds.map((aiSystemId) => ({ orgId, supplierId, aiSystemId })))
      .execute();
}

const assertReviewDate = (on: string | null | undefined) => {
  if (on && on > today())
    throw ruleViolation('Last reviewed on cannot be in the future: enter the day the review was done', {
      field: 'lastReviewedOn',
    });
};

export function createSupplier(deps: Deps, actor: Actor, orgId: string, input: SupplierFields) {
  return inTransaction(deps, async (tx, audit) => {
    await assertOwner(tx, orgId, input.ownerId);
    await assertAiSystemsOf(tx, orgId, input.aiSystemIds);
    assertReviewDate(input.lastReviewedOn);
    const number = await nextNumber(tx, orgId, 'supplier');
    const now = nowIso();
    const id = newId();
    const { aiSystemIds, contractClauses, ...fields } = input;
    await tx
      .insertInto('suppliers')
      .values({
        id,
        orgId,
        number,
        ...fields,
        contractClauses: JSON.stringify(contractClauses),
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    await setSystems(tx, orgId, id, aiSystemIds);
    const created = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'supplier.created',
      entityType: ENTITY,
      entityId: id,
      after: audited(created),
    });
    return created;
  });
}

export function updateSupplier(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateSupplier) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Supplier');
    if (before.version !== patch.version) throw staleVersion('supplier', before);
    const { version, aiSystemIds, contractClauses, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    if (changes.ownerId !== undefined && changes.ownerId !== before.ownerId)
      await assertOwner(tx, orgId, changes.ownerId);
    if (aiSystemIds !== undefined) await assertAiSystemsOf(tx, orgId, aiSystemIds);
    assertReviewDate(changes.lastReviewedOn);
    await writeOne(
      tx
        .updateTable('suppliers')
        .set({
          ...defined,
          ...(contractClauses !== undefined ? { contractClauses: JSON.stringify(contractClauses) } : {}),
          version: version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('supplier', before),
    );
    if (aiSystemIds !== undefined) await setSystems(tx, orgId, id, aiSystemIds);
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'supplier.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** A review done on a day: moves the next review one cadence on; the note stays in the audit trail. */
export function recordSupplierReview(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  input: z.output<typeof ZSupplierReview>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Supplier');
    if (before.version !== input.version) throw staleVersion('supplier', before);
    if (input.reviewedOn > today())
      throw ruleViolation('Reviewed on cannot be in the future: enter the day the review was done', {
        field: 'reviewedOn',
      });
    if (before.lastReviewedOn && input.reviewedOn < before.lastReviewedOn)
      throw ruleViolation(`Reviewed on is before the last review (${before.lastReviewedOn}): enter the latest review`, {
        field: 'reviewedOn',
      });
    await writeOne(
      tx
        .updateTable('suppliers')
        .set({
          lastReviewedOn: input.reviewedOn,
          version: input.version + 1,
          updatedAt: nowIso(),
          updatedBy: actor.userId,
        })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', input.version),
      () => staleVersion('supplier', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'supplier.reviewed',
      entityType: ENTITY,
      entityId: id,
      before: { lastReviewedOn: before.lastReviewedOn },
      after: { lastReviewedOn: after.lastReviewedOn, note: input.note },
    });
    return after;
  });
}

export function removeSupplier(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Supplier');
    await unlinkAllFrom(tx, orgId, 'supplier', id);
    await tx.deleteFrom('supplierSystems').where('orgId', '=', orgId).where('supplierId', '=', id).execute();
    await writeOne(tx.deleteFrom('suppliers').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Supplier'),
    );
    await audit({
      orgId,
      actor,
      action: 'supplier.deleted',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
    });
  });
}
