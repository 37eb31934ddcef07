import { z } from 'zod';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { uploadScope } from '../../platform/http/uploads';
import { ZOrgParams } from '../orgs/schema';
import { csvDownload, reportDownload, workbookDownload, type Download } from './exports';
import { importWorkbook } from './import-workbook';

/** An exported workbook is about 100 KB; 10 MB leaves room for pictures someone pasted in. */
export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZImportSummary = z.object({
  updated: z.number().describe('requirements changed by the file'),
  unchanged: z.number().describe('requirements the file left as they were (rows equal to the assessment, or no row)'),
  items: z.array(z.string()).describe('refs of the changed requirements, in file order'),
});

const send = (reply: FastifyReply, d: Download) =>
  reply.type(d.contentType).header('content-disposition', attachment(d.fileName)).send(d.body);

export function gapExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Gap analysis'];
  const base = '/api/orgs/:orgId/gap-assessments/:id';

  app.get(
    `${base}/export.xlsx`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary:
          'The assessment as an Excel workbook: one row per requirement with guidance and answer columns, a Scores sheet; edit it and import it back',
        params: ZIdParams,
      },
    },
    async (req, reply) => send(reply, await workbookDownload(deps, req.params.orgId, req.params.id)),
  );

  app.get(
    `${base}/export.csv`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary: 'The assessment as CSV, with the columns of the Excel workbook (read-only: import the .xlsx)',
        params: ZIdParams,
      },
    },
    async (req, reply) => send(reply, await csvDownload(deps, req.params.orgId, req.params.id)),
  );

  app.get(
    `${base}/report.docx`,
    {
      config: { access: 'gap.read' },
      schema: {
        tags,
        summary:
          'The gap report as a Word document: summary, readiness per clause and Annex A group with a chart, the gap list',
        params: ZIdParams,
      },
    },
    async (req, reply) => send(reply, await reportDownload(deps, req.params.orgId, req.params.id, 'docx')),
  );

  app.get(
    `${base}/report.pdf`,
    {
      config: { access: 'gap.read' },
      schema: { tags, summary: 'The gap report as PDF (the same content as the Word document)', params: ZIdParams },
    },
    async (req, reply) => send(reply, await reportDownload(deps, req.params.orgId, req.params.id, 'pdf')),
  );

  // The workbook is the only upload here; multipart lives in its own scope (platform/http/uploads.ts).
  uploadScope(fastify, { maxBytes: MAX_WORKBOOK_BYTES, what: '.xlsx workbook' }, (scope, readUpload) => {
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${base}/import`,
      {
        config: { access: 'gap.write' },
        schema: {
          tags,
          summary:
            'Import an edited workbook (multipart/form-data, field "file"): all rows are checked, then applied in one transaction; any problem answers 422 with details.issues [{ row, ref, column, cell, message }] and changes nothing',
          params: ZIdParams,
          consumes: ['multipart/form-data'],
          body: z.object({
            file: z.string().meta({ format: 'binary' }).describe('the edited .xlsx, as exported by GET …/export.xlsx'),
          }),
          response: { 200: ZImportSummary },
        },
      },
      async (req) => {
        const { bytes } = await readUpload(req);
        return importWorkbook(deps, actorOf(req), req.params.orgId, req.params.id, bytes);
      },
    );
  });
}
