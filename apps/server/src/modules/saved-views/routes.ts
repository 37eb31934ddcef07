import { z } from 'zod';
import { ZCreateSavedView, ZRegisterKey, ZUpdateSavedView } from '@fortytwo/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { authOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { createSavedView, listSavedViews, removeSavedView, updateSavedView, ZSavedViewOut } from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

// Any member who can read the organization keeps their own views (org.read): a view changes no
// register, and every query is limited to the caller's own views.
export function savedViewRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Saved views'];
  const owner = (req: FastifyRequest, orgId: string) => ({ orgId, userId: authOf(req).user.id });

  app.get(
    '/api/orgs/:orgId/saved-views',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Your saved views of one register (filters, sort, hidden columns), by name',
        params: ZOrgParams,
        querystring: z.object({ register: ZRegisterKey }),
        response: { 200: z.object({ items: z.array(ZSavedViewOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      items: await listSavedViews(deps.db, owner(req, req.params.orgId), req.query.register),
      nextCursor: null,
    }),
  );

  app.post(
    '/api/orgs/:orgId/saved-views',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Save a view of a register under a name (409 CONFLICT when you already have one of that name)',
        params: ZOrgParams,
        body: ZCreateSavedView,
        response: { 201: ZSavedViewOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createSavedView(deps.db, owner(req, req.params.orgId), req.body)),
  );

  app.patch(
    '/api/orgs/:orgId/saved-views/:id',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Rename a saved view or replace its state; send the version you read',
        params: ZIdParams,
        body: ZUpdateSavedView,
        response: { 200: ZSavedViewOut },
      },
    },
    async (req) => updateSavedView(deps.db, owner(req, req.params.orgId), req.params.id, req.body),
  );

  app.delete(
    '/api/orgs/:orgId/saved-views/:id',
    { config: { access: 'org.read' }, schema: { tags, summary: 'Delete one of your saved views', params: ZIdParams } },
    async (req, reply) => {
      await removeSavedView(deps.db, owner(req, req.params.orgId), req.params.id);
      return reply.code(204).send();
    },
  );
}
