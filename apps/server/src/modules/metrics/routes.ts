import { z } from 'zod';
import { METRIC_FREQUENCY_LABELS, ZMeasurementInput, ZMetricFields, ZUpdateMetric } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { uploadScope } from '../../platform/http/uploads';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { importMeasurements, listMeasurements, recordMeasurement } from './measurements';
import {
  createMetric,
  getMetric,
  listMetrics,
  removeMetric,
  updateMetric,
  ZBreachOut,
  ZMeasurementOut,
  ZMetricAnswer,
  ZMetricOut,
  type MetricOut,
} from './service';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

/** A measurement file of 10,000 rows is well under 1 MB. */
export const MAX_MEASUREMENT_CSV_BYTES = 2 * 1024 * 1024;

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64).describe('the metric id, or its ref such as M-3') });
const ZFilter = z.object({
  ownerId: z.string().max(64).optional().describe('a member id, or "me"'),
  aiSystemId: z.string().max(64).optional(),
  breached: z.enum(['true', 'false'], { error: 'breached must be true or false' }).optional(),
});
const ZRecorded = z.object({
  measurement: ZMeasurementOut,
  breach: z
    .enum(['open', 'close', 'none'])
    .describe('open: this measurement opened a breach episode (and its action); close: it ended one'),
  metric: ZMetricOut.describe('the metric after it, naming its owner by `ownerId`: a key of `people`'),
  people: ZPeople,
  duplicate: z
    .boolean()
    .describe(
      'true: the same measurement was recorded before (same idempotency key, or same time and value); nothing was added',
    ),
});
const ZImportSummary = z.object({
  dryRun: z.boolean(),
  count: z.number().describe('new measurements in the file (added, unless a dry run)'),
  skipped: z.number().describe('rows the metric already had (same time and value): not added again'),
  first: z.string(),
  last: z.string(),
  outOfThreshold: z.number(),
  breach: z.enum(['open', 'close', 'none']),
});

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'name', header: 'Metric', width: 36 },
  { key: 'description', header: 'What is measured', width: 36 },
  { key: 'method', header: 'Method', width: 30 },
  { key: 'frequency', header: 'Frequency', width: 11 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'unit', header: 'Unit', width: 8 },
  { key: 'target', header: 'Target', width: 10 },
  { key: 'lowerThreshold', header: 'Lower threshold', width: 10 },
  { key: 'upperThreshold', header: 'Upper threshold', width: 10 },
  { key: 'aiSystem', header: 'AI system', width: 24 },
  { key: 'controlRef', header: 'Control', width: 10 },
  { key: 'latest', header: 'Latest value', width: 12 },
  { key: 'latestAt', header: 'Measured at', width: 20 },
  { key: 'state', header: 'State', width: 10 },
  { key: 'nextDueOn', header: 'Next due', width: 12 },
  { key: 'breach', header: 'Breach since', width: 20 },
];
const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : n);
const row = (m: MetricOut) => [
  m.ref,
  m.name,
  m.description,
  m.method,
  METRIC_FREQUENCY_LABELS[m.frequency],
  m.owner?.name ?? '',
  m.unit,
  num(m.target),
  num(m.lowerThreshold),
  num(m.upperThreshold),
  m.aiSystem?.name ?? '',
  m.controlRef ?? '',
  num(m.latest?.value),
  m.latest?.at ?? '',
  m.latest?.state ?? '',
  m.nextDueOn,
  m.openBreach?.openedAt ?? '',
];

