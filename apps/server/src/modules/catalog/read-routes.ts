import { z } from 'zod';
import { toOscalCatalog, type Framework } from '@fortytwo/catalog';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import type { Access } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { notFound } from '../../platform/errors';
import { ZOrgParams } from '../orgs/schema';
import { BUILTIN_CATALOG_DATE } from './builtin';
import { BUILTIN_VIEW, catalogViewFor, type CatalogView } from './org-catalog';
import {
  presentItem,
  ZCrosswalkDetail,
  ZCrosswalkSummary,
  ZFrameworkDetail,
  ZFrameworkParams,
  ZFrameworkSummary,
  ZItemDetail,
  ZItemParams,
  ZSearchHit,
  ZSearchQuery,
} from './schema';

// (Route params are typed per scope; the handlers read the shared ones with a narrow cast.)
// The read side of the catalogue, registered twice: under /api/catalog for what Fortytwo ships
// (any signed-in user), and under /api/orgs/:orgId/catalog for an organization's view, which adds
// its imported frameworks, crosswalks and custom controls.

const summary = (view: CatalogView, fw: Framework) => ({
  id: fw.id,
  name: fw.name,
  version: fw.version,
  publisher: fw.publisher ?? null,
  description: fw.description ?? null,
  url: fw.url ?? null,
  origin: view.frameworkOrigin(fw.id),
  itemCount: fw.items.length,
  assessableCount: fw.items.filter((i) => i.assessable).length,
});

function frameworkOf(view: CatalogView, id: string): Framework {
  const fw = view.catalog.framework(id);
  if (!fw) throw notFound(`Framework "${id}"`);
  return fw;
}

type Scope = {
  prefix: string;
  access: Access;
  params: z.ZodObject;
  viewOf: (req: FastifyRequest) => Promise<CatalogView>;
  tag: string;
};

function register(fastify: FastifyInstance, scope: Scope) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { prefix, access, viewOf } = scope;
  const tags = [scope.tag];
  const config = { access };

  app.get(
    `${prefix}/frameworks`,
    {
      config,
      schema: {
        tags,
        summary: 'Frameworks in the catalogue',
        params: scope.params,
        response: { 200: z.object({ items: z.array(ZFrameworkSummary), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      return { items: view.catalog.frameworks.map((fw) => summary(view, fw)), nextCursor: null };
    },
  );

  app.get(
    `${prefix}/frameworks/:frameworkId`,
    {
      config,
      schema: {
        tags,
        summary: 'A framework with all its items, required documents and reference lists',
        params: scope.params.extend(ZFrameworkParams.shape),
        response: { 200: ZFrameworkDetail },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      const fw = frameworkOf(view, (req.params as { frameworkId: string }).frameworkId);
      return {
        ...summary(view, fw),
        items: fw.items.map(presentItem),
        documents: fw.documents,
        referenceLists: fw.referenceLists.map((l) => ({ ...l, description: l.description ?? null })),
      };
    },
  );

  app.get(
    `${prefix}/frameworks/:frameworkId/items/:ref`,
    {
      config,
      schema: {
        tags,
        summary: 'One item with its guidance, place in the tree, required documents and crosswalk links',
        params: scope.params.extend(ZItemParams.shape),
        response: { 200: ZItemDetail },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      const fw = frameworkOf(view, (req.params as { frameworkId: string }).frameworkId);
      const { ref } = req.params as { ref: string };
      const detail = view.catalog.detail(fw.id, ref);
      if (!detail) throw notFound(`Item "${ref}" of ${fw.name}`);
      const nameOf = (id: string) => view.catalog.framework(id)?.name ?? id;
      return {
        ...presentItem(detail),
        frameworkId: fw.id,
        frameworkName: fw.name,
        ancestors: detail.ancestors,
        children: detail.children,
        related: detail.related,
        documents: detail.documents,
        links: detail.links.map((l) => ({ ...l, frameworkName: nameOf(l.frameworkId) })),
      };
    },
  );

  app.get(
    `${prefix}/frameworks/:frameworkId/oscal`,
    {
      config,
      schema: {
        tags,
        summary: 'The framework as an OSCAL 1.0.6 catalog (JSON)',
        params: scope.params.extend(ZFrameworkParams.shape),
      },
    },
    async (req, reply) => {
      const view = await viewOf(req);
      const fw = frameworkOf(view, (req.params as { frameworkId: string }).frameworkId);
      const lastModified = view.importedAt(fw.id)?.replace(/\.\d+Z$/, 'Z') ?? BUILTIN_CATALOG_DATE;
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(`${fw.id}-oscal-catalog.json`))
        .send(JSON.stringify(toOscalCatalog(fw, { lastModified }), null, 2));
    },
  );

  app.get(
    `${prefix}/search`,
    {
      config,
      schema: {
        tags,
        summary: 'Full-text search over refs, titles and guidance',
        params: scope.params,
        querystring: ZSearchQuery,
        response: { 200: z.object({ items: z.array(ZSearchHit), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      if (req.query.frameworkId) frameworkOf(view, req.query.frameworkId);
      const hits = view.catalog.search(req.query.q, {
        limit: req.query.limit,
        ...(req.query.frameworkId ? { frameworkId: req.query.frameworkId } : {}),
      });
      // The rank only orders the hits; it is not part of the answer.
      return { items: hits.map(({ score: _score, ...hit }) => hit), nextCursor: null };
    },
  );

  app.get(
    `${prefix}/crosswalks`,
    {
      config,
      schema: {
        tags,
        summary: 'Crosswalks between frameworks',
        params: scope.params,
        response: { 200: z.object({ items: z.array(ZCrosswalkSummary), nextCursor: z.null() }) },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      return {
        items: view.catalog.crosswalks.map((c) => ({
          id: c.id,
          name: c.name,
          source: c.source,
          target: c.target,
          provenance: c.provenance,
          description: c.description ?? null,
          origin: view.crosswalkOrigin(c.id),
          linkCount: c.links.length,
        })),
        nextCursor: null,
      };
    },
  );

  app.get(
    `${prefix}/crosswalks/:crosswalkId`,
    {
      config,
      schema: {
        tags,
        summary: 'One crosswalk with all its links',
        params: scope.params.extend({ crosswalkId: z.string().max(63) }),
        response: { 200: ZCrosswalkDetail },
      },
    },
    async (req) => {
      const view = await viewOf(req);
      const { crosswalkId } = req.params as { crosswalkId: string };
      const c = view.catalog.crosswalks.find((x) => x.id === crosswalkId);
      if (!c) throw notFound(`Crosswalk "${crosswalkId}"`);
      return {
        id: c.id,
        name: c.name,
        source: c.source,
        target: c.target,
        provenance: c.provenance,
        description: c.description ?? null,
        origin: view.crosswalkOrigin(c.id),
        linkCount: c.links.length,
        links: c.links,
      };
    },
  );
}

export function catalogReadRoutes(fastify: FastifyInstance, deps: AppDeps) {
  register(fastify, {
    prefix: '/api/catalog',
    access: 'user',
    params: z.object({}),
    viewOf: () => Promise.resolve(BUILTIN_VIEW()),
    tag: 'Catalogue',
  });
  register(fastify, {
    prefix: '/api/orgs/:orgId/catalog',
    access: 'catalog.read',
    params: ZOrgParams,
    viewOf: (req) => catalogViewFor(deps.db, (req.params as { orgId: string }).orgId),
    tag: "Catalogue (an organization's view)",
  });
}
