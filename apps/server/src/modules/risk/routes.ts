import { z } from 'zod';
import {
  RISK_KINDS,
  ZApprovalAcknowledgement,
  RISK_LEVELS,
  ZAcceptRisk,
  ZReassessRisk,
  ZRiskFields,
  ZTreatmentFields,
  ZUpdateRisk,
  ZUpdateRiskCriteria,
  ZUpdateTreatment,
  MAX_STORED_INTEGER,
  SCALE_STEPS,
  versionField,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZListQuery, ZPage } from '../../platform/pagination';
import { ZPeople } from '../../platform/people';
import { ZOrgParams } from '../orgs/schema';
import { approveCriteria, getCriteria, updateCriteriaDraft, ZCriteriaState } from './criteria';
import { approvePlan, dashboard, getPlan, ZDashboardOut, ZPlanOut } from './plan';
import { DASHBOARD_LISTS } from './summary';
import { dashboardWithPeople, planWithPeople, riskWithPeople, risksWithPeople, treatmentWithPeople } from './answers';
import { loadRiskPage } from './read';
import { createRisk, getRisk, reassessRisk, removeRisk, updateRisk } from './risks';
import { ZAcceptanceOut, ZRiskAnswer, ZRiskDetailAnswer, ZRiskOut, ZTreatmentAnswer } from './schema';
import { acceptRisk, addTreatment, removeTreatment, updateTreatment } from './treatments';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const scaleStep = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(1, `${name} must be at least 1`)
    .max(SCALE_STEPS.max, `${name} must be at most ${SCALE_STEPS.max}`)
    .optional();
const ZRiskFilterFields = z.object({
  aiSystemId: z.string().max(64).optional(),
  kind: z.enum(RISK_KINDS, { error: 'kind must be risk or opportunity' }).optional(),
  status: z.enum(['open', 'closed'], { error: 'status must be open or closed' }).optional(),
  level: z.enum(RISK_LEVELS, { error: `level must be one of: ${RISK_LEVELS.join(', ')}` }).optional(),
  attention: z.enum(['true', 'false'], { error: 'attention must be true or false' }).optional(),
  list: z
    .enum(DASHBOARD_LISTS, { error: `list must be one of: ${DASHBOARD_LISTS.join(', ')}` })
    .optional()
    .describe("the open risks (kind risk) of one of the risk dashboard's lists, by the same rules as its totals"),
  heatmap: z
    .enum(['inherent', 'residual'], { error: 'heatmap must be inherent or residual' })
    .optional()
    .describe(
      "with likelihood and consequence: the risks in that cell of the dashboard's heatmap (the residual one places a risk without a residual rating where it started)",
    ),
  likelihood: scaleStep('likelihood'),
  consequence: scaleStep('consequence'),
});
type RiskQuery = z.infer<typeof ZRiskFilterFields>;
// A cell is named by all three: a likelihood alone would be a different filter nobody asked for.
const CELL_KEYS = ['heatmap', 'likelihood', 'consequence'] as const;
const cellTogether = (q: RiskQuery, ctx: z.RefinementCtx) => {
  const given = CELL_KEYS.filter((k) => q[k] !== undefined);
  if (given.length === 0 || given.length === CELL_KEYS.length) return;
  for (const k of CELL_KEYS.filter((k) => q[k] === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [k],
      message: `${k} is missing: a heatmap cell is chosen by heatmap, likelihood and consequence together`,
    });
};
export const ZRiskFilter = ZRiskFilterFields.superRefine(cellTogether);
export const riskFilterOf = ({ heatmap, likelihood, consequence, ...q }: RiskQuery) => ({
  ...q,
  attention: q.attention === 'true',
  cell:
    heatmap && likelihood !== undefined && consequence !== undefined ? { heatmap, likelihood, consequence } : undefined,
});

