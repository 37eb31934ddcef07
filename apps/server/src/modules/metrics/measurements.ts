import {
  breachStep,
  measurementDedupeKey,
  CsvParseError,
  readMeasurementRows,
  thresholdState,
  type BreachStep,
  type CsvRowError,
  type MeasurementSource,
  type ParsedMeasurement,
} from '@fortytwo/domain';
import { parseCsv } from '../../platform/csv';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Tx } from '../../platform/db/connect';
import { AppError, notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { createActionsInTx } from '../actions/service';
import { isActiveMember } from '../orgs/members';
import { loadMetrics, presentBreach, presentMeasurement, resolveMetricId, type MetricOut } from './service';

// Recording measurements, and the one rule that follows from them: a measurement outside the
// thresholds opens a breach episode with one action for the metric's owner. Every write for one
// metric holds the lock `metric:<id>` for its whole transaction, so two pipelines pushing at the
// same moment (on any instance) take turns, and the second sees the episode the first opened. The
// unique index on open episodes (migration 0019) is the last guard behind the lock.
//
// A measurement counts once: pushed again with the same idempotency key, or for the same time,
// with the same value, nothing is added and the first one is answered (a retried pipeline); with
// another value it is refused (409), since one metric has one value at one time. The unique index
// on (metric, dedupe key) (migration 0029) is the guard behind the lock. A metric that measures an
// AI objective records each new measurement as the objective's progress.

const ENTITY = 'metric';
/** How long the owner has to look into a breach before its action is overdue. */
const BREACH_ACTION_DAYS = 7;

export type NewMeasurement = { at: string; value: number; note: string; dedupeKey?: string | null };

const lockOf = (metricId: string) => `metric:${metricId}`;
const fmt = (n: number, unit: string) => `${n}${unit ? ` ${unit}` : ''}`;

async function loadLocked(tx: Tx, orgId: string, metricId: string): Promise<MetricOut> {
  const metric = (await loadMetrics(tx, orgId, { id: metricId }))[0];
  if (!metric) throw notFound('Metric');
  return metric;
}

/** Opens or closes the metric's breach episode after new measurements, by the newest of them. */
async function applyBreachRule(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  metric: MetricOut,
  newest: { id: string; at: string; value: number },
): Promise<BreachStep> {
  const later = await tx
    .selectFrom('measurements')
    .select('id')
    .where('metricId', '=', metric.id)
    .where('at', '>', newest.at)
    .limit(1)
    .executeTakeFirst();
  const state = thresholdState(metric, newest.value);
  const step = breachStep({ episodeOpen: metric.openBreach !== null, isNewest: !later, state });
  if (step === 'open' && state !== 'within') {
    const limit = state === 'below' ? metric.lowerThreshold! : metric.upperThreshold!;
    const ownerId = metric.ownerId && (await isActiveMember(tx, orgId, metric.ownerId)) ? metric.ownerId : null;
    const [action] = await createActionsInTx(tx, audit, actor, orgId, [
      {
        title: `${metric.ref} ${metric.name}: ${fmt(newest.value, metric.unit)} is ${state} the ${state === 'below' ? 'lower' : 'upper'} threshold (${fmt(limit, metric.unit)})`,
        description: `Measured at ${newest.at}. Find the cause, act on it, and record what was done. This action stays open until you close it; the breach itself ends when a new measurement of ${metric.ref} is back within its thresholds.`,
        ownerId,
        dueDate: new Date(Date.now() + BREACH_ACTION_DAYS * 86_400_000).toISOString().slice(0, 10),
        status: 'open',
        sourceType: 'metric_breach',
        sourceId: metric.id,
        sourceRef: metric.ref,
      },
    ]);
    const breach = {
      id: newId(),
      orgId,
      metricId: metric.id,
      state,
      openedAt: newest.at,
      openingMeasurementId: newest.id,
      openingValue: newest.value,
      actionId: action!.id,
      closedAt: null,
    };
    await tx.insertInto('metricBreaches').values(breach).execute();
    await audit({
      orgId,
      actor,
      action: 'metric.breach_opened',
      entityType: ENTITY,
      entityId: metric.id,
      after: presentBreach(breach),
    });
  }
  if (step === 'close' && metric.openBreach) {
    await tx
      .updateTable('metricBreaches')
      .set({ closedAt: newest.at })
      .where('id', '=', metric.openBreach.id)
      .where('closedAt', 'is', null)
      .execute();
    await audit({
      orgId,
      actor,
      action: 'metric.breach_closed',
      entityType: ENTITY,
      entityId: metric.id,
      before: metric.openBreach,
      after: { ...metric.openBreach, closedAt: newest.at },
    });
  }
  return step;
}

async function insertAll(
  tx: Tx,
  actor: Actor,
  orgId: string,
  metricId: string,
  rows: NewMeasurement[],
  source: MeasurementSource,
) {
  const createdAt = nowIso();
  const stored = rows.map((r) => ({
    id: newId(),
    orgId,
    metricId,
    at: r.at,
    value: r.value,
    note: r.note,
    source,
    createdAt,
    createdBy: actor.userId,
    createdByName: actor.name,
    dedupeKey: r.dedupeKey ?? null,
  }));
  // Chunks keep every insert under SQLite's limit on bound parameters.
  for (let i = 0; i < stored.length; i += 500)
    await tx
      .insertInto('measurements')
      .values(stored.slice(i, i + 500))
      .execute();
  return stored;
}

/** A metric that measures an AI objective: its new measurements become the objective's progress. */
async function progressFromMeasurements(
  tx: Tx,
  audit: (e: AuditInput) => Promise<void>,
  actor: Actor,
  orgId: string,
  metric: MetricOut,
  stored: { id: string; at: string; value: number; note: string; createdAt: string }[],
) {
  if (!metric.objectiveId || !stored.length) return;
  const entries = stored.map((m) => ({
    id: newId(),
    orgId,
    objectiveId: metric.objectiveId!,
    onDate: m.at.slice(0, 10),
    value: m.value,
    note: `${metric.ref} ${metric.name}${m.note ? `: ${m.note}` : ''}`.slice(0, 2000),
    createdAt: m.createdAt,
    createdBy: actor.userId,
    createdByName: actor.name,
    measurementId: m.id,
  }));
  for (let i = 0; i < entries.length; i += 500)
    await tx
      .insertInto('objectiveProgress')
      .values(entries.slice(i, i + 500))
      .execute();
  const last = entries.reduce((a, b) => (b.onDate >= a.onDate ? b : a));
  await audit({
    orgId,
    actor,
    action: 'objective.progress_recorded',
    entityType: 'objective',
    entityId: metric.objectiveId,
    after: {
      from: metric.ref,
      entries: entries.length,
      onDate: last.onDate,
      value: last.value,
      note: last.note,
      measurementId: last.measurementId,
    },
  });
}

const sameMeasurementConflict = (metric: MetricOut, what: string, prior: { value: number }, value: number) =>
  new AppError(
    'CONFLICT',
    `${metric.ref} already has a measurement ${what} with the value ${fmt(prior.value, metric.unit)}; ${fmt(value, metric.unit)} was not recorded. For a new measurement, send another time${what.startsWith('with') ? ' or idempotency key' : ''}.`,
    { field: what.startsWith('with') ? 'idempotencyKey' : 'at', existingValue: prior.value },
  );

/** One measurement (by hand or pushed by a pipeline), and what it did to the breach episode. */
export async function recordMeasurement(
  deps: Deps,
  actor: Actor,
  orgId: string,
  idOrRef: string,
  input: { value: number; at?: string | undefined; note: string; idempotencyKey?: string | undefined },
  source: 'manual' | 'api',
) {
  const metricId = await resolveMetricId(deps.db, orgId, idOrRef);
  const dedupeKey = measurementDedupeKey(input);
  return inTransaction(
    deps,
    async (tx, audit) => {
      const metric = await loadLocked(tx, orgId, metricId);
      if (dedupeKey) {
        const prior = await tx
          .selectFrom('measurements')
          .selectAll()
          .where('metricId', '=', metricId)
          .where((eb) =>
            input.idempotencyKey || !input.at
              ? eb('dedupeKey', '=', dedupeKey)
              : eb.or([eb('dedupeKey', '=', dedupeKey), eb('at', '=', input.at)]),
          )
          .orderBy('createdAt')
          .executeTakeFirst();
        if (prior) {
          const what = input.idempotencyKey ? `with the idempotency key "${input.idempotencyKey}"` : `at ${prior.at}`;
          if (prior.value !== input.value || (input.at !== undefined && prior.at !== input.at))
            throw sameMeasurementConflict(metric, what, prior, input.value);
          return { measurement: presentMeasurement(prior, metric), breach: 'none' as const, metric, duplicate: true };
        }
      }
      const [stored] = await insertAll(
        tx,
        actor,
        orgId,
        metricId,
        [{ at: input.at ?? nowIso(), value: input.value, note: input.note, dedupeKey }],
        source,
      );
      const measurement = presentMeasurement(stored!, metric);
      await audit({
        orgId,
        actor,
        action: 'metric.measurement_recorded',
        entityType: ENTITY,
        entityId: metricId,
        after: measurement,
      });
      await progressFromMeasurements(tx, audit, actor, orgId, metric, [stored!]);
      const breach = await applyBreachRule(tx, audit, actor, orgId, metric, stored!);
      return { measurement, breach, metric: await loadLocked(tx, orgId, metricId), duplicate: false };
    },
    { lock: lockOf(metricId) },
  );
}

export async function listMeasurements(
  deps: Deps,
  orgId: string,
  idOrRef: string,
  range: { from?: string | undefined; to?: string | undefined },
) {
  const metricId = await resolveMetricId(deps.db, orgId, idOrRef);
  const metric = (await loadMetrics(deps.db, orgId, { id: metricId }))[0]!;
  let q = deps.db.selectFrom('measurements').selectAll().where('orgId', '=', orgId).where('metricId', '=', metricId);
  if (range.from) q = q.where('at', '>=', range.from);
  if (range.to) q = q.where('at', '<=', range.to);
  const rows = await q.orderBy('at').orderBy('id').limit(5000).execute();
  const breaches = await deps.db
    .selectFrom('metricBreaches')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('metricId', '=', metricId)
    .orderBy('openedAt')
    .execute();
  return { items: rows.map((m) => presentMeasurement(m, metric)), breaches: breaches.map(presentBreach) };
}

export type ImportSummary = {
  dryRun: boolean;
  count: number;
  skipped: number;
  first: string;
  last: string;
  outOfThreshold: number;
  breach: BreachStep;
};

const rejected = (errors: CsvRowError[]) => {
  const first = errors[0]!;
  return new AppError(
    'IMPORT_REJECTED',
    `The file was not imported: line ${first.line}, ${first.field}: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : ''}. Nothing was changed.`,
    { issues: errors },
  );
};

/**
 * The rows of a file that are new: a row for a time the metric (or an earlier row of the file)
 * already has with the same value is a repeat and skipped, so importing a file twice adds nothing;
 * with another value the file is refused, naming the line.
 */
async function withoutRepeats(tx: Tx, metric: MetricOut, rows: ParsedMeasurement[]): Promise<ParsedMeasurement[]> {
  const known = new Map<string, number>();
  const ats = [...new Set(rows.map((r) => r.at))];
  for (let i = 0; i < ats.length; i += 500) {
    const found = await tx
      .selectFrom('measurements')
      .select(['at', 'value'])
      .where('metricId', '=', metric.id)
      .where('at', 'in', ats.slice(i, i + 500))
      .execute();
    for (const f of found) known.set(f.at, f.value);
  }
  const fresh: ParsedMeasurement[] = [];
  const errors: CsvRowError[] = [];
  for (const r of rows) {
    const prior = known.get(r.at);
    if (prior === undefined) {
      known.set(r.at, r.value);
      fresh.push(r);
    } else if (prior !== r.value)
      errors.push({
        line: r.line,
        field: 'value',
        message: `${metric.ref} already has ${fmt(prior, metric.unit)} at ${r.at} (one value per time)`,
      });
  }
  if (errors.length) throw rejected(errors);
  return fresh;
}

/**
 * Measurements from a CSV file (columns at, value, note): all rows are checked first, and a dry
 * run stops there, saying what would be added. Applying adds every row in one transaction or none.
 */
export async function importMeasurements(
  deps: Deps,
  actor: Actor,
  orgId: string,
  idOrRef: string,
  csv: Buffer,
  dryRun: boolean,
): Promise<ImportSummary> {
  const metricId = await resolveMetricId(deps.db, orgId, idOrRef);
  let cells;
  try {
    cells = parseCsv(csv.toString('utf8'));
  } catch (err) {
    if (err instanceof CsvParseError)
      throw rejected([{ line: err.line, field: 'file', message: err.message.replace(/^line \d+: /, '') }]);
    throw err;
  }
  const { rows, errors } = readMeasurementRows(cells);
  if (errors.length) throw rejected(errors);
  const sorted = [...rows].sort((a, b) => a.at.localeCompare(b.at));
  return inTransaction(
    deps,
    async (tx, audit) => {
      const metric = await loadLocked(tx, orgId, metricId);
      const fresh = await withoutRepeats(tx, metric, rows);
      const summary = {
        count: fresh.length,
        skipped: rows.length - fresh.length,
        first: sorted[0]!.at,
        last: sorted.at(-1)!.at,
        outOfThreshold: fresh.filter((r) => thresholdState(metric, r.value) !== 'within').length,
      };
      if (dryRun || !fresh.length) return { dryRun, ...summary, breach: 'none' as const };
      const stored = await insertAll(
        tx,
        actor,
        orgId,
        metricId,
        fresh.map((r) => ({ ...r, dedupeKey: measurementDedupeKey(r) })),
        'import',
      );
      await audit({
        orgId,
        actor,
        action: 'metric.measurements_imported',
        entityType: ENTITY,
        entityId: metricId,
        after: summary,
      });
      await progressFromMeasurements(tx, audit, actor, orgId, metric, stored);
      const newest = stored.reduce((a, b) => (b.at > a.at ? b : a));
      return { dryRun, ...summary, breach: await applyBreachRule(tx, audit, actor, orgId, metric, newest) };
    },
    { lock: lockOf(metricId) },
  );
}
