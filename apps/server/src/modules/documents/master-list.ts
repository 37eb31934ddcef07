import { z } from 'zod';
import { VERSION_STATE_LABELS } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import { nowIso } from '../../platform/ids';
import { builtinCatalog } from '../catalog/builtin';
import { listDocuments, type DocumentOut } from './read';
import { documentTypes } from './types';

// The master list of documented information (7.5.1): the first thing a stage-1 auditor asks for.
// One line per mandatory item of ISO/IEC 42001 (the catalogue's `documents`), met either by a
// controlled document of a type that declares it, or by records kept in Fortytwo's registers; then
// the organization's other documents. Each line says, in words, what is missing, unapproved,
// stale or overdue.

export const MASTER_STATES = [
  'missing',
  'draft',
  'in_review',
  'approved',
  'published',
  'withdrawn',
  'records',
] as const;
export const ZMasterItem = z.object({
  key: z.string().describe("the mandatory item id (such as ai-policy), or a document code for the organization's own"),
  title: z.string(),
  refs: z.array(z.string()),
  basis: z.string().describe("available | retain | document (the standard's wording), or organization"),
  mandatory: z.boolean(),
  documentId: z.string().nullable(),
  code: z.string().nullable(),
  state: z.enum(MASTER_STATES),
  version: z.string().nullable().describe('the version in force, else the newest'),
  owner: z.string().nullable(),
  approvedAt: z.string().nullable(),
  nextReviewAt: z.string().nullable(),
  records: z.string().nullable().describe('for items met by records: what Fortytwo holds'),
  problems: z.array(z.string()),
});
export type MasterItem = z.infer<typeof ZMasterItem>;

type RecordCheck = { records: string | null; problems: string[] };

const NOT_BUILT = (what: string): RecordCheck => ({
  records: null,
  problems: [`No ${what} recorded in Fortytwo yet. Keep them where they are today and say where in the AIMS manual.`],
});

