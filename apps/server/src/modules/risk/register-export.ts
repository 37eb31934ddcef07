import { RISK_LEVEL_LABELS, type RiskLevel } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import type { ReportDocument } from '../../platform/documents/model';
import { type Table } from '../../platform/http/table-export';
import { nowIso } from '../../platform/ids';
import { type CriteriaOut } from './criteria';
import type { RiskOut } from './schema';

// The risk register as a table (CSV/XLSX) and as a document (DOCX/PDF), with what an auditor would flag.

export const level = (l: RiskLevel | null) => (l ? RISK_LEVEL_LABELS[l] : '');
export const rating = (l: number | null, c: number | null, s: number | null, lv: RiskLevel | null) =>
  l === null ? '' : `${level(lv)} (${l} × ${c} = ${s})`;
const acceptanceText = (r: RiskOut) =>
  r.acceptance
    ? `${r.acceptanceState === 'expired' ? 'Lapsed' : 'Accepted'} until ${r.acceptance.expiresAt} by ${r.acceptance.acceptedBy.name}`
    : '';
const controlsOf = (r: RiskOut) => [...new Set(r.treatments.flatMap((t) => t.controlRefs))].join(', ');
export const orgName = async (db: Db, orgId: string) =>
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
