import { z } from 'zod';
import {
  CONTRACT_CLAUSE_LABELS,
  DILIGENCE_ANSWER_LABELS,
  REVIEW_STATES,
  SUPPLY_KIND_LABELS,
  SUPPLY_KINDS,
  ZSupplierFields,
  ZSupplierReview,
  ZUpdateSupplier,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import {
  createSupplier,
  getSupplier,
  listSuppliers,
  recordSupplierReview,
  removeSupplier,
  updateSupplier,
  ZSupplierAnswer,
  ZSupplierOut,
  type SupplierOut,
} from './service';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZFilter = z.object({
  q: z.string().max(200).optional().describe('words in the ref, name or what they supply'),
  aiSystemId: z.string().max(64).optional().describe('only suppliers this AI system uses'),
  kind: z.enum(SUPPLY_KINDS, { error: `kind must be one of: ${SUPPLY_KINDS.join(', ')}` }).optional(),
  review: z
    .enum(REVIEW_STATES, { error: `review must be one of: ${REVIEW_STATES.join(', ')}` })
    .optional()
    .describe('overdue: the next review date has passed'),
});

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'name', header: 'Supplier', width: 28 },
  { key: 'kind', header: 'Kind', width: 22 },
  { key: 'supplies', header: 'What they supply', width: 36 },
  { key: 'systems', header: 'AI systems', width: 30 },
  { key: 'trainsOnInputs', header: 'Uses our inputs for training', width: 12 },
  { key: 'inputRetention', header: 'Retention of our inputs', width: 24 },
  { key: 'modelChangeNotice', header: 'Notice before model changes', width: 12 },
  { key: 'incidentNotice', header: 'Incident notice', width: 12 },
  { key: 'dataLocation', header: 'Where data is processed', width: 20 },
  { key: 'clauses', header: 'Contract clauses', width: 40 },
  { key: 'cadence', header: 'Review every (months)', width: 10 },
  { key: 'lastReviewedOn', header: 'Last reviewed', width: 12 },
  { key: 'nextReviewOn', header: 'Next review', width: 12 },
  { key: 'reviewState', header: 'Review', width: 10 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'warnings', header: 'Due-diligence gaps', width: 40 },
];
const row = (s: SupplierOut) => [
  s.ref,
  s.name,
  SUPPLY_KIND_LABELS[s.kind],
  s.supplies,
  s.aiSystems.map((x) => x.name).join('; '),
  DILIGENCE_ANSWER_LABELS[s.trainsOnInputs],
  s.inputRetention,
  DILIGENCE_ANSWER_LABELS[s.modelChangeNotice],
  DILIGENCE_ANSWER_LABELS[s.incidentNotice],
  s.dataLocation,
  s.contractClauses.map((c) => CONTRACT_CLAUSE_LABELS[c]).join('; '),
  s.reviewCadenceMonths,
  s.lastReviewedOn ?? '',
  s.nextReviewOn,
  s.reviewState === 'overdue' ? 'Overdue' : 'Current',
  s.owner?.name ?? '',
  s.warnings.join(' '),
];

export function supplierRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Suppliers'];
  const base = '/api/orgs/:orgId/suppliers';

  app.get(
    base,
    {
      config: { access: 'supplier.read' },
      schema: {
        tags,
        summary: 'The supplier register (A.10): AI components and services, due diligence, reviews',
        params: ZOrgParams,
        querystring: ZFilter,
        response: { 200: z.object({ items: z.array(ZSupplierOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) => listWithPeople({ items: await listSuppliers(deps, req.params.orgId, req.query), nextCursor: null }),
  );

  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'supplier.read' },
        schema: {
          tags,
          summary: `The supplier register as ${format.toUpperCase()} (same filters as the list)`,
          params: ZOrgParams,
          querystring: ZFilter,
        },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'suppliers',
          sheet: 'Suppliers (A.10)',
          columns: COLUMNS,
          rows: (await listSuppliers(deps, req.params.orgId, req.query)).map(row),
          about: [['Exported', nowIso()]],
        }),
    );

  app.post(
    base,
    {
      config: { access: 'supplier.write' },
      schema: {
        tags,
        summary: 'Add a supplier',
        params: ZOrgParams,
        body: ZSupplierFields,
        response: { 201: ZSupplierAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createSupplier(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'supplier.read' },
      schema: { tags, summary: 'One supplier', params: ZIdParams, response: { 200: ZSupplierAnswer } },
    },
    async (req) => oneWithPeople(await getSupplier(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'supplier.write' },
      schema: {
        tags,
        summary: 'Change a supplier; send the version you read (aiSystemIds replaces the list)',
        params: ZIdParams,
        body: ZUpdateSupplier,
        response: { 200: ZSupplierAnswer },
      },
    },
    async (req) => oneWithPeople(await updateSupplier(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.post(
    `${base}/:id/reviews`,
    {
      config: { access: 'supplier.write' },
      schema: {
        tags,
        summary: 'Record a review of the supplier (moves the next review one cadence on)',
        params: ZIdParams,
        body: ZSupplierReview,
        response: { 200: ZSupplierAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await recordSupplierReview(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'supplier.write' },
      schema: { tags, summary: 'Delete a supplier (its history stays in the audit trail)', params: ZIdParams },
    },
    async (req, reply) => {
      await removeSupplier(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