export function metricRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Monitoring and measurement'];
  const base = '/api/orgs/:orgId/metrics';

  app.get(
    base,
    {
      config: { access: 'metric.read' },
      schema: {
        tags,
        summary: 'Metrics (9.1) with their latest measurement, next due day and open breach',
        params: ZOrgParams,
        querystring: ZFilter,
        response: { 200: z.object({ items: z.array(ZMetricOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      listWithPeople({
        items: await listMetrics(deps, req.params.orgId, {
          ownerId: req.query.ownerId === 'me' ? authOf(req).user.id : req.query.ownerId,
          aiSystemId: req.query.aiSystemId,
          breached: req.query.breached === undefined ? undefined : req.query.breached === 'true',
        }),
        nextCursor: null,
      }),
  );

  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'metric.read' },
        schema: { tags, summary: `The metrics register as ${format.toUpperCase()}`, params: ZOrgParams },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'metrics',
          sheet: 'Monitoring (9.1)',
          columns: COLUMNS,
          rows: (await listMetrics(deps, req.params.orgId, {})).map(row),
          about: [['Exported', nowIso()]],
        }),
    );

  app.post(
    base,
    {
      config: { access: 'metric.write' },
      schema: {
        tags,
        summary: 'Add a metric',
        params: ZOrgParams,
        body: ZMetricFields,
        response: { 201: ZMetricAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createMetric(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'metric.read' },
      schema: { tags, summary: 'One metric', params: ZIdParams, response: { 200: ZMetricAnswer } },
    },
    async (req) => oneWithPeople(await getMetric(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'metric.write' },
      schema: {
        tags,
        summary: 'Change a metric (thresholds apply to measurements from now on); send the version you read',
        params: ZIdParams,
        body: ZUpdateMetric,
        response: { 200: ZMetricAnswer },
      },
    },
    async (req) => oneWithPeople(await updateMetric(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'metric.write' },
      schema: { tags, summary: 'Delete a metric that has no measurements', params: ZIdParams },
    },
    async (req, reply) => {
      await removeMetric(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    `${base}/:id/measurements`,
    {
      config: { access: 'metric.read' },
      schema: {
        tags,
        summary:
          'The measurements of a metric, oldest first (at most 5000; narrow with from/to), with its breach episodes',
        params: ZIdParams,
        querystring: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }),
        response: {
          200: z.object({ items: z.array(ZMeasurementOut), breaches: z.array(ZBreachOut), nextCursor: z.null() }),
        },
      },
    },
    async (req) => ({
      ...(await listMeasurements(deps, req.params.orgId, req.params.id, req.query)),
      nextCursor: null,
    }),
  );
  app.post(
    `${base}/:id/measurements`,
    {
      config: { access: 'measurement.write' },
      schema: {
        tags,
        summary:
          'Record a measurement (by hand, or pushed by a monitoring pipeline with a "measurements" token); out of threshold opens a breach episode and its action, once per episode. Sent again with the same idempotency key (body idempotencyKey or header Idempotency-Key), or the same time and value, it is not added twice: 200 with duplicate true; the same key or time with another value is 409 CONFLICT',
        params: ZIdParams,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).loose(),
        body: ZMeasurementInput,
        response: { 200: ZRecorded, 201: ZRecorded },
      },
    },
    async (req, reply) => {
      const header = req.headers['idempotency-key']?.trim();
      const recorded = await recordMeasurement(
        deps,
        actorOf(req),
        req.params.orgId,
        req.params.id,
        { ...req.body, idempotencyKey: req.body.idempotencyKey ?? (header || undefined) },
        req.auth?.via === 'token' ? 'api' : 'manual',
      );
      // The metric inside names its owner by id; `people` beside it names them once (issue 19).
      const { people, ...metric } = oneWithPeople(recorded.metric);
      return reply.code(recorded.duplicate ? 200 : 201).send({ ...recorded, metric, people });
    },
  );

  uploadScope(
    fastify,
    { maxBytes: MAX_MEASUREMENT_CSV_BYTES, what: 'CSV file of measurements' },
    (scope, readUpload) => {
      scope.withTypeProvider<ZodTypeProvider>().post(
        `${base}/:id/measurements/import`,
        {
          config: { access: 'measurement.write' },
          schema: {
            tags,
            summary:
              'Import measurements from CSV (multipart/form-data, field "file"; columns at, value, note). ?dryRun=true checks and summarizes without adding; any problem answers 422 IMPORT_REJECTED with details.issues [{ line, field, message }] and changes nothing',
            params: ZIdParams,
            querystring: z.object({
              dryRun: z.enum(['true', 'false'], { error: 'dryRun must be true or false' }).default('false'),
            }),
            consumes: ['multipart/form-data'],
            body: z.object({
              file: z.string().meta({ format: 'binary' }).describe('CSV with a header row: at,value,note'),
            }),
            response: { 200: ZImportSummary },
          },
        },
        async (req) => {
          const file = await readUpload(req);
          return importMeasurements(
            deps,
            actorOf(req),
            req.params.orgId,
            req.params.id,
            file.bytes,
            req.query.dryRun === 'true',
          );
        },
      );
    },
  );
}
