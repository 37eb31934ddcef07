import { EVIDENCE_SUBJECT_LABELS, EXPIRY_STATE_LABELS } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { sendTable, TABLE_FORMATS, type Table } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { linksOf } from './links';
import { evidencePackage } from './package';
import { listEvidence } from './read';
import { ZEvidenceFilter } from './routes';

// The evidence register as files for people outside Fortytwo: CSV/XLSX rows and the evidence package.

export function evidenceExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Evidence library'];
  const store = fileStoreOf(deps);

  for (const format of TABLE_FORMATS)
    app.get(
      `/api/orgs/:orgId/evidence/export.${format}`,
      {
        config: { access: 'evidence.read' },
        schema: {
          tags,
          summary: `The evidence register as ${format.toUpperCase()} (same filters as the list)`,
          params: ZOrgParams,
          querystring: ZEvidenceFilter,
        },
      },
      async (req, reply) => {
        const items = await listEvidence(deps.db, req.params.orgId, req.query);
        const links = await linksOf(
          deps.db,
          req.params.orgId,
          items.map((e) => e.id),
        );
        const table: Table = {
          name: 'evidence-register',
          sheet: 'Evidence',
          columns: [
            { key: 'reference', header: 'Reference', width: 10 },
            { key: 'title', header: 'Title', width: 40 },
            { key: 'kind', header: 'Kind', width: 8 },
            { key: 'file_or_link', header: 'File or link', width: 40 },
            { key: 'sha256', header: 'SHA-256', width: 20 },
            { key: 'owner', header: 'Owner', width: 20 },
            { key: 'effective_on', header: 'Effective date', width: 14 },
            { key: 'expires_on', header: 'Review or expiry date', width: 14 },
            { key: 'expiry_state', header: 'Expiry', width: 10 },
            { key: 'revision', header: 'Revision', width: 9 },
            { key: 'attached_to', header: 'Attached to', width: 60 },
            { key: 'collected_by', header: 'Collected by', width: 20 },
            { key: 'created_at', header: 'Added', width: 20 },
          ],
          rows: items.map((e) => [
            e.reference,
            e.title,
            e.kind,
            e.file?.name ?? e.url ?? '',
            e.file?.sha256 ?? '',
            e.owner?.name ?? '',
            e.effectiveOn ?? '',
            e.expiresOn ?? '',
            EXPIRY_STATE_LABELS[e.expiryState],
            e.revision,
            (links.get(e.id) ?? [])
              .map((l) => `${EVIDENCE_SUBJECT_LABELS[l.subjectType] ?? l.subjectType}: ${l.label}`)
              .join('; '),
            e.collectedBy ?? '',
            e.createdAt,
          ]),
          about: [
            ['Exported', nowIso()],
            ['Rows', String(items.length)],
          ],
        };
        return sendTable(reply, format, table);
      },
    );

  app.get(
    '/api/orgs/:orgId/evidence/export.zip',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary:
          'The evidence package: the current file of every piece of evidence (the stored bytes), manifest.json and SHA256SUMS, streamed',
        description:
          'A zip to verify offline with `fortytwo evidence verify`. `manifest.json` (last in the zip): `{ format: "fortytwo/evidence-package@1", organization, generatedAt, generatedBy, hashAlgorithm, howToVerify, evidence: [{ reference, title, kind, fileName, url, mediaType, size, sha256, revision, owner, collectedBy, collectedAt, effectiveOn, expiresOn, expiryState, proves: [{ subjectType, subjectTypeLabel, subjectId, label }] }], files: [{ fileName, reference, title, mediaType, size, sha256 }] }`. Files are named `evidence/EV-<n>-<name>`. Same filters as the list.',
        params: ZOrgParams,
        querystring: ZEvidenceFilter,
      },
    },
    async (req, reply) => {
      const pkg = await evidencePackage(deps, store, actorOf(req), req.params.orgId, req.query);
      reply.header('content-disposition', attachment(pkg.fileName));
      return reply.type('application/zip').send(pkg.stream);
    },
  );
}
