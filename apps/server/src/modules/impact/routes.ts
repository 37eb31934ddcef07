import { z } from 'zod';
import { ZImpactFields, ZRiskFields, ZUpdateImpact, versionField } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { ZRiskAnswer } from '../risk/schema';
import { riskWithPeople } from '../risk/answers';
import {
  createImpact,
  getImpact,
  listImpactGaps,
  listImpacts,
  removeImpact,
  riskFromImpact,
  signOffImpact,
  updateImpact,
  ZImpactGap,
  ZImpactOut,
} from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

export function impactRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['AI system impact assessment'];
  const base = '/api/orgs/:orgId/impact-assessments';

  app.get(
    base,
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'Impact assessments (6.1.4, 8.4, A.5), newest first',
        params: ZOrgParams,
        querystring: z.object({ aiSystemId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(ZImpactOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      items: await listImpacts(deps, req.params.orgId, req.query),
      nextCursor: null,
    }),
  );
  app.get(
    '/api/orgs/:orgId/impact-gaps',
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'AI systems in scope with no signed-off impact assessment (6.1.4, A.5.2): the gaps to close',
        params: ZOrgParams,
        querystring: z.object({ aiSystemId: z.string().max(64).optional() }),
        response: { 200: z.object({ items: z.array(ZImpactGap), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listImpactGaps(deps, req.params.orgId, req.query), nextCursor: null }),
  );
  app.post(
    base,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Start an impact assessment of an AI system',
        params: ZOrgParams,
        body: ZImpactFields,
        response: { 201: ZImpactOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createImpact(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'One impact assessment with its linked risks',
        params: ZIdParams,
        response: { 200: ZImpactOut },
      },
    },
    async (req) => getImpact(deps, req.params.orgId, req.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Change a draft assessment; send the version you read',
        params: ZIdParams,
        body: ZUpdateImpact,
        response: { 200: ZImpactOut },
      },
    },
    async (req) => updateImpact(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Delete a draft, or a signed-off assessment past its retention date',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await removeImpact(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/:id/sign-off`,
    {
      config: { access: 'risk.approve' },
      schema: {
        tags,
        summary: 'Sign off a complete assessment (owner or approver)',
        params: ZIdParams,
        body: z.strictObject({ version: versionField() }),
        response: { 200: ZImpactOut },
      },
    },
    async (req) => signOffImpact(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/risks`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary: 'Create a risk from this impact, linked both ways',
        params: ZIdParams,
        body: ZRiskFields,
        response: { 201: ZRiskAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(riskWithPeople(await riskFromImpact(deps, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );
}
