import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { ZListQuery, ZPage } from '../../platform/pagination';
import { ZOrgParams } from '../orgs/schema';
import { listAuditEvents, verifyAuditChain } from './service';

export const ZAuditEvent = z.object({
  id: z.string(),
  seq: z.number(),
  at: z.string(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
  prevHash: z.string(),
});

export function auditTrailRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit trail'];

  app.get(
    '/api/orgs/:orgId/audit-events',
    {
      config: { access: 'audit_event.read' },
      schema: {
        tags,
        summary: "The organization's tamper-evident history, newest first",
        params: ZOrgParams,
        querystring: ZListQuery.extend({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(64).optional(),
          action: z.string().max(80).optional(),
        }),
        response: { 200: ZPage(ZAuditEvent) },
      },
    },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      return listAuditEvents(deps, req.params.orgId, filter, { limit, cursor });
    },
  );

  app.get(
    '/api/orgs/:orgId/audit-events/verify',
    {
      config: { access: 'audit_event.read' },
      schema: {
        tags,
        summary: 'Recompute the hash chain; reports the first event that was altered, removed or inserted',
        params: ZOrgParams,
        response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBrokenId: z.string().nullable() }) },
      },
    },
    async (req) => verifyAuditChain(deps, req.params.orgId),
  );
}
