import { z } from 'zod';
import {
  AI_SYSTEM_CSV_COLUMNS,
  CSV_LIST_SEPARATOR,
  ZCreateAiSystem,
  ZUpdateAiSystem,
  ZUpdateAiSystemProfile,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { toCsv } from '../../platform/csv';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { ZListQuery, ZPage } from '../../platform/pagination';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';
import { importAiSystems, ZImportBody, ZImportPlan } from './import';
import { ZOrgParams } from '../orgs/schema';
import { ZAuditEvent } from '../audit-trail/routes';
import { ZAiSystem, ZAiSystemAnswer, ZAiSystemFilter, ZAiSystemListQuery, type TAiSystem } from './schema';
import { getAiSystemProfile, updateAiSystemProfile, ZAiSystemProfileOut } from './profile';
import {
  aiSystemHistory,
  allAiSystems,
  createAiSystem,
  createAiSystems,
  getAiSystem,
  listAiSystems,
  MAX_BULK_ITEMS,
  removeAiSystem,
  updateAiSystemFields,
} from './service';
import { today } from '../../platform/clock';

const ZItemParams = ZOrgParams.extend({ id: z.string().max(64) });

function csvRow(s: TAiSystem): string[] {
  const list = (xs: string[]) => xs.join(`${CSV_LIST_SEPARATOR} `);
  const byColumn: Record<(typeof AI_SYSTEM_CSV_COLUMNS)[number], string> = {
    name: s.name,
    description: s.description,
    intendedPurpose: s.intendedPurpose,
    aiRoles: list(s.aiRoles),
    lifecycleStage: s.lifecycleStage,
    ownerEmail: s.owner?.email ?? '',
    jurisdictions: list(s.jurisdictions),
    thirdParties: list(s.thirdParties),
    riskTier: s.riskTier,
    status: s.status,
    tags: list(s.tags),
  };
  return AI_SYSTEM_CSV_COLUMNS.map((c) => byColumn[c]);
}

export function inventoryRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['AI system inventory'];

  app.get(
    '/api/orgs/:orgId/ai-systems',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary: 'The AI system inventory: filter, sort, cursor pagination',
        params: ZOrgParams,
        querystring: ZAiSystemListQuery,
        response: { 200: ZPage(ZAiSystem).extend({ total: z.number(), people: ZPeople }) },
      },
    },
    async (req) => listWithPeople(await listAiSystems(deps, req.params.orgId, req.query)),
  );

  app.post(
    '/api/orgs/:orgId/ai-systems',
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags,
        summary: 'Add an AI system',
        params: ZOrgParams,
        body: ZCreateAiSystem,
        response: { 201: ZAiSystemAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createAiSystem(deps, actorOf(req), req.params.orgId, req.body))),
  );

  app.post(
    '/api/orgs/:orgId/ai-systems/bulk',
    {
      config: { access: 'ai_system.write' },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: `Add up to ${MAX_BULK_ITEMS} AI systems at once, all or nothing (used by "fortytwo ai-systems import")`,
        params: ZOrgParams,
        body: z.strictObject({
          items: z.array(ZCreateAiSystem).min(1, 'items is empty: nothing to import').max(MAX_BULK_ITEMS),
        }),
        response: { 201: z.object({ created: z.number(), items: z.array(ZAiSystem), people: ZPeople }) },
      },
    },
    async (req, reply) => {
      const items = await createAiSystems(deps, actorOf(req), req.params.orgId, req.body.items);
      return reply.code(201).send(listWithPeople({ created: items.length, items }));
    },
  );

  app.post(
    '/api/orgs/:orgId/ai-systems/import',
    {
      config: { access: 'ai_system.write' },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import AI systems: a row with an id of this organization, or else a matching name, updates that system; others create one. dryRun answers the plan and writes nothing; otherwise all or nothing',
        params: ZOrgParams,
        body: ZImportBody,
        response: { 200: ZImportPlan },
      },
    },
    async (req) => importAiSystems(deps, actorOf(req), req.params.orgId, req.body),
  );

  app.get(
    '/api/orgs/:orgId/ai-systems/export.csv',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary: 'The inventory (with the same filters as the list) as CSV',
        params: ZOrgParams,
        querystring: ZAiSystemFilter,
      },
    },
    async (req, reply) => {
      const rows: string[][] = [];
      for await (const batch of allAiSystems(deps, req.params.orgId, req.query)) rows.push(...batch.map(csvRow));
      const date = today();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`ai-systems-${date}.csv`))
        .send(toCsv(AI_SYSTEM_CSV_COLUMNS, rows));
    },
  );

  app.get(
    '/api/orgs/:orgId/ai-systems/:id',
    {
      config: { access: 'ai_system.read' },
      schema: { tags, summary: 'One AI system', params: ZItemParams, response: { 200: ZAiSystemAnswer } },
    },
    async (req) => oneWithPeople(await getAiSystem(deps, req.params.orgId, req.params.id)),
  );

  app.patch(
    '/api/orgs/:orgId/ai-systems/:id',
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags,
        summary: 'Change an AI system; send the version you read (409 STALE_VERSION if it moved on)',
        params: ZItemParams,
        body: ZUpdateAiSystem,
        response: { 200: ZAiSystemAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await updateAiSystemFields(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  app.delete(
    '/api/orgs/:orgId/ai-systems/:id',
    {
      config: { access: 'ai_system.delete' },
      schema: { tags, summary: 'Delete an AI system (its history stays in the audit trail)', params: ZItemParams },
    },
    async (req, reply) => {
      await removeAiSystem(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/orgs/:orgId/ai-systems/:id/history',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary: "An AI system's audit trail, newest first",
        params: ZItemParams,
        querystring: ZListQuery,
        response: { 200: ZPage(ZAuditEvent) },
      },
    },
    async (req) => {
      await getAiSystem(deps, req.params.orgId, req.params.id);
      return aiSystemHistory(deps, req.params.orgId, req.params.id, req.query);
    },
  );

  app.get(
    '/api/orgs/:orgId/ai-systems/:id/profile',
    {
      config: { access: 'ai_system.read' },
      schema: {
        tags,
        summary:
          "An AI system's resources (A.4), intended use and misuse, affected groups and human oversight, with what is still missing",
        params: ZItemParams,
        response: { 200: ZAiSystemProfileOut },
      },
    },
    async (req) => getAiSystemProfile(deps, req.params.orgId, req.params.id),
  );

  app.put(
    '/api/orgs/:orgId/ai-systems/:id/profile',
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags,
        summary:
          "Replace an AI system's profile; send the AI system's version you read (409 STALE_VERSION if it moved on)",
        params: ZItemParams,
        body: ZUpdateAiSystemProfile,
        response: { 200: ZAiSystemProfileOut },
      },
    },
    async (req) => updateAiSystemProfile(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
}
