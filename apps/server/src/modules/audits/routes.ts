import { z } from 'zod';
import {
  AUDIT_METHOD_LABELS,
  AUDIT_STATUS_LABELS,
  idRef,
  versionField,
  ZCreateAudit,
  ZCreateFinding,
  ZUpdateAudit,
  ZUpdateChecklistItem,
  ZUpdateProgramme,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import { auditReport, reportRecordFile } from './report';
import { fileStoreOf } from '../../platform/file-stores';
import { attachment } from '../../platform/http/content-disposition';
import { ZOrgParams } from '../orgs/schema';
import {
  addFinding,
  approveProgramme,
  createAudit,
  getAudit,
  getProgramme,
  listAudits,
  updateAudit,
  updateChecklistItem,
  updateProgramme,
  ZAuditOut,
  ZChecklistItemOut,
  ZProgrammeOut,
  type AuditOut,
} from './service';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'title', header: 'Audit', width: 40 },
  { key: 'status', header: 'Status', width: 12 },
  { key: 'scope', header: 'Scope (clauses, controls)', width: 30 },
  { key: 'lead', header: 'Lead auditor', width: 20 },
  { key: 'team', header: 'Team', width: 30 },
  { key: 'method', header: 'Method', width: 14 },
  { key: 'start', header: 'Planned start', width: 12 },
  { key: 'end', header: 'Planned end', width: 12 },
  { key: 'major', header: 'Major NC', width: 9 },
  { key: 'minor', header: 'Minor NC', width: 9 },
  { key: 'observation', header: 'Observations', width: 12 },
  { key: 'ofi', header: 'OFI', width: 6 },
  { key: 'completed', header: 'Completed', width: 20 },
];
const row = (a: AuditOut) => [
  a.ref,
  a.title,
  AUDIT_STATUS_LABELS[a.status],
  a.scope.refs.join(', '),
  a.lead?.name ?? '',
  a.team.map((t) => t.name).join(', '),
  AUDIT_METHOD_LABELS[a.method],
  a.plannedStart ?? '',
  a.plannedEnd ?? '',
  a.findingCounts.major,
  a.findingCounts.minor,
  a.findingCounts.observation,
  a.findingCounts.ofi,
  a.completedAt ?? '',
];

export function auditRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Internal audit'];
  const prog = '/api/orgs/:orgId/audit-programme';
  const base = '/api/orgs/:orgId/audits';
  const store = fileStoreOf(deps);

  app.get(
    prog,
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'The audit programme (9.2.2) with its coverage of clauses 4–10 and included controls',
        params: ZOrgParams,
        response: { 200: ZProgrammeOut },
      },
    },
    async (req) => getProgramme(deps.db, req.params.orgId),
  );
  app.put(
    prog,
    {
      config: { access: 'audit.write' },
      schema: {
        tags,
        summary: 'Change the programme (a new draft to approve); send the version you read (0 before the first save)',
        params: ZOrgParams,
        body: ZUpdateProgramme,
        response: { 200: ZProgrammeOut },
      },
    },
    async (req) => updateProgramme(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.post(
    `${prog}/approve`,
    {
      config: { access: 'audit.approve' },
      schema: {
        tags,
        summary: 'Approve the programme as a new revision; uncovered clauses or controls need an acknowledgement',
        params: ZOrgParams,
        body: z.strictObject({
          version: versionField(),
          acknowledgement: z.string().trim().max(2000).optional(),
        }),
        response: { 200: ZProgrammeOut },
      },
    },
    async (req) => approveProgramme(deps, actorOf(req), req.params.orgId, req.body),
  );

  app.get(
    base,
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'Internal audits by number (without checklists)',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZAuditOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listAudits(deps.db, req.params.orgId), nextCursor: null }),
  );
  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'audit.read' },
        schema: { tags, summary: `The internal audits as ${format.toUpperCase()}`, params: ZOrgParams },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'internal-audits',
          sheet: 'Internal audits (9.2)',
          columns: COLUMNS,
          rows: (await listAudits(deps.db, req.params.orgId)).map(row),
          about: [['Exported', nowIso()]],
        }),
    );
  app.post(
    base,
    {
      config: { access: 'audit.write' },
      schema: {
        tags,
        summary:
          'Plan an audit; its checklist is generated from the scope. Independence warnings need independenceJustification (422 ACKNOWLEDGEMENT_REQUIRED lists them)',
        params: ZOrgParams,
        body: ZCreateAudit,
        response: { 201: ZAuditOut },
      },
    },
    async (req, reply) => reply.code(201).send(await createAudit(deps, actorOf(req), req.params.orgId, req.body)),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'audit.read' },
      schema: {
        tags,
        summary: 'One audit with its plan, checklist and findings',
        params: ZIdParams,
        response: { 200: ZAuditOut },
      },
    },
    async (req) => getAudit(deps, req.params.orgId, req.params.id),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'audit.write' },
      schema: {
        tags,
        summary:
          'Change the plan, write the conclusion, or complete (sign off and freeze) the audit; send the version you read',
        params: ZIdParams,
        body: ZUpdateAudit,
        response: { 200: ZAuditOut },
      },
    },
    async (req) => updateAudit(deps, store, actorOf(req), req.params.orgId, req.params.id, req.body),
  );
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `${base}/:id/report.${format}`,
      {
        config: { access: 'audit.read' },
        schema: {
          tags,
          summary: `The audit report as ${format.toUpperCase()}: scope, criteria, team, sample, findings by grade, conclusion, distribution; once signed off, the record's stored file`,
          params: ZIdParams,
        },
      },
      async (req, reply) => {
        const { orgId, id } = req.params;
        const record = await reportRecordFile(deps, store, orgId, id, format);
        if (record?.kind === 'stored') {
          reply.header('content-disposition', attachment(record.fileName));
          reply.header('x-content-sha256', record.sha256);
          return reply.type(record.mediaType).send(record.bytes);
        }
        return sendDocument(reply, format, record?.report ?? (await auditReport(deps, orgId, id)));
      },
    );
  app.patch(
    `${base}/:id/checklist/:itemId`,
    {
      config: { access: 'finding.write' },
      schema: {
        tags,
        summary: 'Record a checklist item: result, notes, sample (what, how many, from what population), evidence',
        params: ZIdParams.extend({ itemId: z.string().max(64) }),
        body: ZUpdateChecklistItem,
        response: { 200: ZChecklistItemOut },
      },
    },
    async (req) =>
      updateChecklistItem(deps, actorOf(req), req.params.orgId, req.params.id, req.params.itemId, req.body),
  );
  app.post(
    `${base}/:id/findings`,
    {
      config: { access: 'finding.write' },
      schema: {
        tags,
        summary:
          'Record a finding; a major or minor nonconformity raises a nonconformity (10.2), an opportunity for improvement enters the improvement log',
        params: ZIdParams,
        body: ZCreateFinding.extend({
          evidenceIds: z.array(idRef('Evidence', 'an evidence record of this organization')).max(50).default([]),
        }),
        response: { 201: ZAuditOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addFinding(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
}
