import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { uploadScope } from '../../platform/http/uploads';
import { ZOrgParams } from '../orgs/schema';
import { addEvidenceFile, MAX_EVIDENCE_BYTES, readEvidenceFile, removeEvidenceFile } from './attachments';
import { oneWithPeople } from '../../platform/people';
import { ZGapItemAnswer } from './schema';

const ZItemParams = ZOrgParams.extend({ id: z.string().max(64), ref: z.string().max(40) });
const ZFileParams = ZItemParams.extend({ fileId: z.string().max(64) });

export function gapAttachmentRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = fileStoreOf(deps);
  const tags = ['Gap analysis'];
  const base = '/api/orgs/:orgId/gap-assessments/:id/items/:ref/files';

  app.get(
    `${base}/:fileId`,
    {
      config: { access: 'gap.read' },
      schema: { tags, summary: 'Download an evidence file of a requirement', params: ZFileParams },
    },
    async (req, reply) => {
      const f = await readEvidenceFile(deps, store, req.params.orgId, req.params.id, req.params.ref, req.params.fileId);
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.bytes);
    },
  );

  app.delete(
    `${base}/:fileId`,
    {
      config: { access: 'gap.write' },
      schema: { tags, summary: 'Remove an evidence file from a requirement', params: ZFileParams },
    },
    async (req, reply) => {
      await removeEvidenceFile(deps, actorOf(req), req.params.orgId, req.params.id, req.params.ref, req.params.fileId);
      return reply.code(204).send();
    },
  );

  uploadScope(fastify, { maxBytes: MAX_EVIDENCE_BYTES, what: 'evidence file' }, (scope, readUpload) => {
    scope.withTypeProvider<ZodTypeProvider>().post(
      base,
      {
        config: { access: 'gap.write' },
        schema: {
          tags,
          summary: `Upload an evidence file to a requirement (multipart/form-data, field "file", at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB); answers the item`,
          params: ZItemParams,
          consumes: ['multipart/form-data'],
          body: z.object({ file: z.string().meta({ format: 'binary' }).describe('the evidence file') }),
          response: { 201: ZGapItemAnswer },
        },
      },
      async (req, reply) => {
        const upload = await readUpload(req);
        return reply
          .code(201)
          .send(
            oneWithPeople(
              await addEvidenceFile(deps, store, actorOf(req), req.params.orgId, req.params.id, req.params.ref, upload),
            ),
          );
      },
    );
  });
}
