import { sharingReads } from '../../platform/read-once';
import { z } from 'zod';
import { ZApprovalAcknowledgement, ZSoaDecision, MAX_STORED_INTEGER, versionField } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { ZOrgParams } from '../orgs/schema';
import {
  approveSoa,
  decideSoaItem,
  getSoa,
  soaVersion,
  soaVersions,
  ZSoaItemOut,
  ZSoaOut,
  ZSoaVersion,
} from './service';

export function soaRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Statement of Applicability'];
  const soa = '/api/orgs/:orgId/soa';

  app.get(
    soa,
    {
      config: { access: 'risk.read', cache: true },
      schema: {
        tags,
        summary:
          'The Statement of Applicability (6.1.3): every Annex A control and custom control, with decisions, reasons and warnings',
        params: ZOrgParams,
        response: { 200: ZSoaOut },
      },
    },
    // The SoA and the plan it reads share one read of the register.
    async (req) => sharingReads(() => getSoa(deps, req.params.orgId)),
  );
  app.patch(
    `${soa}/items/:ref`,
    {
      config: { access: 'risk.write' },
      schema: {
        tags,
        summary:
          'Include or exclude a control, with the justification and implementation status; send the item version you read',
        params: ZOrgParams.extend({ ref: z.string().max(40) }),
        body: ZSoaDecision,
        response: { 200: ZSoaItemOut },
      },
    },
    async (req) => decideSoaItem(deps, actorOf(req), req.params.orgId, req.params.ref, req.body),
  );
  app.post(
    `${soa}/approve`,
    {
      config: { access: 'risk.approve' },
      schema: {
        tags,
        summary:
          'Approve and freeze this version (owner or approver); refused with SOA_NOT_READY while a blocking warning stands, and with ACKNOWLEDGEMENT_REQUIRED while other warnings stand and no acknowledgement is given',
        params: ZOrgParams,
        body: z.strictObject({ version: versionField(), acknowledgement: ZApprovalAcknowledgement }),
        response: { 200: ZSoaOut },
      },
    },
    async (req) => approveSoa(deps, actorOf(req), req.params.orgId, req.body),
  );
  app.get(
    `${soa}/versions`,
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'Approved versions, newest first',
        params: ZOrgParams,
        response: { 200: z.object({ items: z.array(ZSoaVersion.omit({ items: true })), nextCursor: z.null() }) },
      },
    },
    async (req) => ({ items: await soaVersions(deps, req.params.orgId), nextCursor: null }),
  );
  app.get(
    `${soa}/versions/:version`,
    {
      config: { access: 'risk.read' },
      schema: {
        tags,
        summary: 'One approved version as it was frozen',
        params: ZOrgParams.extend({
          version: z.coerce
            .number({ error: 'version must be the number of an approved version' })
            .int()
            .min(1)
            .max(MAX_STORED_INTEGER),
        }),
        response: { 200: ZSoaVersion },
      },
    },
    async (req) => soaVersion(deps, req.params.orgId, req.params.version),
  );
}