/** Items met by records rather than a document: what the registers hold, and what is missing. */
async function recordCheck(db: Db | Tx, orgId: string, key: string): Promise<RecordCheck | null> {
  const count = async (q: Promise<{ n: number | string } | undefined>) => Number((await q)?.n ?? 0);
  switch (key) {
    case 'ai-risk-opportunity-actions': {
      const risks = await count(
        db
          .selectFrom('risks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirst(),
      );
      const actions = await count(
        db
          .selectFrom('actions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .where('sourceType', '=', 'risk_treatment')
          .executeTakeFirst(),
      );
      return risks
        ? { records: `${risks} risks and opportunities in the register, ${actions} treatment actions`, problems: [] }
        : { records: null, problems: ['No AI risk or opportunity has been recorded yet.'] };
    }
    case 'ai-risk-assessment-results': {
      const ratings = await count(
        db
          .selectFrom('riskAssessments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirst(),
      );
      return ratings
        ? { records: `${ratings} dated ratings, each with its assessor and criteria number`, problems: [] }
        : { records: null, problems: ['No AI risk has been assessed yet.'] };
    }
    case 'ai-risk-treatment-results': {
      const rows = await db.selectFrom('riskTreatments').select('effectiveness').where('orgId', '=', orgId).execute();
      if (!rows.length) return { records: null, problems: ['No AI risk treatment has been recorded yet.'] };
      const verified = rows.filter((r) => r.effectiveness !== null).length;
      return {
        records: `${rows.length} treatments, ${verified} with their effectiveness verified`,
        problems: verified ? [] : ['No treatment has had its effectiveness verified yet.'],
      };
    }
    case 'ai-system-impact-assessments': {
      const signed = await db
        .selectFrom('impactAssessments')
        .select('aiSystemId')
        .where('orgId', '=', orgId)
        .where('status', '=', 'signed_off')
        .execute();
      const scope = await db
        .selectFrom('scopeRevisions')
        .select('content')
        .where('orgId', '=', orgId)
        .orderBy('revision', 'desc')
        .executeTakeFirst();
      const inScope = scope ? ((JSON.parse(scope.content) as { aiSystemIds?: string[] }).aiSystemIds ?? []) : [];
      const assessed = new Set(signed.map((s) => s.aiSystemId));
      const missing = inScope.filter((id) => !assessed.has(id));
      const names = missing.length
        ? await db
            .selectFrom('aiSystems')
            .select('name')
            .where('orgId', '=', orgId)
            .where('id', 'in', missing)
            .orderBy('name')
            .execute()
        : [];
      return {
        records: signed.length ? `${signed.length} signed-off impact assessments` : null,
        problems: [
          ...(signed.length ? [] : ['No impact assessment has been signed off yet.']),
          ...(names.length
            ? [`In scope without a signed-off impact assessment: ${names.map((n) => n.name).join(', ')}.`]
            : []),
        ],
      };
    }
    case 'competence-evidence':
      return NOT_BUILT('training or competence records');
    case 'operational-records':
      return NOT_BUILT('records of controls in operation');
    case 'monitoring-results':
      return NOT_BUILT('monitoring and measurement results');
    case 'internal-audit-records': {
      // The programme's approvals and the signed-off reports (records of type internal-audit-report).
      const approvals = await count(
        db
          .selectFrom('auditProgrammeApprovals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .executeTakeFirst(),
      );
      const reports = await count(
        db
          .selectFrom('documents')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('orgId', '=', orgId)
          .where('typeId', '=', 'internal-audit-report')
          .executeTakeFirst(),
      );
      return {
        records:
          approvals || reports
            ? `${approvals} approved revision${approvals === 1 ? '' : 's'} of the audit programme, ${reports} signed-off audit report${reports === 1 ? '' : 's'}`
            : null,
        problems: [
          ...(approvals ? [] : ['The internal audit programme is not approved yet.']),
          ...(reports ? [] : ['No internal audit has been signed off yet.']),
        ],
      };
    }
    case 'management-review-results': {
      // Held reviews keep their frozen pack and minutes; signed off, they no longer change.
      const rows = await db
        .selectFrom('managementReviews')
        .select('status')
        .where('orgId', '=', orgId)
        .where('status', 'in', ['held', 'signed_off'])
        .execute();
      const signed = rows.filter((r) => r.status === 'signed_off').length;
      return rows.length
        ? {
            records: `${rows.length} management review${rows.length === 1 ? '' : 's'} held, ${signed} with minutes signed off`,
            problems: signed ? [] : ['No management review has its minutes signed off yet.'],
          }
        : { records: null, problems: ['No management review has been held yet.'] };
    }
    case 'nonconformity-records': {
      const rows = await db.selectFrom('nonconformities').select('status').where('orgId', '=', orgId).execute();
      const closed = rows.filter((r) => r.status === 'closed').length;
      return rows.length
        ? {
            records: `${rows.length} nonconformit${rows.length === 1 ? 'y' : 'ies'} with their correction, root cause and corrective actions, ${closed} closed`,
            problems: [],
          }
        : {
            records: null,
            problems: ['No nonconformity recorded yet: internal audits raise them from major and minor findings.'],
          };
    }
    default:
      return null;
  }
}

/** The best document for an item: one in force first, then the furthest along. */
const RANK = ['published', 'approved', 'in_review', 'draft', 'withdrawn'] as const;
function best(docs: DocumentOut[]): DocumentOut | null {
  const rank = (d: DocumentOut) => (d.inForce ? 0 : RANK.indexOf(d.latest.state as (typeof RANK)[number]) + 1 || 9);
  return [...docs].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

function documentLine(
  d: DocumentOut,
): Pick<
  MasterItem,
  'documentId' | 'code' | 'state' | 'version' | 'owner' | 'approvedAt' | 'nextReviewAt' | 'problems'
> {
  const today = nowIso().slice(0, 10);
  const shown = d.inForce ?? d.latest;
  const problems: string[] = [];
  if (!d.inForce)
    problems.push(
      d.latest.state === 'withdrawn'
        ? `${d.code} was withdrawn and nothing replaces it.`
        : `${d.code} version ${d.latest.label} is ${VERSION_STATE_LABELS[d.latest.state].toLowerCase()}, not published yet.`,
    );
  if (d.stale)
    problems.push(
      `Stale: ${d.stale.count} change${d.stale.count === 1 ? '' : 's'} to the records it is written from since it was published (${[...new Set(d.stale.changes.map((c) => c.entityType.replace(/_/g, ' ')))].join(', ')}).`,
    );
  if (d.inForce?.nextReviewAt && d.inForce.nextReviewAt < today)
    problems.push(`Review was due on ${d.inForce.nextReviewAt}.`);
  if (!d.ownerId) problems.push('No owner named.');
  return {
    documentId: d.id,
    code: d.code,
    state: d.inForce ? 'published' : d.latest.state === 'superseded' ? 'withdrawn' : d.latest.state,
    version: shown.label,
    owner: d.ownerId ? (d.owner?.name ?? 'a former member') : null,
    approvedAt: shown.approvedAt,
    nextReviewAt: d.inForce?.nextReviewAt ?? null,
    problems,
  };
}

export async function masterList(db: Db | Tx, orgId: string): Promise<MasterItem[]> {
  const iso = builtinCatalog().framework('iso42001')!;
  const types = documentTypes();
  const docs = await listDocuments(db, orgId);
  const listed = new Set<string>();
  const items: MasterItem[] = [];
  for (const req of iso.documents) {
    const typeIds = types.filter((t) => t.meets.includes(req.id)).map((t) => t.id);
    const base = { key: req.id, title: req.title, refs: req.clauses, basis: req.wording, mandatory: true };
    const check = await recordCheck(db, orgId, req.id);
    if (check) {
      items.push({
        ...base,
        documentId: null,
        code: null,
        state: check.records ? 'records' : 'missing',
        version: null,
        owner: null,
        approvedAt: null,
        nextReviewAt: null,
        records: check.records,
        problems: check.problems,
      });
      continue;
    }
    const candidates = docs.filter((d) => typeIds.includes(d.typeId));
    // 7.5.1 "other documented information" is met by the organization's procedures together.
    if (req.id === 'additional-documented-information') {
      const published = candidates.filter((d) => d.inForce);
      items.push({
        ...base,
        documentId: null,
        code: null,
        state: published.length ? 'records' : 'missing',
        version: null,
        owner: null,
        approvedAt: null,
        nextReviewAt: null,
        records: published.length ? `${published.length} published procedures and plans` : null,
        problems: published.length
          ? []
          : [
              'No procedure is published yet (document control, life cycle, data, suppliers, incidents, audit, review, nonconformity).',
            ],
      });
      continue;
    }
    const doc = best(candidates);
    if (doc) listed.add(doc.id);
    const suggestion = types.find((t) => typeIds.includes(t.id));
    items.push(
      doc
        ? { ...base, ...documentLine(doc), records: null }
        : {
            ...base,
            documentId: null,
            code: null,
            state: 'missing',
            version: null,
            owner: null,
            approvedAt: null,
            nextReviewAt: null,
            records: null,
            problems: [
              suggestion
                ? `No document yet: create “${suggestion.title}” from its template in Documents.`
                : 'No document yet.',
            ],
          },
    );
  }
  for (const d of docs.filter((x) => !listed.has(x.id))) {
    const type = types.find((t) => t.id === d.typeId);
    items.push({
      key: d.code,
      title: d.title,
      refs: d.refs,
      basis: type?.basis ?? 'organization',
      mandatory: false,
      ...documentLine(d),
      records: null,
    });
  }
  return items;
}
