import { z } from 'zod';
import { ZAiActClassificationInput, ZCustomerResponsibilities } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import {
  getAiActClassification,
  getCustomerResponsibilities,
  saveAiActClassification,
  saveCustomerResponsibilities,
  ZAiActOut,
  ZCustomerResponsibilitiesOut,
} from './service';

const ZSystemParams = ZOrgParams.extend({ id: z.string().max(64) });

export function aiActRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = '/api/orgs/:orgId/ai-systems/:id';

  app.get(
    `${base}/ai-act`,
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags: ['EU AI Act'],
        summary: "An AI system's EU AI Act classification: answers, class, obligations with their 42001 links",
        params: ZSystemParams,
        response: { 200: ZAiActOut },
      },
    },
    async (req) => getAiActClassification(deps, req.params.orgId, req.params.id),
  );
  app.put(
    `${base}/ai-act`,
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags: ['EU AI Act'],
        summary: 'Save the classification whole; send the version you read (0 for the first save)',
        params: ZSystemParams,
        body: ZAiActClassificationInput,
        response: { 200: ZAiActOut },
      },
    },
    async (req) => saveAiActClassification(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.get(
    `${base}/customer-responsibilities`,
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags: ['Suppliers'],
        summary: 'Responsibilities split with customers (A.10.4) for a system the organization provides',
        params: ZSystemParams,
        response: { 200: ZCustomerResponsibilitiesOut },
      },
    },
    async (req) => getCustomerResponsibilities(deps, req.params.orgId, req.params.id),
  );
  app.put(
    `${base}/customer-responsibilities`,
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags: ['Suppliers'],
        summary: 'Save the split with customers whole; send the version you read (0 for the first save)',
        params: ZSystemParams,
        body: ZCustomerResponsibilities,
        response: { 200: ZCustomerResponsibilitiesOut },
      },
    },
    async (req) => saveCustomerResponsibilities(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
}
