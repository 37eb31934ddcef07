import { z } from 'zod';
import {
  accountabilityWarnings,
  PILLARS,
  RACI_LABELS,
  ZRaciActivityFields,
  ZUpdatePillar,
  ZUpdateRaciActivity,
  ZUpdateRaciColumns,
  ZUpdateScope,
  versionField,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { ZOrgParams } from '../orgs/schema';
import {
  createRaciActivity,
  getGovernance,
  listRaci,
  removeRaciActivity,
  updatePillar,
  updateRaciActivity,
  ZPillarAnswer,
  ZPillarOut,
  ZRaciActivityOut,
} from './governance';
import { getRaciColumns, setRaciColumns, ZRaciColumnsOut } from './raci-columns';
import { approveScope, getScope, scopeRevisions, updateScope, ZScopeOut, ZScopeRevision } from './scope';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const RACI_EXPORT_COLUMNS = [
  { key: 'activity', header: 'Activity', width: 36 },
  { key: 'who', header: 'Who', width: 28 },
  { key: 'as', header: 'As', width: 14 },
  { key: 'problems', header: 'Problems', width: 50 },
];

export function scopeGovernanceRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Scope and governance'];

  app.get(
    '/api/orgs/:orgId/scope',
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary:
          'The scope builder (4.3): the draft, its composed statement, warnings, and the latest approved revision',
        params: ZOrgParams,
        response: { 200: ZScopeOut },
      },
    },
    async (req) => getScope(deps, req.params.orgId),
  );
  app.patch(
    '/api/orgs/:orgId/scope',
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change the scope draft; send the version you read (0 before the first save)',
        params: ZOrgParams,
        body: ZUpdateScope,
        response: { 200: ZScopeOut },
      },
    },
    async (req) => updateScope(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.post(
    '/api/orgs/:orgId/scope/approve',
    {
      config: { access: 'scope.approve' },
      schema: {
        tags,
        summary:
          'Approve the draft as the next revision (owner or approver); refused while a live AI system is outside the scope without a reason',
        params: ZOrgParams,
        body: z.strictObject({ version: versionField() }),
        response: { 200: ZScopeOut },
      },
    },
    async (req) => approveScope(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.get(
    '/api/orgs/:orgId/scope/revisions',
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary: 'Approved revisions of the scope, newest first',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZScopeRevision), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await scopeRevisions(deps, req.params.orgId), nextCursor: null }),
  );

  app.get(
    '/api/orgs/:orgId/governance',
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary:
          'The six pillars with owner, objectives, policy statements and the clauses and controls each covers, rated by the latest gap assessment',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZPillarOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) => listWithPeople({ items: await getGovernance(deps, req.params.orgId), nextCursor: null }),
  );
  app.patch(
    '/api/orgs/:orgId/governance/:pillar',
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change a pillar; send the version you read (0 before the first save)',
        params: ZOrgParams.extend({
          pillar: z.enum(PILLARS, { error: `pillar must be one of: ${PILLARS.join(', ')}` }),
        }),
        body: ZUpdatePillar,
        response: { 200: ZPillarAnswer },
      },
    },
    async (req) => oneWithPeople(await updatePillar(deps, actorOf(req), req.params.orgId, req.params.pillar, req.body)),
  );

  const raci = '/api/orgs/:orgId/raci';
  app.get(
    raci,
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary:
          'The RACI of AIMS activities, each with its problems (no Accountable, several, no Responsible), and the 5.3 accountability check',
        params: ZOrgParams,
        response: {
          200: z.object({
            items: z.array(ZRaciActivityOut),
            nextCursor: z.null(),
            accountability: z
              .array(z.object({ code: z.string(), activity: z.string(), message: z.string() }))
              .describe('warnings when either responsibility clause 5.3 names is missing or has no one Accountable'),
          }),
        },
      },
    },
    async (req) => {
      const items = await listRaci(deps, req.params.orgId);
      return { items, nextCursor: null, accountability: accountabilityWarnings(items) };
    },
  );
  for (const format of TABLE_FORMATS)
    app.get(
      `${raci}/export.${format}`,
      {
        config: { access: 'context.read' },
        schema: { tags, summary: `The RACI as ${format.toUpperCase()}, one row per assignment`, params: ZOrgParams },
      },
      async (req, reply) => {
        const rows = (await listRaci(deps, req.params.orgId)).flatMap((a) =>
          (a.assignments.length ? a.assignments : [null]).map((x) => [
            a.name,
            x ? ('userId' in x.assignee ? (x.assignee.name ?? x.assignee.userId) : `role: ${x.assignee.role}`) : '',
            x ? RACI_LABELS[x.letter] : '',
            a.problems.map((p) => p.message).join(' '),
          ]),
        );
        return sendTable(reply, format, {
          name: 'raci',
          sheet: 'RACI (5.3, A.3.2)',
          columns: RACI_EXPORT_COLUMNS,
          rows,
        });
      },
    );
  app.get(
    `${raci}/columns`,
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary:
          'The people and roles the RACI matrix shows as columns, the same for everyone in the organization (anyone assigned is shown too)',
        params: ZOrgParams,
        response: { 200: ZRaciColumnsOut },
      },
    },
    async (req) => getRaciColumns(deps, req.params.orgId),
  );
  app.put(
    `${raci}/columns`,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Replace the columns of the RACI matrix; send the version you read (0 before the first save)',
        params: ZOrgParams,
        body: ZUpdateRaciColumns,
        response: { 200: ZRaciColumnsOut },
      },
    },
    async (req) => setRaciColumns(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.post(
    raci,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Add an activity',
        params: ZOrgParams,
        body: ZRaciActivityFields,
        response: { 201: ZRaciActivityOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createRaciActivity(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${raci}/:id`,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change an activity or its assignments (the list replaces the old one)',
        params: ZIdParams,
        body: ZUpdateRaciActivity,
        response: { 200: ZRaciActivityOut },
      },
    },
    async (req) => updateRaciActivity(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${raci}/:id`,
    { config: { access: 'context.write' }, schema: { tags, summary: 'Delete an activity', params: ZIdParams } },
    async (req, reply) => {
      await removeRaciActivity(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
