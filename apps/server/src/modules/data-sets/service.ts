import { z } from 'zod';
import {
  DATA_SET_PURPOSES,
  DATA_SOURCE_KINDS,
  dataSetRuleViolation,
  dataSetWarnings,
  LEGAL_BASES,
  QUALITY_RESULTS,
  SPECIAL_CATEGORIES,
  type DataSetFields,
  type DataSetPurpose,
  type UpdateDataSet,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { DataSetTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { evidenceForMany, unlinkAllFrom } from '../evidence/links';
import { aiSystemNames, assertAiSystemsOf } from '../inventory/system-links';
import { isActiveMember } from '../orgs/members';
import { ZPeople, type Owned } from '../../platform/people';

// Data sets for AI systems (A.7): one record per data set, linked to the AI systems that use it
// (table data_set_systems) and to its licence or consent evidence in the evidence library (subject
// type 'data_set'). The warnings say what an auditor sampling A.7 would miss.

const ENTITY = 'data_set';

const ZEvidenceSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  expiryState: z.string(),
});
export const ZDataSetOut = z.object({
  id: z.string(),
  ref: z.string().describe('DS-1, DS-2, …'),
  name: z.string(),
  description: z.string(),
  purpose: z.enum(DATA_SET_PURPOSES),
  sourceKind: z.enum(DATA_SOURCE_KINDS),
  source: z.string(),
  provenance: z.string(),
  acquiredOn: z.string().nullable(),
  legalBasis: z.enum(LEGAL_BASES),
  legalBasisDetail: z.string(),
  qualityChecks: z.array(
    z.object({ check: z.string(), result: z.enum(QUALITY_RESULTS), checkedOn: z.string().nullable(), note: z.string() }),
  ),
  preparation: z.string(),
  personalData: z.boolean(),
  specialCategories: z.array(z.enum(SPECIAL_CATEGORIES)),
  retention: z.string(),
  retainUntil: z.string().nullable(),
  ownerId: z.string().nullable().describe('who answers for it: a key of the answer’s `people`'),
  aiSystemIds: z.array(z.string()),
  aiSystems: z.array(z.object({ id: z.string(), name: z.string() })),
  evidence: z.array(ZEvidenceSummary).describe('the licence, consent or contract evidence linked to the data set'),
  warnings: z.array(z.string()).describe('what the record still lacks for A.7'),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** As the service builds it: its owner embedded (the exports print it); answers carry `people`. */
export type DataSetOut = z.infer<typeof ZDataSetOut> & Owned;
/** One record's answer: the record and its owner, in `people` (issue 19). */
export const ZDataSetAnswer = ZDataSetOut.extend({ people: ZPeople });

export type DataSetFilter = {
  id?: string;
  aiSystemId?: string | undefined;
  purpose?: DataSetPurpose | undefined;
  personalData?: boolean | undefined;
};

type Row = DataSetTable & { ownerName: string | null; ownerEmail: string | null };

export async function loadDataSets(db: Db | Tx, orgId: string, filter: DataSetFilter = {}): Promise<DataSetOut[]> {
  let q = db
    .selectFrom('dataSets')
    .leftJoin('users', 'users.id', 'dataSets.ownerId')
    .selectAll('dataSets')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where('dataSets.orgId', '=', orgId);
  if (filter.id) q = q.where('dataSets.id', '=', filter.id);
  if (filter.purpose) q = q.where('dataSets.purpose', '=', filter.purpose);
  if (filter.personalData !== undefined) q = q.where('dataSets.personalData', '=', filter.personalData ? 1 : 0);
  if (filter.aiSystemId) {
    const systemId = filter.aiSystemId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('dataSetSystems')
          .select('dataSetSystems.dataSetId')
          .whereRef('dataSetSystems.dataSetId', '=', 'dataSets.id')
          .where('dataSetSystems.aiSystemId', '=', systemId),
      ),
    );
  }
  const rows: Row[] = await q.orderBy('dataSets.number').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [links, evidence] = await Promise.all([
    db.selectFrom('dataSetSystems').selectAll().where('orgId', '=', orgId).where('dataSetId', 'in', ids).execute(),
    evidenceForMany(db, orgId, 'data_set', ids),
  ]);
  const names = await aiSystemNames(
    db,
    orgId,
    links.map((l) => l.aiSystemId),
  );
  return rows.map((r) => {
    const systemIds = links.filter((l) => l.dataSetId === r.id).map((l) => l.aiSystemId);
    const ev = evidence.get(r.id) ?? [];
    const fields = {
      provenance: r.provenance,
      legalBasis: r.legalBasis as DataSetOut['legalBasis'],
      qualityChecks: JSON.parse(r.qualityChecks) as DataSetOut['qualityChecks'],
      preparation: r.preparation,
      personalData: r.personalData === 1,
      specialCategories: JSON.parse(r.specialCategories) as DataSetOut['specialCategories'],
      retention: r.retention,
      retainUntil: r.retainUntil,
      aiSystemIds: systemIds,
    };
    return {
      id: r.id,
      ref: `DS-${r.number}`,
      name: r.name,
      description: r.description,
      purpose: r.purpose as DataSetPurpose,
      sourceKind: r.sourceKind as DataSetOut['sourceKind'],
      source: r.source,
      acquiredOn: r.acquiredOn,
      legalBasisDetail: r.legalBasisDetail,
      ...fields,
      ownerId: r.ownerId,
      owner:
          r.ownerId && r.ownerName !== null && r.ownerEmail !== null
            ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
            : null,
      aiSystems: systemIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      evidence: ev.map((e) => ({ id: e.id, reference: e.reference, title: e.title, expiryState: e.expiryState })),
      warnings: dataSetWarnings(fields, ev.length),
      version: r.version,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

const find = async (db: Db | Tx, orgId: string, id: string) => (await loadDataSets(db, orgId, { id }))[0];

export const listDataSets = (deps: Deps, orgId: string, filter: Omit<DataSetFilter, 'id'>) =>
  loadDataSets(deps.db, orgId, filter);

export async function getDataSet(deps: Deps, orgId: string, id: string) {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Data set');
  return found;
}

/** The record without derived fields: what the audit trail compares. */
const audited = ({ owner: _o, aiSystems: _s, evidence: _e, warnings: _w, ...rest }: DataSetOut) => rest;

async function assertOwner(tx: Tx, orgId: string, ownerId: string | null | undefined) {
  if (ownerId && !(await isActiveMember(tx, orgId, ownerId)))
    throw ruleViolation('Owner must be a current member of this organization', { field: 'ownerId' });
}

async function setSystems(tx: Tx, orgId: string, dataSetId: string, aiSystemIds: string[]) {
  await tx.deleteFrom('dataSetSystems').where('orgId', '=', orgId).where('dataSetId', '=', dataSetId).execute();
  if (aiSystemIds.length)
    await tx
      .insertInto('dataSetSystems')
      .values(aiSystemIds.map((aiSystemId) => ({ orgId, dataSetId, aiSystemId })))
      .execute();
}

type Columns = Omit<DataSetFields, 'aiSystemIds'>;
const columnsOf = (f: Partial<Columns>) => {
  const { qualityChecks, specialCategories, personalData, ...rest } = f;
  return {
    ...rest,
    ...(qualityChecks !== undefined ? { qualityChecks: JSON.stringify(qualityChecks) } : {}),
    ...(specialCategories !== undefined ? { specialCategories: JSON.stringify(specialCategories) } : {}),
    ...(personalData !== undefined ? { personalData: personalData ? 1 : 0 } : {}),
  };
};

export function createDataSet(deps: Deps, actor: Actor, orgId: string, input: DataSetFields) {
  return inTransaction(deps, async (tx, audit) => {
    await assertOwner(tx, orgId, input.ownerId);
    await assertAiSystemsOf(tx, orgId, input.aiSystemIds);
    const number = await nextNumber(tx, orgId, 'data_set');
    const now = nowIso();
    const id = newId();
    const { aiSystemIds, qualityChecks, specialCategories, personalData, ...fields } = input;
    await tx
      .insertInto('dataSets')
      .values({
        id,
        orgId,
        number,
        ...fields,
        qualityChecks: JSON.stringify(qualityChecks),
        specialCategories: JSON.stringify(specialCategories),
        personalData: personalData ? 1 : 0,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    await setSystems(tx, orgId, id, aiSystemIds);
    const created = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'data_set.created', entityType: ENTITY, entityId: id, after: audited(created) });
    return created;
  });
}

export function updateDataSet(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateDataSet) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Data set');
    if (before.version !== patch.version) throw staleVersion('data set', before);
    const { version, aiSystemIds, ...changes } = patch;
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Columns>;
    const problem = dataSetRuleViolation({
      personalData: defined.personalData ?? before.personalData,
      specialCategories: defined.specialCategories ?? before.specialCategories,
    });
    if (problem) throw ruleViolation(problem, { field: 'specialCategories' });
    if (defined.ownerId !== undefined && defined.ownerId !== before.ownerId) await assertOwner(tx, orgId, defined.ownerId);
    if (aiSystemIds !== undefined) await assertAiSystemsOf(tx, orgId, aiSystemIds);
    await writeOne(
      tx
        .updateTable('dataSets')
        .set({ ...columnsOf(defined), version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('data set', before),
    );
    if (aiSystemIds !== undefined) await setSystems(tx, orgId, id, aiSystemIds);
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'data_set.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function removeDataSet(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Data set');
    await unlinkAllFrom(tx, orgId, 'data_set', id);
    await tx.deleteFrom('dataSetSystems').where('orgId', '=', orgId).where('dataSetId', '=', id).execute();
    await writeOne(tx.deleteFrom('dataSets').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Data set'),
    );
    await audit({ orgId, actor, action: 'data_set.deleted', entityType: ENTITY, entityId: id, before: audited(before) });
  });
}
