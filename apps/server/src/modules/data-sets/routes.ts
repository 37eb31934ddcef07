import { z } from 'zod';
import {
  DATA_SET_PURPOSE_LABELS,
  DATA_SET_PURPOSES,
  DATA_SOURCE_KIND_LABELS,
  LEGAL_BASIS_LABELS,
  SPECIAL_CATEGORY_LABELS,
  ZDataSetFields,
  ZUpdateDataSet,
} from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/http/app';
import { actorOf } from '../../platform/http/access';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import {
  createDataSet,
  getDataSet,
  listDataSets,
  removeDataSet,
  updateDataSet,
  ZDataSetAnswer,
  ZDataSetOut,
  type DataSetOut,
} from './service';
import { listWithPeople, oneWithPeople, ZPeople } from '../../platform/people';

const ZIdParams = ZOrgParams.extend({ id: z.string().max(64) });
const ZFilter = z.object({
  aiSystemId: z.string().max(64).optional().describe('only data sets this AI system uses'),
  purpose: z
    .enum(DATA_SET_PURPOSES, { error: `purpose must be one of: ${DATA_SET_PURPOSES.join(', ')}` })
    .optional(),
  personalData: z
    .enum(['true', 'false'], { error: 'personalData must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

const COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'name', header: 'Data set', width: 32 },
  { key: 'purpose', header: 'Purpose', width: 14 },
  { key: 'systems', header: 'AI systems', width: 30 },
  { key: 'sourceKind', header: 'Source type', width: 18 },
  { key: 'source', header: 'Source', width: 30 },
  { key: 'provenance', header: 'Provenance (A.7.5)', width: 40 },
  { key: 'acquiredOn', header: 'Acquired on', width: 12 },
  { key: 'legalBasis', header: 'Licence or consent basis', width: 18 },
  { key: 'legalBasisDetail', header: 'Basis details', width: 30 },
  { key: 'evidence', header: 'Evidence', width: 20 },
  { key: 'quality', header: 'Quality checks (A.7.4)', width: 40 },
  { key: 'preparation', header: 'Preparation (A.7.6)', width: 36 },
  { key: 'personalData', header: 'Personal data', width: 10 },
  { key: 'special', header: 'Special categories', width: 24 },
  { key: 'retention', header: 'Retention', width: 24 },
  { key: 'retainUntil', header: 'Keep until', width: 12 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'warnings', header: 'Gaps', width: 40 },
];
const row = (d: DataSetOut) => [
  d.ref,
  d.name,
  DATA_SET_PURPOSE_LABELS[d.purpose],
  d.aiSystems.map((s) => s.name).join('; '),
  DATA_SOURCE_KIND_LABELS[d.sourceKind],
  d.source,
  d.provenance,
  d.acquiredOn ?? '',
  LEGAL_BASIS_LABELS[d.legalBasis],
  d.legalBasisDetail,
  d.evidence.map((e) => e.reference).join('; '),
  d.qualityChecks.map((c) => `${c.check}: ${c.result}${c.checkedOn ? ` (${c.checkedOn})` : ''}`).join('; '),
  d.preparation,
  d.personalData ? 'Yes' : 'No',
  d.specialCategories.map((c) => SPECIAL_CATEGORY_LABELS[c]).join('; '),
  d.retention,
  d.retainUntil ?? '',
  d.owner?.name ?? '',
  d.warnings.join(' '),
];

export function dataSetRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Data for AI systems'];
  const base = '/api/orgs/:orgId/data-sets';

  app.get(
    base,
    {
      config: { access: 'data_set.read' },
      schema: {
        tags,
        summary: 'Data sets for AI systems (A.7), by number',
        params: ZOrgParams,
        querystring: ZFilter,
        response: { 200: z.object({ items: z.array(ZDataSetOut), nextCursor: z.null(), people: ZPeople }) },
      },
    },
    async (req) =>
      listWithPeople({ items: await listDataSets(deps, req.params.orgId, req.query), nextCursor: null }),
  );

  for (const format of TABLE_FORMATS)
    app.get(
      `${base}/export.${format}`,
      {
        config: { access: 'data_set.read' },
        schema: {
          tags,
          summary: `The data sets register as ${format.toUpperCase()} (same filters as the list)`,
          params: ZOrgParams,
          querystring: ZFilter,
        },
      },
      async (req, reply) =>
        sendTable(reply, format, {
          name: 'data-sets',
          sheet: 'Data for AI (A.7)',
          columns: COLUMNS,
          rows: (await listDataSets(deps, req.params.orgId, req.query)).map(row),
          about: [['Exported', nowIso()]],
        }),
    );

  app.post(
    base,
    {
      config: { access: 'data_set.write' },
      schema: {
        tags,
        summary: 'Add a data set',
        params: ZOrgParams,
        body: ZDataSetFields,
        response: { 201: ZDataSetAnswer },
      },
    },
    async (req, reply) =>
      reply.code(201).send(oneWithPeople(await createDataSet(deps, actorOf(req), req.params.orgId, req.body))),
  );
  app.get(
    `${base}/:id`,
    {
      config: { access: 'data_set.read' },
      schema: { tags, summary: 'One data set', params: ZIdParams, response: { 200: ZDataSetAnswer } },
    },
    async (req) => oneWithPeople(await getDataSet(deps, req.params.orgId, req.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { access: 'data_set.write' },
      schema: {
        tags,
        summary: 'Change a data set; send the version you read (aiSystemIds replaces the list)',
        params: ZIdParams,
        body: ZUpdateDataSet,
        response: { 200: ZDataSetAnswer },
      },
    },
    async (req) =>
      oneWithPeople(await updateDataSet(deps, actorOf(req), req.params.orgId, req.params.id, req.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { access: 'data_set.write' },
      schema: {
        tags,
        summary: 'Delete a data set (its evidence stays in the library)',
        params: ZIdParams,
      },
    },
    async (req, reply) => {
      await removeDataSet(deps, actorOf(req), req.params.orgId, req.params.id);
      return reply.code(204).send();
    },
  );
}
