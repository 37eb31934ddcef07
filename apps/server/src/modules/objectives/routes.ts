import { z } from 'zod';
import {
  OBJECTIVE_STATUS_LABELS,
  OBJECTIVE_STATUSES,
  ZObjectiveFields,
  ZProgressEntry,
  ZUpdateObjective,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import {
  createObjective,
  getObjective,
  listObjectives,
  recordProgress,
  removeObjective,
  removeProgress,
  updateObjective,
  ZObjectiveAnswer,
  ZObjectiveOut,
  type ObjectiveOut,
} from './service';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZFilter = z.object({
  ownerId: z.string().max(64).optional().describe('a member id, or "me"'),
  status: z.enum(OBJECTIVE_STATUSES, { error: `status must be one of: ${OBJECTIVE_STATUSES.join(', ')}` }).optional(),
});

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'title', header: 'Objective', width: 40 },
  { key: 'annexC', header: 'Annex C', width: 9 },
  { key: 'measure', header: 'Measure', width: 30 },
  { key: 'unit', header: 'Unit', width: 8 },
  { key: 'baseline', header: 'Baseline', width: 10 },
  { key: 'target', header: 'Target', width: 10 },
  { key: 'latest', header: 'Latest value', width: 12 },
  { key: 'latestOn', header: 'Latest on', width: 12 },
  { key: 'progress', header: 'Progress %', width: 10 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'resources', header: 'Resources', width: 30 },
  { key: 'dueDate', header: 'Due date', width: 12 },
  { key: 'evaluation', header: 'How results are evaluated', width: 36 },
  { key: 'status', header: 'Status', width: 12 },
];
const num = (n: number | null) => (n === null ? '' : n);
const row = (o: ObjectiveOut) => [
  o.ref,
  o.title,
  o.annexCRef ?? '',
  o.measure,
  o.unit,
  num(o.baseline),
  num(o.target),
  num(o.latestValue),
  o.latestOn ?? '',
  num(o.progressPercent),
  o.owner?.name ?? '',
  o.resources,
  o.dueDate ?? '',
  o.evaluation,
  OBJECTIVE_STATUS_LABELS[o.status],
];

export function objectiveRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['AI objectives'];
  const base = '/api/orgs/:orgId/objectives';

  app.get(
    base,
    {
      config: { access: 'objective.read' },
      schema: {
        tags,
        summary: 'AI objectives (6.2) with their progress, by number',
        params: ZOrgParams,
        querystring: ZFilter,
        response: { 200: z.object({ items: z.array(ZObjectiveOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      listWithPeople({
        items: await listObjectives(deps, req.params.orgId, {
          ...req.query,
          ownerId: req.query.ownerId === 'me' ? authOf(req).user.id : req.query.ownerId,
        }),
        nextCursor: null,
      }),
  );

  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'objective.read' },
        schema: { tags, summary: `The objectives register as ${format.toUpperCase()}`, params: ZOrgParams },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'ai-objectives',
          sheet: 'AI objectives (6.2)',
          columns: COLUMNS,
          rows: (await listObjectives(deps, req.params.orgId, {})).map(row),
          about: [['Exported', nowIso()]],
        }),
    );

  app.post(
    base,
    {
      config: { access: 'objective.write' },
      schema: {
        tags,
        summary: 'Add an AI objective',
        params: ZOrgParams,
        body: ZObjectiveFields,
        response: { 201: ZObjectiveAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createObjective(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'objective.read' },
      schema: {
        tags,
        summary: 'One AI objective with its progress',
        params: ZIdParams,
        response: { 200: ZObjectiveAnswer },
      },
    },
    async (req) => oneWithPeople(await getObjective(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'objective.write' },
      schema: {
        tags,
        summary: 'Change an AI objective; send the version you read',
        params: ZIdParams,
        body: ZUpdateObjective,
        response: { 200: ZObjectiveAnswer },
      },
    },
    async (req) => oneWithPeople(await updateObjective(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'objective.write' },
      schema: { tags, summary: 'Delete an AI objective and its progress', params: ZIdParams },
    },
    async (req, reply) => {
      await removeObjective(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/:id/progress`,
    {
      config: { access: 'objective.write' },
      schema: {
        tags,
        summary: 'Record progress: the value of the measure on a date',
        params: ZIdParams,
        body: ZProgressEntry,
        response: { 201: ZObjectiveAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(oneWithPeople(await recordProgress(deps, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );
  app.delete(
    `${base}/:id/progress/:entryId`,
    {
      config: { access: 'objective.write' },
      schema: {
        tags,
        summary: 'Delete a progress entry recorded in error',
        params: ZIdParams.extend({ entryId: z.string().max(64) }),
        response: { 200: ZObjectiveAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await removeProgress(deps, actorOf(req), req.params.orgId, req.params.id, req.params.entryId)),
  );
}
