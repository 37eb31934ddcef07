import { z } from 'zod';
import type { ReadinessStage } from '@fortytwo/domain';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { attachment } from '../../platform/http/content-disposition';
import { ruleViolation } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import type { Deps } from '../../platform/transaction';
import { ZOrgParams } from '../orgs/schema';
import { readinessOf } from '../certification/routes';
import { listAudits } from '../audits/service';
import { listNonconformities } from '../nonconformities/service';
import { toOscalAssessmentResults } from './assessment-results';
import { openNonconformities, toOscalPoam } from './poam';

// OSCAL 1.0.6 exports for GRC tools and certification bodies that read OSCAL: the assessment results
// (the readiness check and each internal audit) and the POA&M (open nonconformities and their
// corrective actions). The mapping is in assessment-results.ts and poam.ts; these routes read the records.

async function orgOf(deps: Deps, orgId: string) {
  const row = await deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
  return { id: orgId, name: row?.name ?? orgId };
}

const sendJson = (reply: FastifyReply, fileName: string, body: unknown) =>
  reply
    .type('application/json; charset=utf-8')
    .header('content-disposition', attachment(fileName))
    .send(JSON.stringify(body, null, 2));

export function oscalRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Certification'];

  app.get(
    '/api/orgs/:orgId/oscal/assessment-results',
    {
      config: { access: 'certification.read' },
      schema: {
        tags,
        summary:
          'OSCAL 1.0.6 assessment results (JSON): the readiness check as one result, each started or completed internal audit as another, with its findings',
        params: ZOrgParams,
        querystring: z.object({
          stage: z
            .enum(['1', '2'], { error: 'stage must be 1 or 2' })
            .default('1')
            .describe('the readiness check stage to include'),
        }),
      },
    },
    async (req, reply) => {
      const { orgId } = req.params;
      const [org, readiness, audits] = await Promise.all([
        orgOf(deps, orgId),
        readinessOf(deps, orgId, Number(req.query.stage) as ReadinessStage),
        listAudits(deps.db, orgId, true),
      ]);
      const doc = toOscalAssessmentResults({ org, generatedAt: nowIso(), readiness, audits });
      return sendJson(reply, 'oscal-assessment-results.json', doc);
    },
  );

  app.get(
    '/api/orgs/:orgId/oscal/poam',
    {
      config: { access: 'nonconformity.read' },
      schema: {
        tags,
        summary:
          'OSCAL 1.0.6 plan of action and milestones (JSON): every nonconformity not yet closed, with its corrective actions and their due dates',
        params: ZOrgParams,
      },
    },
    async (req, reply) => {
      const { orgId } = req.params;
      const [org, ncs] = await Promise.all([orgOf(deps, orgId), listNonconformities(deps.db, orgId)]);
      // OSCAL requires at least one POA&M item: an empty plan is an answer, not a document.
      if (!openNonconformities(ncs).length)
        throw ruleViolation('There is no open nonconformity, so there is no plan of action to export');
      return sendJson(reply, 'oscal-poam.json', toOscalPoam({ org, generatedAt: nowIso(), nonconformities: ncs }));
    },
  );
}
