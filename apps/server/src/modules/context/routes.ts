import { z } from 'zod';
import {
  CONTEXT_CATEGORIES,
  CONTEXT_ISSUE_KINDS,
  ZContextIssueFields,
  ZPartyFields,
  ZUpdateContextIssue,
  ZUpdateOrgContext,
  ZUpdateParty,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { ZOrgParams } from '../orgs/schema';
import { getOrgContext, updateOrgContext, ZOrgContextOut } from './org-context';
import {
  createIssue,
  createParty,
  listIssues,
  listParties,
  removeIssue,
  removeParty,
  updateIssue,
  updateParty,
  ZContextIssue,
  ZParty,
} from './registers';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ISSUE_COLUMNS = [
  { key: 'kind', header: 'Kind' },
  { key: 'category', header: 'Category', width: 16 },
  { key: 'description', header: 'Description', width: 50 },
  { key: 'effect', header: 'Effect on the AIMS', width: 40 },
  { key: 'source', header: 'Source', width: 24 },
  { key: 'reviewDate', header: 'Review date' },
];
const PARTY_COLUMNS = [
  { key: 'party', header: 'Party', width: 28 },
  { key: 'category', header: 'Category', width: 16 },
  { key: 'requirementKind', header: 'Requirement kind', width: 18 },
  { key: 'requirement', header: 'Requirement', width: 50 },
  { key: 'addressedByAims', header: 'Addressed by the AIMS' },
  { key: 'how', header: 'How', width: 40 },
  { key: 'refs', header: 'Clauses and controls', width: 24 },
];
const ZIssueFilter = z.object({
  kind: z.enum(CONTEXT_ISSUE_KINDS, { error: 'kind must be internal or external' }).optional(),
  category: z
    .enum(CONTEXT_CATEGORIES, { error: `category must be one of: ${CONTEXT_CATEGORIES.join(', ')}` })
    .optional(),
});

export function contextRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Context and interested parties'];

  app.get(
    '/api/orgs/:orgId/context',
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary: 'The context record (4.1): climate-change decision and the AI roles with reasons',
        params: ZOrgParams,
        response: { 200: ZOrgContextOut },
      },
    },
    async (req) => getOrgContext(deps, req.params.orgId),
  );
  app.patch(
    '/api/orgs/:orgId/context',
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change the context record; send the version you read (0 before the first save)',
        params: ZOrgParams,
        body: ZUpdateOrgContext,
        response: { 200: ZOrgContextOut },
      },
    },
    async (req) => updateOrgContext(deps, actorOf(req), req.params.orgId, req.body),
  );

  const issues = '/api/orgs/:orgId/context-issues';
  app.get(
    issues,
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary: 'Internal and external issues (4.1)',
        params: ZOrgParams,
        querystring: ZIssueFilter,
        response: { 200: z.object({ items: z.array(ZContextIssue), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      items: await listIssues(deps.db, req.params.orgId, req.query),
      nextCursor: null,
    }),
  );
  for (const format of TABLE_FORMATS)
    app.get(
      `${issues}/export.${format}`,
      {
        config: { access: 'context.read' },
        schema: {
          tags,
          summary: `The issues register as ${format.toUpperCase()}`,
          params: ZOrgParams,
          querystring: ZIssueFilter,
        },
      },
      async (req, reply) => {
        const rows = await listIssues(deps.db, req.params.orgId, req.query);
        return sendTable(reply, format, {
          name: 'context-issues',
          sheet: 'Issues (4.1)',
          columns: ISSUE_COLUMNS,
          rows: rows.map((r) => [r.kind, r.category, r.description, r.effect, r.source, r.reviewDate ?? '']),
        });
      },
    );
  app.post(
    issues,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Add an issue',
        params: ZOrgParams,
        body: ZContextIssueFields,
        response: { 201: ZContextIssue },
      },
    },
    async (req, reply) => reply.code(201).send(await createIssue(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${issues}/:id`,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change an issue; send the version you read',
        params: ZIdParams,
        body: ZUpdateContextIssue,
        response: { 200: ZContextIssue },
      },
    },
    async (req) => updateIssue(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${issues}/:id`,
    { config: { access: 'context.write' }, schema: { tags, summary: 'Delete an issue', params: ZIdParams } },
    async (req, reply) => {
      await removeIssue(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  const parties = '/api/orgs/:orgId/interested-parties';
  app.get(
    parties,
    {
      config: { access: 'context.read' },
      schema: {
        tags,
        summary: 'Interested parties (4.2) with their requirements',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZParty), nextCursor: z.null() }) },
      },
    },
    async (req) => ({
      items: await listParties(deps.db, req.params.orgId),
      nextCursor: null,
    }),
  );
  for (const format of TABLE_FORMATS)
    app.get(
      `${parties}/export.${format}`,
      {
        config: { access: 'context.read' },
        schema: {
          tags,
          summary: `Parties and requirements as ${format.toUpperCase()}, one row per requirement`,
          params: ZOrgParams,
        },
      },
      async (req, reply) => {
        const rows = (await listParties(deps.db, req.params.orgId)).flatMap((p) =>
          p.requirements.length === 0
            ? [[p.name, p.category, '', '', '', '', '']]
            : p.requirements.map((r) => [
                p.name,
                p.category,
                r.kind,
                r.description,
                r.addressed ? 'yes' : 'no',
                r.how,
                r.refs.join('; '),
              ]),
        );
        return sendTable(reply, format, {
          name: 'interested-parties',
          sheet: 'Interested parties (4.2)',
          columns: PARTY_COLUMNS,
          rows,
        });
      },
    );
  app.post(
    parties,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Add an interested party',
        params: ZOrgParams,
        body: ZPartyFields,
        response: { 201: ZParty },
      },
    },
    async (req, reply) => reply.code(201).send(await createParty(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.patch(
    `${parties}/:id`,
    {
      config: { access: 'context.write' },
      schema: {
        tags,
        summary: 'Change a party or its requirements (the list replaces the old one); send the version you read',
        params: ZIdParams,
        body: ZUpdateParty,
        response: { 200: ZParty },
      },
    },
    async (req) => updateParty(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    `${parties}/:id`,
    { config: { access: 'context.write' }, schema: { tags, summary: 'Delete an interested party', params: ZIdParams } },
    async (req, reply) => {
      await removeParty(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
