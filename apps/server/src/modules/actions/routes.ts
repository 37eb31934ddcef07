import { z } from 'zod';
import { ACTION_STATUSES, ZCreateAction, ZUpdateAction } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, authOf } from '../../platform/http/access';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';
import { ZOrgParams } from '../orgs/schema';
import { createAction, getAction, listActions, removeAction, updateAction, ZActionAnswer, ZActionOut } from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

export function actionRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Actions'];

  app.get(
    '/api/orgs/:orgId/actions',
    {
      config: { access: 'action.read' },
      schema: {
        tags,
        summary: 'Actions, by due date (undated last); ownerId=me for your own',
        params: ZOrgParams,
        querystring: z.object({
          status: z.enum(ACTION_STATUSES, { error: `status must be one of: ${ACTION_STATUSES.join(', ')}` }).optional(),
          ownerId: z.string().max(64).optional(),
          sourceType: z.string().max(40).optional(),
        }),
        response: { 200: z.object({ items: z.array(ZActionOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) => {
      const ownerId = req.query.ownerId === 'me' ? authOf(req).user.id : req.query.ownerId;
      const items = await listActions(deps.db, req.params.orgId, { ...req.query, ownerId });
      return listWithPeople({ items, nextCursor: null });
    },
  );

  app.post(
    '/api/orgs/:orgId/actions',
    {
      config: { access: 'action.write' },
      schema: {
        tags,
        summary: 'Add an action',
        params: ZOrgParams,
        body: ZCreateAction,
        response: { 201: ZActionAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createAction(deps, actorOf(req), req.params.orgId, req.body))),
  );

  app.get(
    '/api/orgs/:orgId/actions/:id',
    {
      config: { access: 'action.read' },
      schema: { tags, summary: 'One action', params: ZIdParams, response: { 200: ZActionAnswer } },
    },
    async (req) => oneWithPeople(await getAction(deps, req.params.orgId, req.params.id)),
  );

  app.patch(
    '/api/orgs/:orgId/actions/:id',
    {
      config: { access: 'action.write' },
      schema: {
        tags,
        summary: 'Change an action (status, owner, due date…); send the version you read',
        params: ZIdParams,
        body: ZUpdateAction,
        response: { 200: ZActionAnswer },
      },
    },
    async (req) => oneWithPeople(await updateAction(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.delete(
    '/api/orgs/:orgId/actions/:id',
    { config: { access: 'action.write' }, schema: { tags, summary: 'Delete an action', params: ZIdParams } },
    async (req, reply) => {
      await removeAction(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
