import { z } from 'zod';
import { ZCustomControlFields, ZUpdateCustomControl } from '@fortytwo/catalog';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import {
  createCustomControl,
  getCustomControl,
  listCustomControls,
  removeCustomControl,
  updateCustomControl,
  ZCustomControl,
} from './custom-controls';
import { importCatalogFile, listImports, removeImport, ZCatalogImport, ZImportBody } from './imports';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

export function catalogWriteRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Custom controls and imports'];

  app.get(
    '/api/orgs/:orgId/custom-controls',
    {
      config: { access: 'catalog.read' },
      schema: {
        tags,
        summary: "The organization's own controls, beyond Annex A",
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZCustomControl), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listCustomControls(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    '/api/orgs/:orgId/custom-controls',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Add a custom control',
        params: ZOrgParams,
        body: ZCustomControlFields,
        response: { 201: ZCustomControl },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createCustomControl(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    '/api/orgs/:orgId/custom-controls/:id',
    {
      config: { access: 'catalog.read' },
      schema: { tags, summary: 'One custom control', params: ZIdParams, response: { 200: ZCustomControl } },
    },
    async (req) => getCustomControl(deps, req.params.orgId, req.params.id),
  );
  app.patch(
    '/api/orgs/:orgId/custom-controls/:id',
    {
      config: { access: 'catalog.manage' },
      schema: {
        tags,
        summary: 'Change a custom control; send the version you read',
        params: ZIdParams,
        body: ZUpdateCustomControl,
        response: { 200: ZCustomControl },
      },
    },
    async (req) => updateCustomControl(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  app.delete(
    '/api/orgs/:orgId/custom-controls/:id',
    {
      config: { access: 'catalog.manage' },
      schema: { tags, summary: 'Delete a custom control (its history stays in the audit trail)', params: ZIdParams },
    },
    async (req, reply) => {
      await removeCustomControl(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/orgs/:orgId/catalog/imports',
    {
      config: { access: 'catalog.read' },
      schema: {
        tags,
        summary: 'Frameworks and crosswalks this organization imported',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZCatalogImport), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listImports(deps, req.params.orgId), nextCursor: null }),
  );
  app.post(
    '/api/orgs/:orgId/catalog/imports',
    {
      config: { access: 'catalog.manage' },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import a framework or crosswalk file (YAML or JSON, format fortytwo/framework@1 or fortytwo/crosswalk@1); all or nothing, 422 IMPORT_REJECTED lists each problem with its line',
        params: ZOrgParams,
        body: ZImportBody,
        response: { 201: ZCatalogImport },
      },
    },
    async (req, reply) => reply.code(201).send(await importCatalogFile(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.delete(
    '/api/orgs/:orgId/catalog/imports/:id',
    {
      config: { access: 'catalog.manage' },
      schema: { tags, summary: 'Remove an imported framework or crosswalk', params: ZIdParams },
    },
    async (req, reply) => {
      await removeImport(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
