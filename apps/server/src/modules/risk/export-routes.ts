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
import { controlRows, withControlBlock } from '../../platform/documents/control-block';
import { planControlBlock, registerControlBlock } from './record-control';
import type { RiskOut } from './schema';

// The risk register and the treatment plan as files: CSV/XLSX for people who work in spreadsheets,
// DOCX/PDF for the documented information an auditor reads (6.1.2 and 6.1.3 e–f).

const level = (l: RiskLevel | null) => (l ? RISK_LEVEL_LABELS[l] : '');
const rating = (l: number | null, c: number | null, s: number | null, lv: RiskLevel | null) =>
  l === null ? '' : `${level(lv)} (${l} × ${c} = ${s})`;
const acceptanceText = (r: RiskOut) =>
  r.acceptance
    ? `${r.acceptanceState === 'expired' ? 'Lapsed' : 'Accepted'} until ${r.acceptance.expiresAt} by ${r.acceptance.acceptedBy.name}`
    : '';
const controlsOf = (r: RiskOut) => [...new Set(r.treatments.flatMap((t) => t.controlRefs))].join(', ');
const orgName = async (db: Db, orgId: string) =>
  (await db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow()).name;

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
  { key: 'criteriaApproved', header: 'Criteria approved', width: 12 },
  { key: 'inherentAssessed', header: 'Inherent rating assessed (date, by)', width: 26 },
  { key: 'residualAssessed', header: 'Residual rating assessed (date, by)', width: 26 },
  { key: 'impactAssessment', header: 'Impact assessment', width: 14 },
  { key: 'flags', header: 'Flags', width: 40 },
  { key: 'ratingHistory', header: 'Rating history (8.2)', width: 50 },
];

/** What the register needs beyond the risks: every dated rating, the criteria's status, impact refs. */
export type RegisterExtras = {
  ratings: Map<
    string,
    {
      kind: string;
      likelihood: number;
      consequence: number;
      score: number;
      level: string;
      criteriaNumber: number;
      assessedAt: string;
      assessedByName: string;
      note: string;
    }[]
  >;
  criteriaStatus: Map<number, string>;
  impactRefs: Map<string, string>;
};

export async function registerExtras(db: Db, orgId: string): Promise<RegisterExtras> {
  const [ratings, criteria, impacts] = await Promise.all([
    db
      .selectFrom('riskAssessments')
      .select([
        'riskId',
        'kind',
        'likelihood',
        'consequence',
        'score',
        'level',
        'criteriaNumber',
        'assessedAt',
        'assessedByName',
        'note',
      ])
      .where('orgId', '=', orgId)
      .orderBy('seq', 'desc')
      .execute(),
    db.selectFrom('riskCriteria').select(['number', 'status']).where('orgId', '=', orgId).execute(),
    db.selectFrom('impactAssessments').select(['id', 'number']).where('orgId', '=', orgId).execute(),
  ]);
  const byRisk = new Map<string, RegisterExtras['ratings'] extends Map<string, infer V> ? V : never>();
  for (const r of ratings) byRisk.set(r.riskId, [...(byRisk.get(r.riskId) ?? []), r]);
  return {
    ratings: byRisk,
    criteriaStatus: new Map(criteria.map((c) => [c.number, c.status])),
    impactRefs: new Map(impacts.map((i) => [i.id, `IA-${i.number}`])),
  };
}

/** What an auditor would write up about one risk's row: no owner, no review date, society left blank. */
export function registerFlags(r: RiskOut): string[] {
  const out: string[] = [];
  if (!r.owner) out.push('No risk owner');
  if (!r.reviewDate) out.push('No review date');
  if (!r.consequencesSociety.trim())
    out.push('Consequences for society not stated: give them, or write "none" with the reason');
  return out;
}

const assessedText = (a: { assessedAt: string; assessedByName: string } | undefined) =>
  a ? `${a.assessedAt.slice(0, 10)}, ${a.assessedByName}` : '';
const historyText = (
  rs: {
    kind: string;
    score: number;
    level: string;
    criteriaNumber: number;
    assessedAt: string;
    assessedByName: string;
  }[],
) =>
  rs
    .map(
      (a) =>
        `${a.assessedAt.slice(0, 10)} ${a.kind} ${level(a.level as RiskLevel)} (${a.score}), criteria no. ${a.criteriaNumber}, ${a.assessedByName}`,
    )
    .join('\n');

