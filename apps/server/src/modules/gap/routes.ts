import { z } from 'zod';
import { GAP_RESULTS, ZCreateGapAssessment, ZGapItemPatch, ZGapsToActions, versionField } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { ZActionOut } from '../actions/service';
import { collectOwners, listWithPeople, oneWithPeople, ZPeople, type People } from '../../platform/people';
import { ZGapAssessment, ZGapAssessmentSummary, ZGapItem, ZGapItemAnswer, ZScores } from './schema';
import {
  assessmentGaps,
  assessmentScores,
  compareAssessments,
  createAssessment,
  gapsToActions,
  getAssessment,
  listAssessments,
  progress,
  removeAssessment,
  renameAssessment,
  takeSnapshot,
  updateItem,
} from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZItemParams = ZIdParams.extend({ ref: z.string().max(40) });
const ZChange = z.enum(['improved', 'regressed', 'unchanged', 'changed']);
const ZDelta = z.object({ before: z.number().nullable(), after: z.number().nullable(), delta: z.number().nullable() });

export function gapRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Gap analysis'];
  const base = '/api/orgs/:orgId/gap-assessments';

  app.get(
    base,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary: 'Gap assessments and snapshots, newest first, with their overall readiness',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZGapAssessmentSummary), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listAssessments(deps, req.params.orgId), nextCursor: null }),
  );

  app.post(
    base,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: 'Start an assessment: one unanswered item per assessable requirement (70)',
        params: ZOrgParams,
        body: ZCreateGapAssessment,
        response: { 201: ZGapAssessment },
      },
    },
    async (req, reply) =>
      reply.code(201).send(listWithPeople(await createAssessment(deps, actorOf(req), req.params.orgId, req.body))),
  );

  app.get(
    `${base}/progress`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary: 'Readiness of every assessment and snapshot over time, oldest first',
        params: ZOrgParams,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.string(),
                date: z.string(),
                overall: z.number().nullable(),
                clauses: z.number().nullable(),
                annexA: z.number().nullable(),
              }),
            ),
            nextCursor: z.null(),
          }),
        },
      },
    },
    async (req) => ({ items: await progress(deps, req.params.orgId), nextCursor: null }),
  );

  app.get(
    `${base}/:id`,
    {
      config: { access: 'gap.read', cache: true },
      schema: {
        tags,
        summary: 'One assessment with all its items in catalogue order',
        params: ZIdParams,
        response: { 200: ZGapAssessment },
      },
    },
    async (req) => listWithPeople(await getAssessment(deps, req.params.orgId, req.params.id)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: 'Rename an assessment',
        params: ZIdParams,
        body: z.strictObject({ version: versionField(), name: ZCreateGapAssessment.shape.name }),
        response: { 200: ZGapAssessmentSummary },
      },
    },
    async (req) => renameAssessment(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );

  app.delete(
    `${base}/:id`,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: 'Delete an assessment or snapshot (its answers stay in the audit trail)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await removeAssessment(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.patch(
    `${base}/:id/items/:ref`,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: `Answer or update one requirement; send the version you read. result: ${GAP_RESULTS.join(', ')} or null; not_applicable only for Annex A controls, with a justification`,
        params: ZItemParams,
        body: ZGapItemPatch,
        response: { 200: ZGapItemAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await updateItem(deps, actorOf(req), req.params.orgId, req.params.id, req.params.ref, req.body)),
  );

  app.get(
    `${base}/:id/scores`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary:
          'Readiness (0–100, null when nothing applies) overall, for clauses, Annex A, per clause and per group; maturity averages; the formula',
        params: ZIdParams,
        response: { 200: ZScores },
      },
    },
    async (req) => assessmentScores(deps, req.params.orgId, req.params.id),
  );

  app.get(
    `${base}/:id/gaps`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary:
          'The gap list: applicable items not conformant, documented information first, then clauses, then Annex A',
        params: ZIdParams,
        response: {
          200: z.object({
            items: z.array(
              ZGapItem.extend({
                actions: z
                  .array(ZActionOut)
                  .describe('each action names its owner by `ownerId`: a key of the answer’s `people`'),
              }),
            ),
            nextCursor: z.null(),
            people: ZPeople,
          }),
        },
      },
    },
    async (req) => gapsWithPeople(await assessmentGaps(deps, req.params.orgId, req.params.id)),
  );

  app.post(
    `${base}/:id/actions`,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: 'Turn gaps into actions in one step (one per ref), with an owner and a due date',
        params: ZIdParams,
        body: ZGapsToActions,
        response: { 201: z.object({ items: z.array(ZActionOut), people: ZPeople }) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          listWithPeople({ items: await gapsToActions(deps, actorOf(req), req.params.orgId, req.params.id, req.body) }),
        ),
  );

  app.post(
    `${base}/:id/snapshots`,
    {
      config: { access: 'gap.write' },
      schema: {
        tags,
        summary: 'Freeze the assessment as a read-only snapshot',
        params: ZIdParams,
        body: z.strictObject({ name: z.string().trim().max(200).optional() }).default({}),
        response: { 201: ZGapAssessmentSummary },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await takeSnapshot(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.get(
    `${base}/:id/compare`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary:
          'Compare this assessment with an earlier one (?with=<id>): each item improved, regressed, unchanged or changed (to or from not applicable), and the score deltas',
        params: ZIdParams,
        querystring: z.object({
          with: z
            .string({ error: 'with is required: the id of the assessment to compare with' })
            .min(1, 'with is required: the id of the assessment to compare with')
            .max(64),
        }),
        response: {
          200: z.object({
            before: z.object({ id: z.string(), name: z.string(), date: z.string() }),
            after: z.object({ id: z.string(), name: z.string(), date: z.string() }),
            counts: z.object({
              improved: z.number(),
              regressed: z.number(),
              unchanged: z.number(),
              changed: z.number(),
            }),
            scores: z.object({
              overall: ZDelta,
              clauses: ZDelta,
              annexA: ZDelta,
              byClause: z.record(z.string(), ZDelta),
              byGroup: z.record(z.string(), ZDelta),
            }),
            items: z.array(
              z.object({
                ref: z.string(),
                title: z.string(),
                section: z.string(),
                before: z.enum(GAP_RESULTS).nullable(),
                after: z.enum(GAP_RESULTS).nullable(),
                change: ZChange,
              }),
            ),
          }),
        },
      },
    },
    async (req) => compareAssessments(deps, req.params.orgId, req.params.id, req.query.with),
  );
}

/** The gap list: each gap and each of its actions name their owners by id, `people` names them once. */
function gapsWithPeople(gaps: Awaited<ReturnType<typeof assessmentGaps>>) {
  const people: People = {};
  const items = collectOwners(gaps, people).map((g) => ({ ...g, actions: collectOwners(g.actions, people) }));
  return { items, nextCursor: null, people };
}
