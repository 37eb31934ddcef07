import {
  EXPIRY_STATES,
  MAX_EVIDENCE_FILE_BYTES,
  ZCreateEvidenceLink,
  ZEvidenceFields,
  ZEvidenceLinkTarget,
  ZEvidenceSubjectType,
  ZEvidenceUrl,
  ZUpdateEvidence,
  versionField,
  type EvidenceSubjectType,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { uploadScope } from '../../platform/http/uploads';
import { ZOrgParams } from '../orgs/schema';
import { assertSubject, evidenceFor } from './links';
import { getEvidenceDetail, listEvidence } from './read';
import { ZEvidenceAnswer, ZEvidenceDetailAnswer, ZEvidenceOut, ZEvidenceSummary } from './schema';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';
import {
  addRevision,
  attach,
  createFileEvidence,
  createLinkEvidence,
  deleteEvidence,
  detach,
  evidenceFile,
  updateEvidence,
} from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZTargetParams = ZIdParams.extend({ subjectType: ZEvidenceSubjectType, subjectId: z.string().max(100) });
export const ZEvidenceFilter = z.object({
  ownerId: z.string().max(64).optional(),
  expiry: z.enum(EXPIRY_STATES, { error: `expiry must be one of: ${EXPIRY_STATES.join(', ')}` }).optional(),
  subjectType: ZEvidenceSubjectType.optional(),
  q: z.string().max(200, 'Search must be at most 200 characters').optional(),
});
const ZOptionalTarget = z.object({
  subjectType: ZEvidenceSubjectType.optional(),
  subjectId: z.string().max(100).optional(),
});
const targetOf = (t: { subjectType?: EvidenceSubjectType | undefined; subjectId?: string | undefined }) => {
  if (!t.subjectType && !t.subjectId) return null;
  const parsed = ZEvidenceLinkTarget.safeParse(t);
  if (!parsed.success)
    throw new AppError('VALIDATION', 'To attach the new evidence at once, send both subjectType and subjectId.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  return parsed.data;
};

/** Multipart text fields to a schema: empty fields mean "not given", like an empty form input. */
function formFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.output<T> {
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new AppError('VALIDATION', `${first.message}. Nothing was changed.`, {
      issues: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
    });
  }
  return parsed.data;
}
const ZUploadFields = ZEvidenceFields.extend({
  subjectType: ZEvidenceSubjectType.optional(),
  subjectId: z.string().max(100).optional(),
});
const ZRevisionFields = z.strictObject({
  version: z.coerce.number().pipe(versionField()),
  note: z.string().trim().max(2000, 'Note must be at most 2000 characters').default(''),
});

export function evidenceRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = fileStoreOf(deps);
  const tags = ['Evidence library'];
  const base = '/api/orgs/:orgId/evidence';

  app.get(
    base,
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary:
          'The evidence register, newest first; filter by owner, expiry state, attached subject type, or search text',
        params: ZOrgParams,
        querystring: ZEvidenceFilter,
        response: { 200: z.object({ items: z.array(ZEvidenceOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      listWithPeople({ items: await listEvidence(deps.db, req.params.orgId, req.query), nextCursor: null }),
  );
  app.post(
    base,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Add a link as evidence (a page, a ticket, a folder); optionally attach it to a record at once',
        params: ZOrgParams,
        body: ZCreateEvidenceLink.extend(ZOptionalTarget.shape),
        response: { 201: ZEvidenceAnswer },
      },
    },
    async (req, reply) => {
      const { subjectType, subjectId, ...input } = req.body;
      return reply
        .code(201)
        .send(
          oneWithPeople(
            await createLinkEvidence(deps, actorOf(req), req.params.orgId, input, targetOf({ subjectType, subjectId })),
          ),
        );
    },
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary:
          'One piece of evidence with its revisions, what it is attached to, and the crosswalk items it also serves',
        params: ZIdParams,
        response: { 200: ZEvidenceDetailAnswer },
      },
    },
    async (req) => oneWithPeople(await getEvidenceDetail(deps.db, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Change the title, description, owner or dates',
        params: ZIdParams,
        body: ZUpdateEvidence,
        response: { 200: ZEvidenceAnswer },
      },
    },
    async (req) => oneWithPeople(await updateEvidence(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Delete evidence added by mistake; refused while it is attached to anything',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await deleteEvidence(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.post(
    `${base}/:id/revisions`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary:
          'A new link replaces the current one (the earlier revisions are kept); for a new file, upload to …/revisions/file',
        params: ZIdParams,
        body: z.strictObject({
          version: versionField(),
          url: ZEvidenceUrl,
          note: z.string().trim().max(2000, 'Note must be at most 2000 characters').default(''),
        }),
        response: { 201: ZEvidenceDetailAnswer },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(oneWithPeople(await addRevision(deps, null, actorOf(req), req.params.orgId, req.params.id, req.body))),
  );
  app.get(
    `${base}/:id/file`,
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: 'Download the file of the current revision, or of ?revision=N',
        params: ZIdParams,
        querystring: z.object({ revision: z.coerce.number().int().min(1).max(1_000_000).optional() }),
      },
    },
    async (req, reply) => {
      const f = await evidenceFile(deps, store, req.params.orgId, req.params.id, req.query.revision);
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.bytes);
    },
  );
  app.post(
    `${base}/:id/links`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Attach the evidence to a record (requirement, control, risk …); attaching twice changes nothing',
        params: ZIdParams,
        body: ZEvidenceLinkTarget,
        response: { 200: ZEvidenceDetailAnswer },
      },
    },
    async (req) => oneWithPeople(await attach(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id/links/:subjectType/:subjectId`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Detach the evidence from a record (the evidence stays in the library)',
        params: ZTargetParams,
      },
    },
    async (req, reply) => {
      await detach(deps, actorOf(req), req.params.orgId, req.params.id, {
        subjectType: req.params.subjectType,
        subjectId: req.params.subjectId,
      });
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/orgs/:orgId/evidence-links',
    {
      config: { access: 'evidence.read' },
      schema: {
        tags,
        summary: "The evidence attached to one record (what the web's evidence panel shows)",
        params: ZOrgParams,
        querystring: ZEvidenceLinkTarget,
        response: { 200: z.object({ items: z.array(ZEvidenceSummary) }) },
      },
    },
    async (req) => {
      await assertSubject(deps.db, req.params.orgId, req.query.subjectType, req.query.subjectId);
      return { items: await evidenceFor(deps.db, req.params.orgId, req.query.subjectType, req.query.subjectId) };
    },
  );

  uploadScope(fastify, { maxBytes: MAX_EVIDENCE_FILE_BYTES, what: 'evidence file' }, (scope, readUpload) => {
    const upload = scope.withTypeProvider<ZodTypeProvider>();
    upload.post(
      `${base}/files`,
      {
        config: { access: 'evidence.write' },
        schema: {
          tags,
          summary: `Add a file as evidence (multipart/form-data: the field "file", at most ${MAX_EVIDENCE_FILE_BYTES / 1024 / 1024} MB, and optional text fields title, description, ownerId, effectiveOn, expiresOn, subjectType and subjectId to attach it at once)`,
          params: ZOrgParams,
          consumes: ['multipart/form-data'],
          body: z.object({ file: z.string().meta({ format: 'binary' }).describe('the evidence file') }),
          response: { 201: ZEvidenceAnswer },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req);
        const { subjectType, subjectId, ...fields } = formFields(ZUploadFields, file.fields);
        return reply
          .code(201)
          .send(
            oneWithPeople(
              await createFileEvidence(
                deps,
                store,
                actorOf(req),
                req.params.orgId,
                file,
                fields,
                targetOf({ subjectType, subjectId }),
              ),
            ),
          );
      },
    );
    upload.post(
      `${base}/:id/revisions/file`,
      {
        config: { access: 'evidence.write' },
        schema: {
          tags,
          summary:
            'A new file replaces the current one (multipart: "file", and the text fields version and note; version may also come as ?version=); the earlier revisions are kept',
          params: ZIdParams,
          querystring: z.object({ version: z.string().max(12).optional() }),
          consumes: ['multipart/form-data'],
          body: z.object({ file: z.string().meta({ format: 'binary' }) }),
          response: { 201: ZEvidenceDetailAnswer },
        },
      },
      async (req, reply) => {
        const file = await readUpload(req);
        const fields = formFields(ZRevisionFields, {
          ...(req.query.version ? { version: req.query.version } : {}),
          ...file.fields,
        });
        return reply
          .code(201)
          .send(
            oneWithPeople(
              await addRevision(deps, store, actorOf(req), req.params.orgId, req.params.id, { ...fields, file }),
            ),
          );
      },
    );
  });
}
