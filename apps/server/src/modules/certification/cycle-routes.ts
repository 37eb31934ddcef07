import { z } from 'zod';
import {
  ZCertAuditFields,
  ZCertFindingFields,
  ZCertificateFields,
  ZUpdateCertAudit,
  ZUpdateCertFinding,
  ZUpdateCertificate,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendDocument } from '../../platform/documents/send';
import { ZOrgParams } from '../orgs/schema';
import {
  createCertAudit,
  getCertAudit,
  removeCertAudit,
  updateCertAudit,
  ZCertAuditOut,
  ZCertFindingOut,
} from './certification-audits';
import { addCertFinding, updateCertFinding } from './certification-findings';
import { loadCycle, recordCertificate, updateCertificate, ZCertificateOut, ZCycleOut } from './certificates';
import { confirmNoChange, listNoChangeConfirmations, ZNoChangeInput, ZNoChangeOut } from './no-change';
import { statusReport } from './status-report';

// Step 6, items 4 and 5: the certification body's audits and their findings, the certificate with
// its three-year cycle, the status report for the CB, and the "no significant change" confirmation
// the readiness check reads. Findings become nonconformities in the one register.

const ZEngagementParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZAuditParams = ZOrgParams.extend({ auditId: z.string().max(64) });
const ZFindingParams = ZOrgParams.extend({ findingId: z.string().max(64) });
const ZCertificateParams = ZOrgParams.extend({ certificateId: z.string().max(64) });
const ZSystemParams = ZOrgParams.extend({ id: z.string().max(64) });

export function certificationCycleRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Certification'];
  const engagement = '/api/orgs/:orgId/certification-engagements/:id';

  app.get(
    `${engagement}/cycle`,
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary:
          "An engagement's certification cycle: the CB's audits with their findings, the certificate, what blocks the certification decision, and the timeline with improvements",
        params: ZEngagementParams,
        response: { 200: ZCycleOut },
      },
    },
    async (req) => loadCycle(deps.db, req.params.orgId, req.params.id),
  );

  app.get(
    `${engagement}/status-report.pdf`,
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'Status of the CB findings as PDF: open and closed, plans, evidence of closure',
        params: ZEngagementParams,
      },
    },
    async (req, reply) => {
      const { orgId, id } = req.params;
      const [cycle, org] = await Promise.all([
        loadCycle(deps.db, orgId, id),
        deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst(),
      ]);
      return sendDocument(reply, 'pdf', await statusReport(deps.db, orgId, org?.name ?? '', cycle));
    },
  );

  app.post(
    `${engagement}/audits`,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: "Record one of the CB's audits (stage 1, stage 2, surveillance, recertification)",
        params: ZEngagementParams,
        body: ZCertAuditFields,
        response: { 201: ZCertAuditOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await createCertAudit(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );

  const audit = '/api/orgs/:orgId/certification-audits/:auditId';
  app.get(
    audit,
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'One CB audit with its findings',
        params: ZAuditParams,
        response: { 200: ZCertAuditOut },
      },
    },
    async (req) => getCertAudit(deps, req.params.orgId, req.params.auditId),
  );
  app.patch(
    audit,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: 'Change a CB audit (dates, team, status, conclusion); send the version you read',
        params: ZAuditParams,
        body: ZUpdateCertAudit,
        response: { 200: ZCertAuditOut },
      },
    },
    async (req) => updateCertAudit(deps, actorOf(req), req.params.orgId, req.params.auditId, req.body),
  );
  app.delete(
    audit,
    {
      config: { access: 'certification.write' },
      schema: { tags, summary: 'Delete a CB audit without findings', params: ZAuditParams },
    },
    async (req, reply) => {
      await removeCertAudit(deps, actorOf(req), req.params.orgId, req.params.auditId);
      return reply.code(204).send();
    },
  );
  app.post(
    `${audit}/findings`,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary:
          'Record a finding of a CB audit: a major or minor raises a nonconformity with the CB deadline, an OFI is logged as an improvement',
        params: ZAuditParams,
        body: ZCertFindingFields,
        response: { 201: ZCertFindingOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await addCertFinding(deps, actorOf(req), req.params.orgId, req.params.auditId, req.body)),
  );
  app.patch(
    '/api/orgs/:orgId/certification-findings/:findingId',
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: 'Change a CB finding, or record that the CB accepted its corrective action plan (cbAcceptedOn)',
        params: ZFindingParams,
        body: ZUpdateCertFinding,
        response: { 200: ZCertFindingOut },
      },
    },
    async (req) => updateCertFinding(deps, actorOf(req), req.params.orgId, req.params.findingId, req.body),
  );

  app.post(
    `${engagement}/certificate`,
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary:
          'Record the certificate (the certification decision): refused while a major is open or a minor has no accepted plan; schedules surveillance 1 and 2 and recertification',
        params: ZEngagementParams,
        body: ZCertificateFields,
        response: { 201: ZCertificateOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await recordCertificate(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.patch(
    '/api/orgs/:orgId/certificates/:certificateId',
    {
      config: { access: 'certification.write' },
      schema: {
        tags,
        summary: 'Change a certificate (number, scope, suspended or withdrawn); send the version you read',
        params: ZCertificateParams,
        body: ZUpdateCertificate,
        response: { 200: ZCertificateOut },
      },
    },
    async (req) => updateCertificate(deps, actorOf(req), req.params.orgId, req.params.certificateId, req.body),
  );

  app.get(
    '/api/orgs/:orgId/no-change-confirmations',
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary: 'Confirmations that an AI system did not change significantly, newest first',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZNoChangeOut), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await listNoChangeConfirmations(deps.db, req.params.orgId), nextCursor: null }),
  );
  app.post(
    '/api/orgs/:orgId/ai-systems/:id/no-change-confirmations',
    {
      config: { access: 'ai_system.write' },
      schema: {
        tags,
        summary:
          'Confirm that an AI system did not change significantly in the period, so its risk and impact assessments still hold',
        params: ZSystemParams,
        body: ZNoChangeInput,
        response: { 201: ZNoChangeOut },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await confirmNoChange(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
}