export function riskRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Risk assessment and treatment'];

  app.get(
    '/api/orgs/:orgId/risk-criteria',
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'The AI risk criteria (6.1.1): in force, the draft, and approved history',
        params: ZOrgParams,
        response: { 200: ZCriteriaState },
      },
    },
    async (req) => getCriteria(deps, req.params.orgId),
  );
  app.put(
    '/api/orgs/:orgId/risk-criteria/draft',
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Edit the draft criteria; version 0 starts a new draft from the criteria in force',
        params: ZOrgParams,
        body: ZUpdateRiskCriteria,
        response: { 200: ZCriteriaState },
      },
    },
    async (req) => updateCriteriaDraft(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.post(
    '/api/orgs/:orgId/risk-criteria/approve',
    {
      config: { access: 'risk.approve' },
      schema: {
        tags,
        summary: 'Approve the draft criteria (owner or approver): they come into force for new ratings',
        params: ZOrgParams,
        body: z.strictObject({ version: versionField() }),
        response: { 200: ZCriteriaState },
      },
    },
    async (req) => approveCriteria(deps, actorOf(req), req.params.orgId, req.body),
  );

  const risks = '/api/orgs/:orgId/risks';
  app.get(
    risks,
    {
      config: { access: 'risk.read', cache: true },
      schema: {
        tags,
        summary: 'The risk register (6.1.2, 8.2)',
        description:
          'In number order, a page at a time (`limit`, default 50, max 500): pass back `nextCursor` for the next page. The filters apply before paging. `heatmap`, `likelihood` and `consequence` together pick a cell of the risk dashboard (add `status=open&kind=risk` for exactly the risks it counts).',
        params: ZOrgParams,
        querystring: ZRiskFilterFields.extend(ZListQuery.shape).superRefine(cellTogether),
        response: { 200: ZPage(ZRiskOut).extend({ people: ZPeople }) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return risksWithPeople(await loadRiskPage(deps.db, req.params.orgId, riskFilterOf(filter), { limit, cursor }));
    },
  );
  app.post(
    risks,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Record a risk or opportunity with its first rating',
        params: ZOrgParams,
        body: ZRiskFields,
        response: { 201: ZRiskAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(riskWithPeople(await createRisk(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${risks}/:id`,
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'One risk with every rating it had',
        params: ZIdParams,
        response: { 200: ZRiskDetailAnswer },
      },
    },
    async (req) => riskWithPeople(await getRisk(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${risks}/:id`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Change a risk; ratings change through re-assessment',
        params: ZIdParams,
        body: ZUpdateRisk,
        response: { 200: ZRiskAnswer },
      },
    },
    async (req) => riskWithPeople(await updateRisk(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${risks}/:id`,
    {
      config: { access: 'risk.write' },
      schema: { tags, summary: 'Delete a risk recorded by mistake (close it otherwise)', params: ZIdParams },
    },
    async (req, reply) => {
      await removeRisk(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    `${risks}/:id/assessments`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'A dated re-assessment under the criteria in force; earlier results are kept',
        params: ZIdParams,
        body: ZReassessRisk,
        response: { 201: ZRiskDetailAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(riskWithPeople(await reassessRisk(deps, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );

  const treatments = `${risks}/:id/treatments`;
  const ZTreatmentParams = ZIdParams.extend({ treatmentId: z.string().max(64) });
  app.post(
    treatments,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Treat a risk: option, controls, actions, residual rating',
        params: ZIdParams,
        body: ZTreatmentFields,
        response: { 201: ZTreatmentAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(treatmentWithPeople(await addTreatment(deps, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );
  app.patch(
    `${treatments}/:treatmentId`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Change a treatment or record its verification of effectiveness',
        params: ZTreatmentParams,
        body: ZUpdateTreatment,
        response: { 200: ZTreatmentAnswer },
      },
    },
    async (req) =>
      treatmentWithPeople(
        await updateTreatment(deps, actorOf(req), req.params.orgId, req.params.id, req.params.treatmentId, req.body),
      ),
  );
  app.delete(
    `${treatments}/:treatmentId`,
    { config: { access: 'risk.write' }, schema: { tags, summary: 'Remove a treatment', params: ZTreatmentParams } },
    async (req, reply) => {
      await removeTreatment(deps, actorOf(req), req.params.orgId, req.params.id, req.params.treatmentId);
      return reply.code(204).send();
    },
  );
  app.post(
    `${risks}/:id/acceptances`,
    {
      config: { access: 'risk.approve' },
      schema: {
        tags,
        summary: 'Accept the residual risk until a date (owner or approver)',
        params: ZIdParams,
        body: ZAcceptRisk,
        response: { 201: ZAcceptanceOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await acceptRisk(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.get(
    '/api/orgs/:orgId/risk-treatment-plan',
    {
      config: { access: 'risk.read', cache: true },
      schema: {
        tags,
        summary: 'The AI risk treatment plan: open risks with their treatments, and its approval',
        params: ZOrgParams,
        response: { 200: ZPlanOut },
      },
    },
    async (req) => planWithPeople(await getPlan(deps, req.params.orgId)),
  );
  app.post(
    '/api/orgs/:orgId/risk-treatment-plan/approve',
    {
      config: { access: 'risk.approve' },
      schema: {
        tags,
        summary:
          'Approve the treatment plan as a whole (owner or approver); refused (422 NOT_READY) while a blocking warning stands, and (422 ACKNOWLEDGEMENT_REQUIRED) past other warnings without an acknowledgement',
        params: ZOrgParams,
        body: z.strictObject({
          number: z
            .number({ error: 'number is required: the number of the plan you read' })
            .int()
            .min(1)
            .max(MAX_STORED_INTEGER),
          acknowledgement: ZApprovalAcknowledgement,
        }),
        response: { 200: ZPlanOut },
      },
    },
    async (req) => planWithPeople(await approvePlan(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    '/api/orgs/:orgId/risk-dashboard',
    {
      config: { access: 'risk.read', cache: true },
      schema: {
        tags,
        summary: 'Inherent and residual heatmaps, overdue reviews, expiring acceptances',
        params: ZOrgParams,
        response: { 200: ZDashboardOut },
      },
    },
    async (req) => dashboardWithPeople(await dashboard(deps, req.params.orgId)),
  );
}
