import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf, membershipOf } from '../../platform/http/access';
import { attachment } from '../../platform/http/content-disposition';
import { sendDocument } from '../../platform/documents/send';
import { fileStoreOf } from '../../platform/file-stores';
import { ZOrgParams } from '../orgs/schema';
import { downloadVersion } from '../documents/downloads';
import { evidenceFile } from '../evidence/service';
import { ZSoaVersion } from '../soa/service';
import { accessLog, logAccess, ZAccessOut } from './access-log';
import {
  answerRequest,
  createRequest,
  getRequest,
  updateRequest,
  ZAnswerRequest,
  ZCreateRequest,
  ZRequestOut,
  ZUpdateRequest,
} from './requests';
import { listShares, shareEvidence, unshareEvidence, ZShareOut } from './shares';
import {
  approvedSoa,
  publishedDocument,
  sharedEvidence,
  workspaceOf,
  ZWorkspaceDocumentDetail,
  ZWorkspaceEvidence,
  ZWorkspaceOut,
} from './workspace';

// The external auditor workspace (step 6): the curated, read-only set an external auditor sees, every
// view and download logged; requests for more evidence; and, for owners and managers, what is shared,
// the access log and the requests to assign.

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });

export function auditorWorkspaceRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const store = fileStoreOf(deps);
  const tags = ['Auditor workspace'];
  const base = '/api/orgs/:orgId/auditor-workspace';
  const read = { access: 'auditor_workspace.read' } as const;
  const manage = { access: 'auditor_workspace.manage' } as const;

  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary:
          'What the external auditors see: published documents, the approved SoA, the shared evidence, and their requests',
        params: ZOrgParams,
        response: { 200: ZWorkspaceOut },
      },
    },
    async (req) => workspaceOf(deps, req.params.orgId, membershipOf(req).expiresAt),
  );

  app.get(
    `${base}/documents/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A published document: its version in force (logged when an external auditor opens it)',
        params: ZIdParams,
        response: { 200: ZWorkspaceDocumentDetail },
      },
    },
    async (req) => {
      const d = await publishedDocument(deps.db, req.params.orgId, req.params.id);
      await logAccess(deps, req, 'viewed', {
        entityType: 'document',
        entityId: d.id,
        label: `${d.code} ${d.title} v${d.versionLabel}`,
      });
      return d;
    },
  );

  app.get(
    `${base}/documents/:id/export.pdf`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The approved PDF of a published document (logged as a download)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      const { orgId, id } = req.params;
      const d = await publishedDocument(deps.db, orgId, id);
      const file = await downloadVersion(deps, store, orgId, id, d.versionId, 'pdf');
      await logAccess(deps, req, 'downloaded', {
        entityType: 'document',
        entityId: d.id,
        label: `${d.code} ${d.title} v${d.versionLabel} (PDF)`,
      });
      if (file.kind === 'stored') {
        reply.header('content-disposition', attachment(file.fileName));
        reply.header('x-content-sha256', file.sha256);
        return reply.type(file.mediaType).send(file.bytes);
      }
      return sendDocument(reply, 'pdf', file.report);
    },
  );

  app.get(
    `${base}/soa`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The latest approved Statement of Applicability (logged when an external auditor opens it)',
        params: ZOrgParams,
        response: { 200: ZSoaVersion },
      },
    },
    async (req) => {
      const soa = await approvedSoa(deps, req.params.orgId);
      await logAccess(deps, req, 'viewed', {
        entityType: 'soa',
        entityId: String(soa.version),
        label: `Statement of Applicability, approved version ${soa.version}`,
      });
      return soa;
    },
  );

  app.get(
    `${base}/evidence/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A piece of shared evidence (logged when an external auditor opens it); unshared is 404',
        params: ZIdParams,
        response: { 200: ZWorkspaceEvidence },
      },
    },
    async (req) => {
      const e = await sharedEvidence(deps.db, req.params.orgId, req.params.id);
      await logAccess(deps, req, 'viewed', {
        entityType: 'evidence',
        entityId: e.id,
        label: `${e.reference} ${e.title}`,
      });
      return e;
    },
  );

  app.get(
    `${base}/evidence/:id/file`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The file of a piece of shared evidence, current revision (logged as a download)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      const { orgId, id } = req.params;
      const e = await sharedEvidence(deps.db, orgId, id);
      const f = await evidenceFile(deps, store, orgId, id);
      await logAccess(deps, req, 'downloaded', {
        entityType: 'evidence',
        entityId: e.id,
        label: `${e.reference} ${e.title} (${f.name})`,
      });
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.bytes);
    },
  );

  app.get(
    `${base}/requests/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: 'An evidence request: its status and the evidence attached in answer',
        params: ZIdParams,
        response: { 200: ZRequestOut },
      },
    },
    async (req) => getRequest(deps.db, req.params.orgId, req.params.id),
  );

  app.post(
    `${base}/requests`,
    {
      config: { access: 'evidence_request.write' },
      schema: {
        tags,
        summary:
          'Ask for more evidence: a task for the owner of the control or document named (or for whomever a manager assigns)',
        params: ZOrgParams,
        body: ZCreateRequest,
        response: { 201: ZRequestOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createRequest(deps, actorOf(req), req.params.orgId, req.body)),
  );

  app.patch(
    `${base}/requests/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Assign an evidence request to a member or change its due date; send the version you read',
        params: ZIdParams,
        body: ZUpdateRequest,
        response: { 200: ZRequestOut },
      },
    },
    async (req) => updateRequest(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );

  app.post(
    `${base}/requests/:id/answer`,
    {
      config: { access: 'evidence.write' },
      schema: {
        tags,
        summary: 'Answer an evidence request with evidence from the library, which is then shared with the auditors',
        params: ZIdParams,
        body: ZAnswerRequest,
        response: { 200: ZRequestOut },
      },
    },
    async (req) => answerRequest(deps, actorOf(req), req.params.orgId, req.params.id, req.body),
  );

  app.get(
    `${base}/shares`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'The evidence shared with the external auditors',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZShareOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listShares(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.put(
    `${base}/shares/:id`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Share a piece of evidence with the external auditors (sharing twice changes nothing)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await shareEvidence(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
  app.delete(
    `${base}/shares/:id`,
    {
      config: manage,
      schema: { tags, summary: 'Stop sharing a piece of evidence with the external auditors', params: ZIdParams },
    },
    async (req, reply) => {
      await unshareEvidence(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    `${base}/access-log`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Every view and download by an external auditor in the workspace, newest first (the last 500)',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZAccessOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await accessLog(deps.db, req.params.orgId), nextCursor: null }),
  );
}