export function registerTable(risks: RiskOut[], criteria: CriteriaOut, extras: RegisterExtras): Table {
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
      r.criteriaNumber === null ? '' : extras.criteriaStatus.get(r.criteriaNumber) === 'draft' ? 'No (draft)' : 'Yes',
      assessedText(extras.ratings.get(r.id)?.find((a) => a.kind === 'inherent')),
      assessedText(extras.ratings.get(r.id)?.find((a) => a.kind === 'residual')),
      r.impactAssessmentId ? (extras.impactRefs.get(r.impactAssessmentId) ?? '') : '',
      registerFlags(r).join('; '),
      historyText(extras.ratings.get(r.id) ?? []),
    ]),
    about: [
      [
        'Risk criteria in force',
        `No. ${criteria.number} (${criteria.status}); risks up to ${RISK_LEVEL_LABELS[criteria.acceptanceLevel]} may be retained`,
      ],
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

export function registerDocument(
  organizationName: string,
  risks: RiskOut[],
  criteria: CriteriaOut,
  extras: RegisterExtras,
): ReportDocument {
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
      {
        heading: 'Risk criteria',
        paragraphs: criteria.method ? [criteria.method] : [],
        bullets: criteriaBullets(criteria),
      },
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
            [r.title, r.kind === 'opportunity' ? '(opportunity)' : '', r.status === 'closed' ? '(closed)' : '']
              .filter(Boolean)
              .join(' '),
            r.aiSystem?.name ?? 'Organization-wide',
            r.sourceLabel,
            r.rated ? rating(r.likelihood, r.consequence, r.inherentScore, r.inherentLevel) : 'Not rated',
            [rating(r.residualLikelihood, r.residualConsequence, r.residualScore, r.residualLevel), acceptanceText(r)]
              .filter(Boolean)
              .join('\n'),
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
          rows: risks.map((r) => [
            r.ref,
            r.consequencesOrganization,
            r.consequencesIndividuals,
            r.consequencesSociety || 'Not stated',
          ]),
        },
      },
      ...(risks.some((r) => registerFlags(r).length)
        ? [
            {
              heading: 'Points to complete',
              bullets: risks.flatMap((r) => registerFlags(r).map((f) => `${r.ref}: ${f}`)),
            },
          ]
        : []),
      {
        heading: 'Assessment results (8.2)',
        paragraphs: [
          'Every dated rating is kept: the criteria number it used, who assessed it and when, and links to impact assessments.',
        ],
        table: {
          columns: [
            { header: 'Ref', width: 5 },
            { header: 'Ratings, newest first', width: 40 },
            { header: 'Criteria', width: 10 },
            { header: 'Impact assessment', width: 10 },
          ],
          rows: risks.map((r) => [
            r.ref,
            historyText(extras.ratings.get(r.id) ?? []),
            r.criteriaNumber === null
              ? 'Not rated yet'
              : `No. ${r.criteriaNumber}${extras.criteriaStatus.get(r.criteriaNumber) === 'draft' ? ' (draft, not approved)' : ' (approved)'}`,
            r.impactAssessmentId ? (extras.impactRefs.get(r.impactAssessmentId) ?? '') : '',
          ]),
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
  { key: 'riskOwner', header: 'Risk owner', width: 20 },
  { key: 'aiSystem', header: 'AI system', width: 24 },
  { key: 'inherentLevel', header: 'Inherent level', width: 12 },
  { key: 'option', header: 'Option', width: 28 },
  { key: 'description', header: 'Treatment', width: 40 },
  { key: 'controls', header: 'Controls', width: 20 },
  { key: 'actions', header: 'Actions (owner, due)', width: 40 },
  { key: 'resources', header: 'Resources', width: 30 },
  { key: 'residual', header: 'Residual rating', width: 18 },
  { key: 'verification', header: 'Verification', width: 30 },
  { key: 'effectiveness', header: 'Effectiveness', width: 14 },
  { key: 'acceptance', header: 'Acceptance (level, rationale, by)', width: 40 },
];

/** What an auditor reads of an acceptance: the level accepted, why, by whom, until when. */
const acceptanceDetail = (r: RiskOut) =>
  r.acceptance
    ? `${level(r.acceptance.level)} accepted by ${r.acceptance.acceptedBy.name} on ${r.acceptance.acceptedAt.slice(0, 10)} until ${r.acceptance.expiresAt}${r.acceptanceState === 'expired' ? ' (lapsed)' : ''}: ${r.acceptance.rationale}`
    : '';

type Plan = Awaited<ReturnType<typeof getPlan>>;
const planRows = (plan: Plan) =>
  plan.risks.flatMap((r) =>
    (r.treatments.length ? r.treatments : [null]).map((t) => [
      r.ref,
      r.title,
      r.owner?.name ?? 'No owner',
      r.aiSystem?.name ?? 'Organization-wide',
      level(r.inherentLevel),
      t ? TREATMENT_OPTION_LABELS[t.option] : 'No treatment yet',
      t?.description ?? '',
      t?.controlRefs.join(', ') ?? '',
      t?.actions
        .map((a) => `${a.title} (${a.owner?.name ?? 'no owner'}, ${a.dueDate ?? 'no date'}, ${a.status})`)
        .join('\n') ?? '',
      t?.resources ?? '',
      t ? rating(t.residualLikelihood, t.residualConsequence, t.residualScore, t.residualLevel) || 'Not rated' : '',
      t?.verification ?? '',
      t?.effectiveness ?? '',
      acceptanceDetail(r),
    ]),
  );
const planStatus = (plan: Plan) =>
  plan.status === 'approved'
    ? `Version ${plan.number}, approved ${plan.approved!.approvedAt.slice(0, 10)} by ${plan.approved!.approvedBy.name}`
    : `Draft of version ${plan.number}${plan.approved ? ` (version ${plan.approved.number} approved ${plan.approved.approvedAt.slice(0, 10)})` : ''}`;

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
