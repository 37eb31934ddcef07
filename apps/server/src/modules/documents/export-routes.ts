import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { masterList } from './master-list';
import { masterListReport, masterListTable } from './master-list-export';
import { documentPackage } from './package';

// Documents as files for people outside Fortytwo: the master list of documented information in
// every export format, and the evidence package of the documents in force (see package.ts).

export function documentExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Documents (7.5)'];
  const store = fileStoreOf(deps);
  const orgName = async (orgId: string) =>
    (await deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;

  for (const format of TABLE_FORMATS)
    app.get(
      `/api/orgs/:orgId/documented-information/export.${format}`,
      {
        config: { access: 'document.read' },
        schema: {
          tags,
          summary: `The master list of documented information as ${format.toUpperCase()}: one row per line, with its problems`,
          params: ZOrgParams,
        },
      },
      async (req, reply) => {
        const items = await masterList(deps.db, req.params.orgId);
        return sendTable(reply, format, masterListTable(items, await orgName(req.params.orgId), nowIso()));
      },
    );

  for (const format of DOCUMENT_FORMATS)
    app.get(
      `/api/orgs/:orgId/documented-information/export.${format}`,
      {
        config: { access: 'document.read' },
        schema: {
          tags,
          summary: `The master list of documented information as ${format.toUpperCase()}, with the organization and the date`,
          params: ZOrgParams,
        },
      },
      async (req, reply) => {
        const items = await masterList(deps.db, req.params.orgId);
        return sendDocument(reply, format, masterListReport(items, await orgName(req.params.orgId), nowIso()));
      },
    );

  app.get(
    '/api/orgs/:orgId/documents/export.zip',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary:
          'The evidence package: every document in force as its approved .docx and .pdf (the stored bytes), the master list as PDF, manifest.json and SHA256SUMS',
        description:
          'A zip to verify offline. `manifest.json`: `{ format: "fortytwo/document-package@1", organization { id, name }, generatedAt, generatedBy, hashAlgorithm: "SHA-256", howToVerify, documents, files: [{ fileName, kind: document|master_list, mediaType, size, sha256, documentId, code, title, versionId, version, state, approvedAt, approvedBy { id, name }, publishedAt, publishedBy }] }`. `SHA256SUMS` lists the same hashes for `sha256sum -c`. Files are named `documents/<code>-v<version>.<docx|pdf>`.',
        params: ZOrgParams,
      },
    },
    async (req, reply) => {
      const pkg = await documentPackage(deps, store, actorOf(req), req.params.orgId);
      reply.header('content-disposition', attachment(pkg.fileName));
      return reply.type('application/zip').send(pkg.stream);
    },
  );
}
