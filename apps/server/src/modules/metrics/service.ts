import { z } from 'zod';
import {
  METRIC_FREQUENCIES,
  MEASUREMENT_SOURCES,
  nextMeasurementDue,
  thresholdState,
  type MetricFields,
  type MetricFrequency,
  type UpdateMetric,
} from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { nextNumber } from '../../platform/db/record-numbers';
import type { MeasurementTable, MetricBreachTable, MetricTable } from '../../platform/db/schema';
import { writeOne } from '../../platform/db/versioned';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from '../catalog/builtin';
import { isActiveMember } from '../orgs/members';
import { ZPeople, type Owned } from '../../platform/people';

// Metrics (9.1): what is monitored, how, how often, by whom, and the thresholds it must stay
// within. The list shows each metric's latest value and where it lies, the day the next
// measurement is due, and the breach episode in course, if any.

const ENTITY = 'metric';

export const ZMeasurementOut = z.object({
  id: z.string(),
  at: z.string(),
  value: z.number(),
  note: z.string(),
  source: z.enum(MEASUREMENT_SOURCES),
  state: z.enum(['below', 'within', 'above']).describe('against the thresholds in force now'),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
});
export const ZBreachOut = z.object({
  id: z.string(),
  state: z.enum(['below', 'above']),
  openedAt: z.string(),
  openingValue: z.number(),
  actionId: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export const ZMetricOut = z.object({
  id: z.string(),
  ref: z.string().describe('M-1, M-2, …'),
  name: z.string(),
  description: z.string(),
  method: z.string(),
  frequency: z.enum(METRIC_FREQUENCIES),
  ownerId: z.string().nullable().describe('who measures it: a key of the answer’s `people`'),
  unit: z.string(),
  target: z.number().nullable(),
  lowerThreshold: z.number().nullable(),
  upperThreshold: z.number().nullable(),
  aiSystemId: z.string().nullable(),
  aiSystem: z.object({ id: z.string(), name: z.string() }).nullable(),
  controlRef: z.string().nullable(),
  objectiveId: z.string().nullable(),
  latest: ZMeasurementOut.nullable(),
  nextDueOn: z.string().describe('YYYY-MM-DD: one period after the latest measurement'),
  openBreach: ZBreachOut.nullable().describe(
    'the breach episode in course: opened by an out-of-threshold measurement, closed by one back within',
  ),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A metric as the service builds it: its owner embedded (the exports print it); answers carry `people`. */
export type MetricOut = z.infer<typeof ZMetricOut> & Owned;
/** One metric's answer: the metric and its owner, in `people` (issue 19). */
export const ZMetricAnswer = ZMetricOut.extend({ people: ZPeople });
export type MeasurementOut = z.infer<typeof ZMeasurementOut>;

type Row = MetricTable & { ownerName: string | null; ownerEmail: string | null; aiSystemName: string | null };

export const presentMeasurement = (
  m: Omit<MeasurementTable, 'dedupeKey'>,
  t: Pick<MetricTable, 'lowerThreshold' | 'upperThreshold'>,
): MeasurementOut => ({
  id: m.id,
  at: m.at,
  value: m.value,
  note: m.note,
  source: m.source as MeasurementOut['source'],
  state: thresholdState(t, m.value),
  createdAt: m.createdAt,
  createdBy: { id: m.createdBy, name: m.createdByName },
});
export const presentBreach = (b: MetricBreachTable) => ({
  id: b.id,
  state: b.state as 'below' | 'above',
  openedAt: b.openedAt,
  openingValue: b.openingValue,
  actionId: b.actionId,
  closedAt: b.closedAt,
});

function present(
  r: Row,
  latest: Omit<MeasurementTable, 'dedupeKey'> | undefined,
  open: MetricBreachTable | undefined,
): MetricOut {
  return {
    id: r.id,
    ref: `M-${r.number}`,
    name: r.name,
    description: r.description,
    method: r.method,
    frequency: r.frequency as MetricFrequency,
    ownerId: r.ownerId,
    owner:
      r.ownerId && r.ownerName !== null && r.ownerEmail !== null
        ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
        : null,
    unit: r.unit,
    target: r.target,
    lowerThreshold: r.lowerThreshold,
    upperThreshold: r.upperThreshold,
    aiSystemId: r.aiSystemId,
    aiSystem: r.aiSystemId && r.aiSystemName !== null ? { id: r.aiSystemId, name: r.aiSystemName } : null,
    controlRef: r.controlRef,
    objectiveId: r.objectiveId,
    latest: latest ? presentMeasurement(latest, r) : null,
    nextDueOn: nextMeasurementDue(r.frequency as MetricFrequency, latest?.at ?? null, r.createdAt),
    openBreach: open ? presentBreach(open) : null,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export type MetricFilter = {
  id?: string;
  ownerId?: string | undefined;
  aiSystemId?: string | undefined;
  breached?: boolean | undefined;
};

export async function loadMetrics(db: Db | Tx, orgId: string, filter: MetricFilter = {}): Promise<MetricOut[]> {
  let q = db
    .selectFrom('metrics')
    .leftJoin('users', 'users.id', 'metrics.ownerId')
    .leftJoin('aiSystems', (j) =>
      j.onRef('aiSystems.id', '=', 'metrics.aiSystemId').onRef('aiSystems.orgId', '=', 'metrics.orgId'),
    )
    .selectAll('metrics')
    .select(['users.name as ownerName', 'users.email as ownerEmail', 'aiSystems.name as aiSystemName'])
    .where('metrics.orgId', '=', orgId);
  if (filter.id) q = q.where('metrics.id', '=', filter.id);
  if (filter.ownerId) q = q.where('metrics.ownerId', '=', filter.ownerId);
  if (filter.aiSystemId) q = q.where('metrics.aiSystemId', '=', filter.aiSystemId);
  const rows = await q.orderBy('metrics.number').execute();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // The latest measurement of each metric: the one whose time no other measurement of it exceeds.
  const latest = await db
    .selectFrom('measurements as m')
    .selectAll('m')
    .where('m.orgId', '=', orgId)
    .where('m.metricId', 'in', ids)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('measurements as n')
            .select('n.id')
            .whereRef('n.metricId', '=', 'm.metricId')
            .where((n) =>
              n.or([
                n('n.at', '>', n.ref('m.at')),
                n.and([n('n.at', '=', n.ref('m.at')), n('n.id', '>', n.ref('m.id'))]),
              ]),
            ),
        ),
      ),
    )
    .execute();
  const open = await db
    .selectFrom('metricBreaches')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('metricId', 'in', ids)
    .where('closedAt', 'is', null)
    .execute();
  const out = rows.map((r) =>
    present(
      r,
      latest.find((m) => m.metricId === r.id),
      open.find((b) => b.metricId === r.id),
    ),
  );
  return filter.breached === undefined ? out : out.filter((m) => (m.openBreach !== null) === filter.breached);
}

const find = async (db: Db | Tx, orgId: string, id: string) => (await loadMetrics(db, orgId, { id }))[0];

/** A metric by its id or its ref (M-3), as a pipeline or the CLI names it. */
export async function resolveMetricId(db: Db | Tx, orgId: string, idOrRef: string): Promise<string> {
  const byRef = /^M-(\d{1,9})$/i.exec(idOrRef.trim());
  const row = byRef
    ? await db
        .selectFrom('metrics')
        .select('id')
        .where('orgId', '=', orgId)
        .where('number', '=', Number(byRef[1]))
        .executeTakeFirst()
    : await db
        .selectFrom('metrics')
        .select('id')
        .where('orgId', '=', orgId)
        .where('id', '=', idOrRef)
        .executeTakeFirst();
  if (!row) throw notFound('Metric');
  return row.id;
}

export const listMetrics = (deps: Deps, orgId: string, filter: MetricFilter) => loadMetrics(deps.db, orgId, filter);

export async function getMetric(deps: Deps, orgId: string, idOrRef: string) {
  const found = await find(deps.db, orgId, await resolveMetricId(deps.db, orgId, idOrRef));
  if (!found) throw notFound('Metric');
  return found;
}

async function assertLinks(tx: Tx, orgId: string, m: Partial<MetricFields>, before?: MetricOut) {
  if (m.ownerId && m.ownerId !== before?.ownerId && !(await isActiveMember(tx, orgId, m.ownerId)))
    throw ruleViolation('Owner must be a current member of this organization', { field: 'ownerId' });
  if (
    m.aiSystemId &&
    m.aiSystemId !== before?.aiSystemId &&
    !(await tx
      .selectFrom('aiSystems')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', '=', m.aiSystemId)
      .executeTakeFirst())
  )
    throw ruleViolation('AI system must be an AI system of this organization', { field: 'aiSystemId' });
  if (
    m.objectiveId &&
    m.objectiveId !== before?.objectiveId &&
    !(await tx
      .selectFrom('objectives')
      .select('id')
      .where('orgId', '=', orgId)
      .where('id', '=', m.objectiveId)
      .executeTakeFirst())
  )
    throw ruleViolation('Objective must be an AI objective of this organization', { field: 'objectiveId' });
  if (m.controlRef && m.controlRef !== before?.controlRef) {
    const known =
      builtinCatalog().item('iso42001', m.controlRef)?.kind === 'control' ||
      !!(await tx
        .selectFrom('customControls')
        .select('id')
        .where('orgId', '=', orgId)
        .where('ref', '=', m.controlRef)
        .executeTakeFirst());
    if (!known)
      throw ruleViolation(
        `Control "${m.controlRef}" is neither an Annex A control (such as A.6.2.6) nor one of your custom controls`,
        { field: 'controlRef' },
      );
  }
}

const audited = (m: MetricOut) => {
  const { latest: _l, nextDueOn: _n, openBreach: _o, owner: _ow, aiSystem: _a, ...rest } = m;
  return rest;
};

export function createMetric(deps: Deps, actor: Actor, orgId: string, input: MetricFields) {
  return inTransaction(deps, async (tx, audit) => {
    await assertLinks(tx, orgId, input);
    const number = await nextNumber(tx, orgId, 'metric');
    const now = nowIso();
    const id = newId();
    await tx
      .insertInto('metrics')
      .values({
        id,
        orgId,
        number,
        ...input,
        version: 1,
        createdAt: now,
        createdBy: actor.userId,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .execute();
    const created = (await find(tx, orgId, id))!;
    await audit({ orgId, actor, action: 'metric.created', entityType: ENTITY, entityId: id, after: audited(created) });
    return created;
  });
}

export function updateMetric(deps: Deps, actor: Actor, orgId: string, id: string, patch: UpdateMetric) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Metric');
    if (before.version !== patch.version) throw staleVersion('metric', before);
    const { version, ...changes } = patch;
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<MetricFields>;
    const lower = set.lowerThreshold !== undefined ? set.lowerThreshold : before.lowerThreshold;
    const upper = set.upperThreshold !== undefined ? set.upperThreshold : before.upperThreshold;
    if (lower !== null && upper !== null && lower > upper)
      throw ruleViolation('Lower threshold must not be above the upper threshold', { field: 'lowerThreshold' });
    await assertLinks(tx, orgId, set, before);
    await writeOne(
      tx
        .updateTable('metrics')
        .set({ ...set, version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
        .where('orgId', '=', orgId)
        .where('id', '=', id)
        .where('version', '=', version),
      () => staleVersion('metric', before),
    );
    const after = (await find(tx, orgId, id))!;
    await audit({
      orgId,
      actor,
      action: 'metric.updated',
      entityType: ENTITY,
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

export function removeMetric(deps: Deps, actor: Actor, orgId: string, id: string) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Metric');
    const count = await tx
      .selectFrom('measurements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('metricId', '=', id)
      .executeTakeFirstOrThrow();
    // Measurements are records of monitoring (9.1 asks that results be kept): a metric with any is not deleted.
    if (Number(count.n) > 0)
      throw ruleViolation(
        `${before.ref} has ${Number(count.n)} measurement(s), which are kept as evidence of monitoring. Lower its frequency or rename it instead of deleting it.`,
      );
    await tx.deleteFrom('metricBreaches').where('orgId', '=', orgId).where('metricId', '=', id).execute();
    await writeOne(tx.deleteFrom('metrics').where('orgId', '=', orgId).where('id', '=', id), () => notFound('Metric'));
    await audit({ orgId, actor, action: 'metric.deleted', entityType: ENTITY, entityId: id, before: audited(before) });
  });
}
