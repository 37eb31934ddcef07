import { z } from 'zod';
import {
  NONCONFORMITY_SOURCE_LABELS,
  NONCONFORMITY_SOURCES,
  NONCONFORMITY_STATUS_LABELS,
  NONCONFORMITY_STATUSES,
  versionField,
  ZCreateImprovement,
  ZCreateNonconformity,
  ZEffectivenessReview,
  ZNonconformityAction,
  ZUpdateImprovement,
  ZUpdateNonconformity,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import {
  addCorrectiveAction,
  closeNonconformity,
  createImprovement,
  createNonconformity,
  getNonconformity,
  improvementLog,
  listNonconformities,
  planActions,
  reviewEffectiveness,
  startReview,
  updateImprovement,
  updateNonconformity,
  ZImprovementOut,
  ZNonconformityOut,
  type NonconformityOut,
} from './service';
import { ZPeople } from '../../platform/people';
import { nonconformitiesWithPeople, nonconformityWithPeople } from './answers';

/** One nonconformity's answer: the record and the people it and its actions name (issue 19). */
const ZNonconformityAnswer = ZNonconformityOut.extend({ people: ZPeople });

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZFilter = z.object({
  status: z
    .enum(NONCONFORMITY_STATUSES, { error: `status must be one of: ${NONCONFORMITY_STATUSES.join(', ')}` })
    .optional(),
  source: z
    .enum(NONCONFORMITY_SOURCES, { error: `source must be one of: ${NONCONFORMITY_SOURCES.join(', ')}` })
    .optional(),
  sourceId: z.string().max(64).optional(),
});
const ZVersion = z.strictObject({ version: versionField() });

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'title', header: 'Nonconformity', width: 40 },
  { key: 'grade', header: 'Grade', width: 8 },
  { key: 'clause', header: 'Clause / control', width: 12 },
  { key: 'source', header: 'Source', width: 18 },
  { key: 'sourceRef', header: 'Source ref', width: 10 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'status', header: 'Status', width: 18 },
  { key: 'responseDue', header: 'Response due', width: 12 },
  { key: 'reviewDue', header: 'Review due', width: 12 },
  { key: 'rootCause', header: 'Root cause', width: 40 },
  { key: 'actions', header: 'Corrective actions', width: 40 },
  { key: 'closedAt', header: 'Closed', width: 20 },
];
const row = (n: NonconformityOut) => [
  n.ref,
  n.title,
  n.grade,
  n.clauseRef ?? '',
  NONCONFORMITY_SOURCE_LABELS[n.source],
  n.sourceRef ?? '',
  n.owner?.name ?? '',
  NONCONFORMITY_STATUS_LABELS[n.status],
  n.responseDue ?? '',
  n.reviewDue ?? '',
  n.rootCause,
  n.actions
    .map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}, ${a.dueDate ?? 'no date'}, ${a.status})`)
    .join('; '),
  n.closedAt ?? '',
];

export function nonconformityRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Nonconformities'];
  const base = '/api/orgs/:orgId/nonconformities';
  const me = (req: Parameters<typeof authOf>[0]) => authOf(req).user.id;

  app.get(
    base,
    {
      config: { access: 'nonconformity.read' },
      schema: {
        tags,
        summary: 'Nonconformities and their corrective actions (10.2), from every source, by number',
        params: ZOrgParams,
        querystring: ZFilter,
        response: { 200: z.object({ items: z.array(ZNonconformityOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      nonconformitiesWithPeople({
        items: await listNonconformities(deps.db, req.params.orgId, req.query, me(req)),
        nextCursor: null,
      }),
  );
  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'nonconformity.read' },
        schema: { tags, summary: `The nonconformity register as ${format.toUpperCase()}`, params: ZOrgParams },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'nonconformities',
          sheet: 'Nonconformities (10.2)',
          columns: COLUMNS,
          rows: (await listNonconformities(deps.db, req.params.orgId)).map(row),
          about: [['Exported', nowIso()]],
        }),
    );
  app.post(
    base,
    {
      config: { access: 'nonconformity.write' },
      schema: {
        tags,
        summary: 'Raise a nonconformity (an internal audit raises its own from major and minor findings)',
        params: ZOrgParams,
        body: ZCreateNonconformity,
        response: { 201: ZNonconformityAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(nonconformityWithPeople(await createNonconformity(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'nonconformity.read' },
      schema: { tags, summary: 'One nonconformity', params: ZIdParams, response: { 200: ZNonconformityAnswer } },
    },
    async (req) => nonconformityWithPeople(await getNonconformity(deps, req.params.orgId, req.params.id, me(req))),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'nonconformity.write' },
      schema: {
        tags,
        summary: 'Record the correction, root cause, similar cases, owner and dates; send the version you read',
        params: ZIdParams,
        body: ZUpdateNonconformity,
        response: { 200: ZNonconformityAnswer },
      },
    },
    async (req) =>
      nonconformityWithPeople(await updateNonconformity(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.post(
    `${base}/:id/actions`,
    {
      config: { access: 'nonconformity.write' },
      schema: {
        tags,
        summary: 'Add a corrective action with its owner and due date (it becomes a task of its owner)',
        params: ZIdParams,
        body: ZNonconformityAction,
        response: { 201: ZNonconformityAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          nonconformityWithPeople(
            await addCorrectiveAction(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
          ),
        ),
  );
  const step = (
    path: string,
    access: 'nonconformity.write' | 'nonconformity.close',
    summary: string,
    run: typeof planActions,
  ) =>
    app.post(
      `${base}/:id/${path}`,
      {
        config: { access },
        schema: { tags, summary, params: ZIdParams, body: ZVersion, response: { 200: ZNonconformityAnswer } },
      },
      async (req) =>
        nonconformityWithPeople(await run(deps, actorOf(req), req.params.orgId, req.params.id, req.body.version)),
    );
  step(
    'plan',
    'nonconformity.write',
    'Actions planned: needs the correction, the root cause and owned, dated actions',
    planActions,
  );
  step(
    'start-review',
    'nonconformity.write',
    'Every action is done: the effectiveness review falls due after the set number of days',
    startReview,
  );
  app.post(
    `${base}/:id/review`,
    {
      config: { access: 'nonconformity.close' },
      schema: {
        tags,
        summary: 'Record the effectiveness review; not effective sends it back to open',
        params: ZIdParams,
        body: ZEffectivenessReview,
        response: { 200: ZNonconformityAnswer },
      },
    },
    async (req) =>
      nonconformityWithPeople(await reviewEffectiveness(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  step(
    'close',
    'nonconformity.close',
    'Close a verified nonconformity: never by its owner nor by whoever raised it',
    closeNonconformity,
  );

  const imp = '/api/orgs/:orgId/improvements';
  app.get(
    imp,
    {
      config: { access: 'nonconformity.read' },
      schema: {
        tags: ['Improvement'],
        summary: 'The improvement log (10.1): logged improvements and every nonconformity, newest first',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZImprovementOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await improvementLog(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    imp,
    {
      config: { access: 'nonconformity.write' },
      schema: {
        tags: ['Improvement'],
        summary: 'Log an improvement',
        params: ZOrgParams,
        body: ZCreateImprovement,
        response: { 201: ZImprovementOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createImprovement(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${imp}/:id`,
    {
      config: { access: 'nonconformity.write' },
      schema: {
        tags: ['Improvement'],
        summary: 'Change a logged improvement; send the version you read',
        params: ZIdParams,
        body: ZUpdateImprovement,
        response: { 200: ZImprovementOut },
      },
    },
    async (req) => updateImprovement(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
}
