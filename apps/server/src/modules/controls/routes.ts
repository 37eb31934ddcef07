import { z } from 'zod';
import { ZControlImplementationInput, ZOccurrenceInput } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { dueItems } from './due';
import { saveImplementation } from './implementation';
import { deleteOccurrence, recordOccurrence } from './occurrences';
import { listControls, readControl, ZControlAnswer, ZControlFilter, ZControlOut } from './read';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

const ZRefParams = ZOrgParams.extend({ ref: z.string().min(1).max(40) });
const ZDueItem = z.object({
  kind: z.enum(['control_occurrence', 'control_implementation']),
  id: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  href: z.string(),
});

export function controlRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Controls in operation'];
  const controls = '/api/orgs/:orgId/controls';

  app.get(
    controls,
    {
      config: { access: 'control.read' },
      schema: {
        tags,
        summary:
          'The controls register: every control the SoA includes (and any other already implemented), with operating since, last performed, next due and overdue computed',
        params: ZOrgParams,
        querystring: ZControlFilter,
        response: { 200: z.object({ items: z.array(ZControlOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      listWithPeople({ items: await listControls(deps.db, req.params.orgId, req.query), nextCursor: null }),
  );
  app.get(
    `${controls}/due`,
    {
      config: { access: 'control.read' },
      schema: {
        tags,
        summary:
          'Open due things of the controls: the next run of each operating control, the implementation of the others',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZDueItem), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await dueItems(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.get(
    `${controls}/:ref`,
    {
      config: { access: 'control.read' },
      schema: {
        tags,
        summary: 'One control: its implementation, its SoA reasons and every recorded run, newest first',
        params: ZRefParams,
        response: { 200: ZControlAnswer },
      },
    },
    async (req) => oneWithPeople(await readControl(deps.db, req.params.orgId, req.params.ref)),
  );
  app.put(
    `${controls}/:ref/implementation`,
    {
      config: { access: 'control.write' },
      schema: {
        tags,
        summary:
          "Set up or change how a control is implemented (owner, how, documents, due date, status, cadence); version 0 creates it. The SoA's implementation status reads from here",
        params: ZRefParams,
        body: ZControlImplementationInput,
        response: { 200: ZControlAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await saveImplementation(deps, actorOf(req), req.params.orgId, req.params.ref, req.body)),
  );
  app.post(
    `${controls}/:ref/occurrences`,
    {
      config: { access: 'control.write' },
      schema: {
        tags,
        summary: 'Record that the control ran: date performed, by whom, outcome, notes',
        params: ZRefParams,
        body: ZOccurrenceInput,
        response: { 201: ZControlAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(oneWithPeople(await recordOccurrence(deps, actorOf(req), req.params.orgId, req.params.ref, req.body))),
  );
  app.delete(
    `${controls}/:ref/occurrences/:id`,
    {
      config: { access: 'control.write' },
      schema: {
        tags,
        summary: 'Remove a run recorded by mistake (the audit trail keeps it)',
        params: ZRefParams.extend({ id: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      await deleteOccurrence(deps, actorOf(req), req.params.orgId, req.params.ref, req.params.id);
      return reply.code(204).send();
    },
  );
}
