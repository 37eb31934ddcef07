import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ReportDocument } from '../../platform/documents/model';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import type { AppDeps } from '../../platform/http/app';
import { sendTable, TABLE_FORMATS } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { readCriteriaInForce } from './criteria';
import { getPlan } from './plan';
import { loadRisks } from './read';
import { riskFilterOf, ZRiskFilter } from './routes';
import { controlRows, withControlBlock } from '../../platform/documents/control-block';
import { planControlBlock, registerControlBlock } from './record-control';
import { orgName, registerDocument, registerExtras, registerTable } from './register-export';
import { PLAN_COLUMNS, planRows, planStatus } from './plan-export';

// The risk register and the treatment plan as files: CSV/XLSX for people who work in spreadsheets,
// DOCX/PDF for the documented information an auditor reads (6.1.2 and 6.1.3 e–f).
// The register's and the plan's contents are built in register-export.ts and plan-export.ts.

export { registerDocument, registerExtras, registerFlags, registerTable, type RegisterExtras } from './register-export';

export function riskExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Risk assessment and treatment'];

  for (const format of TABLE_FORMATS)
    app.get(
      `/api/orgs/:orgId/risks/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: {
          tags,
          summary: `The risk register as ${format.toUpperCase()} (the filters of the list apply)`,
          params: ZOrgParams,
          querystring: ZRiskFilter,
        },
      },
      async (req, reply) => {
        const criteria = await readCriteriaInForce(deps.db, req.params.orgId);
        const table = registerTable(
          await loadRisks(deps.db, req.params.orgId, riskFilterOf(req.query), criteria),
          criteria,
          await registerExtras(deps.db, req.params.orgId),
        );
        return sendTable(reply, format, {
          ...table,
          about: [...(table.about ?? []), ...controlRows(await registerControlBlock(deps.db, req.params.orgId))],
        });
      },
    );
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `/api/orgs/:orgId/risks/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: {
          tags,
          summary: `The risk register as ${format.toUpperCase()}`,
          params: ZOrgParams,
          querystring: ZRiskFilter,
        },
      },
      async (req, reply) => {
        const criteria = await readCriteriaInForce(deps.db, req.params.orgId);
        const risks = await loadRisks(deps.db, req.params.orgId, riskFilterOf(req.query), criteria);
        const doc = registerDocument(
          await orgName(deps.db, req.params.orgId),
          risks,
          criteria,
          await registerExtras(deps.db, req.params.orgId),
        );
        return sendDocument(
          reply,
          format,
          withControlBlock(doc, await registerControlBlock(deps.db, req.params.orgId)),
        );
      },
    );

  app.get(
    '/api/orgs/:orgId/risk-treatment-plan/export.xlsx',
    {
      config: { access: 'risk.read' },
      schema: { tags, summary: 'The treatment plan as XLSX, one row per treatment', params: ZOrgParams },
    },
    async (req, reply) => {
      const plan = await getPlan(deps, req.params.orgId);
      const block = await planControlBlock(deps.db, req.params.orgId, {
        number: plan.number,
        approved: plan.status === 'approved',
      });
      return sendTable(reply, 'xlsx', {
        name: 'risk-treatment-plan',
        sheet: 'Treatment plan (6.1.3)',
        columns: PLAN_COLUMNS,
        rows: planRows(plan),
        about: [['Status', planStatus(plan)], ['Exported', nowIso()], ...controlRows(block)],
      });
    },
  );
  for (const format of DOCUMENT_FORMATS)
    app.get(
      `/api/orgs/:orgId/risk-treatment-plan/export.${format}`,
      {
        config: { access: 'risk.read' },
        schema: { tags, summary: `The treatment plan as ${format.toUpperCase()}`, params: ZOrgParams },
      },
      async (req, reply) => {
        const plan = await getPlan(deps, req.params.orgId);
        const organizationName = await orgName(deps.db, req.params.orgId);
        const doc: ReportDocument = {
          title: 'AI risk treatment plan',
          subtitle: 'ISO/IEC 42001 6.1.3 and 8.3',
          organizationName,
          generatedAt: nowIso(),
          meta: [
            ['Organization', organizationName],
            ['Status', planStatus(plan)],
            ['Open risks', String(plan.risks.length)],
          ],
          sections: [
            ...(plan.warnings.length
              ? [{ heading: 'Needs attention', bullets: plan.warnings.map((w) => w.message) }]
              : []),
            ...(plan.status === 'approved' && plan.approved?.acknowledgement
              ? [
                  {
                    heading: 'Approved past warnings',
                    paragraphs: [`${plan.approved.approvedBy.name}: ${plan.approved.acknowledgement.text}`],
                    bullets: plan.approved.acknowledgement.warnings.map((w) => w.message),
                  },
                ]
              : []),
            {
              heading: 'Treatments',
              table: {
                columns: [
                  { header: 'Risk, owner and AI system', width: 16 },
                  { header: 'Inherent', width: 7 },
                  { header: 'Option and treatment', width: 18 },
                  { header: 'Controls', width: 8 },
                  { header: 'Actions and resources', width: 20 },
                  { header: 'Residual', width: 9 },
                  { header: 'Verification and acceptance', width: 18 },
                ],
                rows: planRows(plan).map((r) => [
                  `${r[0]} ${r[1]}\nOwner: ${r[2]}\n${r[3]}`,
                  String(r[4]),
                  [r[5], r[6]].filter(Boolean).join('\n'),
                  String(r[7]),
                  [r[8], r[9] ? `Resources: ${r[9]}` : ''].filter(Boolean).join('\n'),
                  String(r[10]),
                  [r[11], r[12], r[13]].filter(Boolean).join('\n'),
                ]),
              },
            },
          ],
          orientation: 'landscape',
          fileName: 'risk-treatment-plan',
        };
        return sendDocument(
          reply,
          format,
          withControlBlock(
            doc,
            await planControlBlock(deps.db, req.params.orgId, {
              number: plan.number,
              approved: plan.status === 'approved',
            }),
          ),
        );
      },
    );
}
