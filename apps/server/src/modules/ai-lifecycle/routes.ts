import { z } from 'zod';
import {
  REASSESSMENT_STATUSES,
  ZChangeFields,
  ZCompleteReassessment,
  ZLogRetentionRule,
  ZOperationPlan,
  ZCreateRelease,
  ZDeployment,
  ZPutVerification,
  ZSignificanceDecision,
  ZUpdateReleaseBody,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { completeReassessment, listReassessments, ZReassessment } from './reassessments';
import {
  getLogRetentionRule,
  getOperationPlan,
  putLogRetentionRule,
  putOperationPlan,
  ZLogRetentionRuleOut,
  ZOperationPlanOut,
} from './operation-plan';
import {
  createChange,
  createRelease,
  decideSignificance,
  getChange,
  getRelease,
  listChanges,
  listReleases,
  recordDeployment,
  recordVerification,
  updateRelease,
  ZChange,
  ZRelease,
} from './service';

const ZSystemParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZReleaseParams = ZSystemParams.extend({ releaseId: z.string().max(64) });
const ZChangeParams = ZSystemParams.extend({ changeId: z.string().max(64) });
const ZReassessmentParams = ZSystemParams.extend({ reassessmentId: z.string().max(64) });

export function aiLifecycleRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['AI system life cycle'];
  const base = '/api/orgs/:orgId/ai-systems/:id';

  app.get(
    `${base}/releases`,
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary: 'The releases of an AI system, newest first, with their V&V, deployment and flags',
        params: ZSystemParams,
        response: { 200: z.object({ items: z.array(ZRelease) }) },
      },
    },
    async (req) => ({ items: await listReleases(deps, req.params.orgId, req.params.id) }),
  );

  app.post(
    `${base}/releases`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Record a release (version, date, what changed, model and data versions, approver), optionally with its V&V results (used by "fortytwo ai-systems release add"; a token of scope "releases" may call it)',
        params: ZSystemParams,
        body: ZCreateRelease,
        response: { 201: ZRelease },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await createRelease(
            deps,
            actorOf(req),
            req.params.orgId,
            req.params.id,
            req.body,
            authOf(req).via === 'token' ? 'api' : 'manual',
          ),
        ),
  );

  app.get(
    `${base}/releases/:releaseId`,
    {
      config: { access: 'ai_system.read' },
      schema: { tags, summary: 'One release', params: ZReleaseParams, response: { 200: ZRelease } },
    },
    async (req) => getRelease(deps, req.params.orgId, req.params.id, req.params.releaseId),
  );

  app.patch(
    `${base}/releases/:releaseId`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Correct a release’s details (the release’s own version travels as releaseVersion); 409 on a stale version',
        params: ZReleaseParams,
        body: ZUpdateReleaseBody,
        response: { 200: ZRelease },
      },
    },
    async (req) => updateRelease(deps, actorOf(req), req.params.orgId, req.params.id, req.params.releaseId, req.body),
  );

  app.put(
    `${base}/releases/:releaseId/verification`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Record the verification and validation of a release (A.6.2.4): tests against acceptance criteria, results, the decision to deploy and by whom',
        params: ZReleaseParams,
        body: ZPutVerification,
        response: { 200: ZRelease },
      },
    },
    async (req) =>
      recordVerification(deps, actorOf(req), req.params.orgId, req.params.id, req.params.releaseId, req.body),
  );

  app.post(
    `${base}/releases/:releaseId/deployment`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Record the deployment of a release (A.6.2.5); a release deployed without a V&V record is recorded and flagged',
        params: ZReleaseParams,
        body: ZDeployment,
        response: { 200: ZRelease },
      },
    },
    async (req) =>
      recordDeployment(deps, actorOf(req), req.params.orgId, req.params.id, req.params.releaseId, req.body),
  );

  app.get(
    `${base}/changes`,
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary:
          'The changes of an AI system, newest first, with their significance and the re-assessments they opened',
        params: ZSystemParams,
        response: { 200: z.object({ items: z.array(ZChange) }) },
      },
    },
    async (req) => ({ items: await listChanges(deps, req.params.orgId, req.params.id) }),
  );

  app.post(
    `${base}/changes`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Record a change (retraining, new data source, vendor model update, new purpose, user group or jurisdiction); a significant one reopens the risk and impact assessments',
        params: ZSystemParams,
        body: ZChangeFields,
        response: { 201: ZChange },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createChange(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.get(
    `${base}/changes/:changeId`,
    {
      config: { access: 'ai_system.read' },
      schema: { tags, summary: 'One change', params: ZChangeParams, response: { 200: ZChange } },
    },
    async (req) => getChange(deps, req.params.orgId, req.params.id, req.params.changeId),
  );

  app.put(
    `${base}/changes/:changeId/significance`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary:
          'Override the significance rule for a change, with a reason (or null to follow the rule again); re-assessments open or are cancelled accordingly',
        params: ZChangeParams,
        body: ZSignificanceDecision,
        response: { 200: ZChange },
      },
    },
    async (req) =>
      decideSignificance(deps, actorOf(req), req.params.orgId, req.params.id, req.params.changeId, req.body),
  );

  app.post(
    `${base}/reassessments/:reassessmentId/complete`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Record what a re-assessment concluded: it is done',
        params: ZReassessmentParams,
        body: ZCompleteReassessment,
        response: { 200: ZReassessment },
      },
    },
    async (req) =>
      completeReassessment(deps, actorOf(req), req.params.orgId, req.params.id, req.params.reassessmentId, req.body),
  );

  app.get(
    '/api/orgs/:orgId/reassessments',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary:
          'Re-assessments of risk and impact assessments opened by significant changes (status=due: what is still pending, as the readiness check sees it)',
        params: ZOrgParams,
        querystring: z.strictObject({
          aiSystemId: z.string().max(64).optional(),
          status: z.enum(REASSESSMENT_STATUSES).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZReassessment) }) },
      },
    },
    async (req) => ({
      items: await listReassessments(deps.db, req.params.orgId, {
        ...(req.query.aiSystemId ? { aiSystemId: req.query.aiSystemId } : {}),
        ...(req.query.status ? { status: req.query.status } : {}),
      }),
    }),
  );

  app.get(
    `${base}/operation-plan`,
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary:
          'The operation and monitoring plan (A.6.2.6) and event-log specification (A.6.2.8), its retention checked against the organization rule',
        params: ZSystemParams,
        response: { 200: ZOperationPlanOut },
      },
    },
    async (req) => getOperationPlan(deps, req.params.orgId, req.params.id),
  );

  app.put(
    `${base}/operation-plan`,
    {
      config: { access: 'ai_release.write' },
      schema: {
        tags,
        summary: 'Save the operation plan (version 0 the first time; 409 when stale)',
        params: ZSystemParams,
        body: ZOperationPlan,
        response: { 200: ZOperationPlanOut },
      },
    },
    async (req) => putOperationPlan(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );

  app.get(
    '/api/orgs/:orgId/ai-log-retention-rule',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary: "The organization's rule for keeping AI event logs (minimum and maximum months)",
        params: ZOrgParams,
        response: { 200: ZLogRetentionRuleOut },
      },
    },
    async (req) => getLogRetentionRule(deps, req.params.orgId),
  );

  app.put(
    '/api/orgs/:orgId/ai-log-retention-rule',
    {
      config: { access: 'org.update' },
      schema: {
        tags,
        summary: "Set the organization's rule for keeping AI event logs (version 0 the first time)",
        params: ZOrgParams,
        body: ZLogRetentionRule,
        response: { 200: ZLogRetentionRuleOut },
      },
    },
    async (req) => putLogRetentionRule(deps, actorOf(req), req.params.orgId, req.body),
  );
}
