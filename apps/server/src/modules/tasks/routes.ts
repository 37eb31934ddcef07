import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { authOf } from '../../platform/http/access';
import { listWithPeople, ZPeople } from '../../platform/people';
import { myTasks, ZTaskCounts, ZTaskOut, ZTaskQuery } from './my-tasks';

export function taskRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/me/tasks',
    {
      config: { access: 'user' },
      schema: {
        tags: ['Tasks'],
        summary:
          'Everything due that is assigned to you (actions, reviews, approvals, …) in every organization you belong to: overdue first, then by due date; filter by kind, organization or state',
        querystring: ZTaskQuery,
        response: {
          200: z.object({
            items: z.array(ZTaskOut),
            nextCursor: z.string().nullable(),
            counts: ZTaskCounts.describe(
              'of the whole list for the kind and organization filters, before the state filter and paging',
            ),
            people: ZPeople,
          }),
        },
      },
    },
    async (req) => listWithPeople(await myTasks(deps.db, authOf(req).user, req.query)),
  );
}
