import { RISK_LEVEL_LABELS, TREATMENT_OPTION_LABELS, type RiskLevel } from '@fortytwo/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/connect';
import type { ReportDocument } from '../../platform/documents/model';
import { DOCUMENT_FORMATS, sendDocument } from '../../platform/documents/send';
import type { AppDeps } from '../../platform/http/app';
import { sendTable, TABLE_FORMATS, type Table } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { ZOrgParams } from '../orgs/schema';
import { readCriteriaInForce, type CriteriaOut } from './criteria';
import { getPlan } from './plan';
import { loadRisks } from './read';
import { riskFilterOf, ZRiskFilter } from './routes';
import type { RiskOut } from './schema';

// The risk register and the treatment plan as files: CSV/XLSX for people who work in spreadsheets,
// DOCX/PDF for the documented information an auditor reads (6.1.2 and 6.1.3 e–f).

const level = (l: RiskLevel | null) => (l ? RISK_LEVEL_LABELS[l] : '');
const rating = (l: number | null, c: number | null, s: number | null, lv: RiskLevel | null) => (l === null ? '' : `${level(lv)} (${l} × ${c} = ${s})`);
const acceptanceText = (r: RiskOut) => (r.acceptance ? `${r.acceptanceState === 'expired' ? 'Lapsed' : 'Accepted'} until ${r.acceptance.expiresAt} by ${r.acceptance.acceptedBy.name}` : '');
const controlsOf = (r: RiskOut) => [...new Set(r.treatments.flatMap((t) => t.controlRefs))].join(', ');
const orgName = async (db: Db, orgId: string) => (await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;

const REGISTER_COLUMNS = [
  { key: 'ref', header: 'Ref', width: 8 },
  { key: 'title', header: 'Risk', width: 36 },
  { key: 'kind', header: 'Kind', width: 12 },
  { key: 'aiSystem', header: 'AI system', width: 24 },
  { key: 'source', header: 'Risk source', width: 30 },
  { key: 'consequencesOrganization', header: 'Consequences for the organization', width: 36 },
  { key: 'consequencesIndividuals', header: 'Consequences for individuals and groups', width: 36 },
  { key: 'consequencesSociety', header: 'Consequences for society', width: 36 },
  { key: 'likelihood', header: 'Likelihood', width: 11 },
  { key: 'consequence', header: 'Consequence', width: 12 },
  { key: 'inherentScore', header: 'Inherent score', width: 10 },
  { key: 'inherentLevel', header: 'Inherent level', width: 12 },
  { key: 'residualScore', header: 'Residual score', width: 10 },
  { key: 'residualLevel', header: 'Residual level', width: 12 },
  { key: 'treatment', header: 'Treatment', width: 24 },
  { key: 'controls', header: 'Controls', width: 20 },
  { key: 'owner', header: 'Owner', width: 20 },
  { key: 'reviewDate', header: 'Review date', width: 12 },
  { key: 'status', header: 'Status', width: 10 },
  { key: 'acceptance', header: 'Acceptance', width: 30 },
  { key: 'criteria', header: 'Criteria no.', width: 10 },
];

export function registerTable(risks: RiskOut[], criteria: CriteriaOut): Table {
  return {
    name: 'risk-register',
    sheet: 'Risk register (6.1.2)',
    columns: REGISTER_COLUMNS,
    rows: risks.map((r) => [
      r.ref,
      r.title,
      r.kind,
      r.aiSystem?.name ?? 'Organization-wide',
      r.sourceLabel,
      r.consequencesOrganization,
      r.consequencesIndividuals,
      r.consequencesSociety,
      r.likelihood ?? '',
      r.consequence ?? '',
      r.inherentScore ?? 'Not rated',
      level(r.inherentLevel),
      r.residualScore ?? '',
      level(r.residualLevel),
      r.treatments.map((t) => t.option).join(', '),
      controlsOf(r),
      r.owner?.name ?? '',
      r.reviewDate ?? '',
      r.status,
      acceptanceText(r),
      r.criteriaNumber ?? '',
    ]),
    about: [
      ['Risk criteria in force', `No. ${criteria.number} (${criteria.status}); risks up to ${RISK_LEVEL_LABELS[criteria.acceptanceLevel]} may be retained`],
      ['Exported', nowIso()],
    ],
  };
}

const criteriaBullets = (c: CriteriaOut) => [
  `Likelihood: ${c.likelihoodLabels.map((l, i) => `${i + 1} ${l}`).join(', ')}`,
  `Consequence: ${c.consequenceLabels.map((l, i) => `${i + 1} ${l}`).join(', ')}`,
  `Levels by score (likelihood × consequence): ${c.levels.map((l, i) => `${RISK_LEVEL_LABELS[l.level]} ${(c.levels[i - 1]?.maxScore ?? 0) + 1}–${l.maxScore}`).join(', ')}`,
  `Acceptance: risks at ${RISK_LEVEL_LABELS[c.acceptanceLevel]} or below may be retained; higher ones need treatment or acceptance by top management`,
];

export function registerDocument(organizationName: string, risks: RiskOut[], criteria: CriteriaOut): ReportDocument {
  const open = risks.filter((r) => r.status === 'open');
  return {
    title: 'AI risk register',
    subtitle: 'ISO/IEC 42001 6.1.2 and 8.2',
    organizationName,
    generatedAt: nowIso(),
    meta: [
      ['Organization', organizationName],
      ['Risks and opportunities', `${risks.length} (${open.length} open)`],
      ['Needing attention', String(open.filter((r) => r.needsAttention).length)],
      ['Risk criteria', `No. ${criteria.number}, ${criteria.status}`],
    ],
    sections: [
      { heading: 'Risk criteria', paragraphs: criteria.method ? [criteria.method] : [], bullets: criteriaBullets(criteria) },
      {
        heading: 'Register',
        table: {
          columns: [
            { header: 'Ref', width: 5 },
            { header: 'Risk', width: 20 },
            { header: 'AI system', width: 12 },
            { header: 'Source', width: 14 },
            { header: 'Inherent', width: 11 },
            { header: 'Residual', width: 11 },
            { header: 'Treatment and controls', width: 14 },
            { header: 'Owner and review', width: 12 },
          ],
          rows: risks.map((r) => [
            r.ref,
            [r.title, r.kind === 'opportunity' ? '(opportunity)' : '', r.status === 'closed' ? '(closed)' : ''].filter(Boolean).join(' '),
            r.aiSystem?.name ?? 'Organization-wide',
            r.sourceLabel,
            r.rated ? rating(r.likelihood, r.consequence, r.inherentScore, r.inherentLevel) : 'Not rated',
            [rating(r.residualLikelihood, r.residualConsequence, r.residualScore, r.residualLevel), acceptanceText(r)].filter(Boolean).join('\n'),
            [r.treatments.map((t) => t.option).join(', '), controlsOf(r)].filter(Boolean).join('\n'),
            [r.owner?.name ?? '', r.reviewDate ? `Review ${r.reviewDate}` : ''].filter(Boolean).join('\n'),
          ]),
        },
      },
      {
        heading: 'Consequences',
        table: {
          columns: [
            { header: 'Ref', width: 5 },
            { header: 'For the organization', width: 25 },
            { header: 'For individuals and groups', width: 25 },
            { header: 'For society', width: 25 },
          ],
          rows: risks.map((r) => [r.ref, r.consequencesOrganization, r.consequencesIndividuals, r.consequencesSociety]),
        },
      },
    ],
    orientation: 'landscape',
    fileName: 'risk-register',
  };
}

const PLAN_COLUMNS = [
  { key: 'risk', header: 'Risk', width: 8 },
  { key: 'title', header: 'Title', width: 32 },
  { key: 'inherentLevel', header: 'Inherent level', width: 12 },
  { key: 'option', header: 'Option', width: 28 },
  { key: 'description', header: 'Treatment', width: 40 },
  { key: 'controls', header: 'Controls', width: 20 },
  { key: 'actions', header: 'Actions (owner, due)', width: 40 },
  { key: 'residualLevel', header: 'Residual level', width: 12 },
  { key: 'verification', header: 'Verification', width: 30 },
  { key: 'effectiveness', header: 'Effectiveness', width: 14 },
  { key: 'acceptance', header: 'Acceptance', width: 30 },
];

type Plan = Awaited<ReturnType<typeof getPlan>>;
const planRows = (plan: Plan) =>
  plan.risks.flatMap((r) =>
    (r.treatments.length ? r.treatments : [null]).map((t) => [
      r.ref,
      r.title,
      level(r.inherentLevel),
      t ? TREATMENT_OPTION_LABELS[t.option] : 'No treatment yet',
      t?.description ?? '',
      t?.controlRefs.join(', ') ?? '',
      t?.actions.map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}, ${a.dueDate ?? 'no date'}, ${a.status})`).join('\n') ?? '',
      t ? level(t.residualLevel) : '',
      t?.verification ?? '',
      t?.effectiveness ?? '',
      acceptanceText(r),
    ]),
  );
const planStatus = (plan: Plan) => (plan.status === 'approved' ? `Version ${plan.number}, approved ${plan.approved!.approvedAt.slice(0, 10)} by ${plan.approved!.approvedBy.name}` : `Draft of version ${plan.number}${plan.approved ? ` (version ${plan.approved.number} approved ${plan.approved.approvedAt.slice(0, 10)})` : ''}`);

export function riskExportRoutes(fastify: FastifyInstance, deps: AppDeps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['Risk assessment and treatment'];

  for (const format of TABLE_FORMATS)
    app.get(`/api/orgs/:orgId/risks/export.${format}`, { config: { access: 'risk.read' }, schema: { tags, summary: `The risk register as ${format.toUpperCase()} (the filters of the list apply)`, params: ZOrgParams, querystring: ZRiskFilter } }, async (req, reply) => {
      const criteria = await readCriteriaInForce(deps.db, req.params.orgId);
      return sendTable(reply, format, registerTable(await loadRisks(deps.db, req.params.orgId, riskFilterOf(req.query), criteria), criteria));
    });
  for (const format of DOCUMENT_FORMATS)
    app.get(`/api/orgs/:orgId/risks/export.${format}`, { config: { access: 'risk.read' }, schema: { tags, summary: `The risk register as ${format.toUpperCase()}`, params: ZOrgParams, querystring: ZRiskFilter } }, async (req, reply) => {
      const criteria = await readCriteriaInForce(deps.db, req.params.orgId);
      const risks = await loadRisks(deps.db, req.params.orgId, riskFilterOf(req.query), criteria);
      return sendDocument(reply, format, registerDocument(await orgName(deps.db, req.params.orgId), risks, criteria));
    });

  app.get('/api/orgs/:orgId/risk-treatment-plan/export.xlsx', { config: { access: 'risk.read' }, schema: { tags, summary: 'The treatment plan as XLSX, one row per treatment', params: ZOrgParams } }, async (req, reply) => {
    const plan = await getPlan(deps, req.params.orgId);
    return sendTable(reply, 'xlsx', { name: 'risk-treatment-plan', sheet: 'Treatment plan (6.1.3)', columns: PLAN_COLUMNS, rows: planRows(plan), about: [['Status', planStatus(plan)], ['Exported', nowIso()]] });
  });
  for (const format of DOCUMENT_FORMATS)
    app.get(`/api/orgs/:orgId/risk-treatment-plan/export.${format}`, { config: { access: 'risk.read' }, schema: { tags, summary: `The treatment plan as ${format.toUpperCase()}`, params: ZOrgParams } }, async (req, reply) => {
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
          ...(plan.warnings.length ? [{ heading: 'Needs attention', bullets: plan.warnings.map((w) => w.message) }] : []),
          {
            heading: 'Treatments',
            table: {
              columns: [
                { header: 'Risk', width: 16 },
                { header: 'Inherent', width: 7 },
                { header: 'Option and treatment', width: 20 },
                { header: 'Controls', width: 9 },
                { header: 'Actions', width: 20 },
                { header: 'Residual', width: 7 },
                { header: 'Verification and acceptance', width: 16 },
              ],
              rows: planRows(plan).map((r) => [`${r[0]} ${r[1]}`, String(r[2]), [r[3], r[4]].filter(Boolean).join('\n'), String(r[5]), String(r[6]), String(r[7]), [r[8], r[9], r[10]].filter(Boolean).join('\n')]),
            },
          },
        ],
        orientation: 'landscape',
        fileName: 'risk-treatment-plan',
      };
      return sendDocument(reply, format, doc);
    });
}
