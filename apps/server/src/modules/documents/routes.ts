import { z } from 'zod';
import { DOCUMENT_KINDS } from '@fortytwo/catalog';
import { versionField, ZCreateDocument, ZDocumentSettings, ZUpdateDraft } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import { fileStoreOf } from '../../platform/file-stores';
import type { AppDeps } from '../../platform/http/app';
import { attachment } from '../../platform/http/content-disposition';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import { acknowledge, acknowledgementsOf, ZAcknowledgements } from './awareness';
import { createDocument, regenerateSections, startNewDraft, updateDraft } from './drafts';
import { downloadVersion } from './downloads';
import { masterList, ZMasterItem } from './master-list';
import { listDocuments, readDocument, readVersion, ZDocumentDetail, ZDocumentOut, ZVersionDetail } from './read';
import { documentsWithPeople, documentWithPeople } from './answers';
import { ZPeople } from '../../platform/people';
import { readSettings, updateSettings, ZDocumentSettingsOut } from './settings';
import { documentTypes } from './types';

/** One document's answer: the document and its owner and approver, in `people` (issue 19). */
const ZDocumentAnswer = ZDocumentDetail.extend({ people: ZPeople });

const ZDocParams = ZOrgParams.extend({ id: z.string().max(64) });
export const ZVersionParams = ZDocParams.extend({ versionId: z.string().max(64) });
export const ZVersionOnly = z.strictObject({ version: versionField() });

const ZTypeOut = z.object({
  id: z.string(),
  prefix: z.string(),
  title: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  summary: z.string(),
  refs: z.array(z.string()),
  meets: z.array(z.string()),
  basis: z.string(),
  ownerRole: z.string(),
  approverRole: z.string(),
  reviewMonths: z.number(),
  retention: z.string(),
  inputs: z.array(z.string()),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      guidance: z.string(),
      questions: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          help: z.string().optional(),
          kind: z.string(),
          suggestion: z.union([z.string(), z.array(z.string())]).optional(),
        }),
      ),
    }),
  ),
});

export function documentRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Documents (7.5)'];
  const base = '/api/orgs/:orgId/documents';
  const version = `${base}/:id/versions/:versionId`;
  const store = fileStoreOf(deps);

  app.get(
    '/api/orgs/:orgId/document-types',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'The AIMS document types: sections with their guidance and wizard questions, what each serves',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZTypeOut), nextCursor: z.null() }) },
      },
    },
    () =>
      Promise.resolve({
        // What the type file says for the server alone stays here: its format tag, whether top
        // management approves it (the workflow applies it) and which register renders it.
        items: documentTypes().map(
          ({ format: _format, topManagementApproval: _approval, register: _register, ...type }) => type,
        ),
        nextCursor: null,
      }),
  );

  app.get(
    '/api/orgs/:orgId/document-settings',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Facts every document prints: code prefix, classification, top management, usual owner and approver',
        params: ZOrgParams,
        response: { 200: ZDocumentSettingsOut },
      },
    },
    async (req) => readSettings(deps.db, req.params.orgId),
  );
  app.put(
    '/api/orgs/:orgId/document-settings',
    {
      config: { access: 'document.publish' },
      schema: {
        tags,
        summary: 'Save the document settings (version 0 for the first save)',
        params: ZOrgParams,
        body: ZDocumentSettings,
        response: { 200: ZDocumentSettingsOut },
      },
    },
    async (req) => updateSettings(deps, actorOf(req), req.params.orgId, req.body),
  );

  app.get(
    '/api/orgs/:orgId/documented-information',
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary:
          "The master list of documented information: every mandatory item with what meets it, its state and its problems, then the organization's other documents",
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZMasterItem) }) },
      },
    },
    async (req) => ({
      items: await masterList(deps.db, req.params.orgId),
    }),
  );

  app.get(
    base,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: "The organization's documents with the version in force and the newest",
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZDocumentOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      documentsWithPeople({
        items: await listDocuments(deps.db, req.params.orgId),
        nextCursor: null,
      }),
  );
  app.post(
    base,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: "Create a document: draft 1.0, written from the organization's records and the wizard's answers",
        params: ZOrgParams,
        body: ZCreateDocument,
        response: { 201: ZDocumentAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(documentWithPeople(await createDocument(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'One document with its revision history',
        params: ZDocParams,
        response: { 200: ZDocumentAnswer },
      },
    },
    async (req) => documentWithPeople(await readDocument(deps.db, req.params.orgId, req.params.id)),
  );
  app.post(
    `${base}/:id/versions`,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: 'Start the next draft from the version in force (material: a new major version that needs approval)',
        params: ZDocParams,
        body: z.strictObject({
          material: z.boolean({ error: 'Say whether the change is material (true) or not (false)' }),
        }),
        response: { 201: ZVersionDetail },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await startNewDraft(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.get(
    version,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'One version with its sections, placeholders and reviews',
        params: ZVersionParams,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => readVersion(deps.db, req.params.orgId, req.params.id, req.params.versionId),
  );
  app.patch(
    version,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: 'Edit a draft: title, sections, answers, material or not, change summary',
        params: ZVersionParams,
        body: ZUpdateDraft,
        response: { 200: ZVersionDetail },
      },
    },
    async (req) => updateDraft(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.post(
    `${version}/regenerate`,
    {
      config: { access: 'document.write' },
      schema: {
        tags,
        summary: 'Write sections of a draft again from the records as they are now (all sections when none are named)',
        params: ZVersionParams,
        body: ZVersionOnly.extend({ sectionKeys: z.array(z.string().max(60)).max(60).default([]) }),
        response: { 200: ZVersionDetail },
      },
    },
    async (req) =>
      regenerateSections(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId, req.body),
  );
  app.get(
    `${version}/acknowledgements`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'Who has acknowledged this version (7.3 awareness), and who has not yet',
        params: ZVersionParams,
        response: { 200: ZAcknowledgements },
      },
    },
    async (req) => acknowledgementsOf(deps.db, req.params.orgId, req.params.id, req.params.versionId),
  );
  app.post(
    `${version}/acknowledgements`,
    {
      config: { access: 'document.read' },
      schema: {
        tags,
        summary: 'I have read the version in force (awareness evidence); acknowledging again keeps the first date',
        params: ZVersionParams,
        response: { 200: ZAcknowledgements },
      },
    },
    async (req) => acknowledge(deps, actorOf(req), req.params.orgId, req.params.id, req.params.versionId),
  );
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `${version}/export.${format}`,
      {
        config: { access: 'document.read' },
        schema: {
          tags,
          summary: `The version as ${format.toUpperCase()}: the approved file itself once approved, a marked draft before`,
          params: ZVersionParams,
        },
      },
      async (req, reply) => {
        const file = await downloadVersion(deps, store, req.params.orgId, req.params.id, req.params.versionId, format);
        if (file.kind === 'stored') {
          reply.header('content-disposition', attachment(file.fileName));
          reply.header('x-content-sha256', file.sha256);
          return reply.type(file.mediaType).send(file.bytes);
        }
        return sendDocument(reply, format, file.report);
      },
    );
}
