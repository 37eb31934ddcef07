/**
 * The evidence library's contract for other modules (issue 12). Read this before attaching evidence.
 *
 * - A piece of evidence (table `evidence`, EV-<number>) is attached to a record by a row of
 *   `evidence_links` (org_id, evidence_id, subject_type, subject_id), unique on the triple. One
 *   piece of evidence may serve many records; deleting evidence is refused while it is linked.
 * - Subject types are the open list EVIDENCE_SUBJECT_TYPES in packages/domain/src/evidence.ts. A
 *   module with a new kind of record adds its type there and an entry in SUBJECTS below: which
 *   table holds it (so a link to a record of another organization, or to nothing, is refused) and
 *   how to name it in the evidence's detail. A `catalogRef` resolver, when the record stands for an
 *   ISO/IEC 42001 clause or Annex A control, makes the evidence show under the NIST AI RMF and EU AI
 *   Act items the crosswalks map to it. 'control' subjects are identified by the control's ref
 *   ("A.6.2.4", or a custom control's), 'control_occurrence' by the occurrence's id.
 * - Inside your own transaction (so your record and its links commit together):
 *     await linkEvidence(tx, { orgId, evidenceId, subjectType, subjectId, by: actor, audit });
 *     await unlinkEvidence(tx, { orgId, evidenceId, subjectType, subjectId, by: actor, audit });
 *     await copyEvidenceLinks(tx, { orgId, subjectType, from, to, by: actor }); // e.g. a snapshot
 *   `audit` is the second argument inTransaction gives your work function; each call writes one
 *   audit event on the evidence. Linking twice is a no-op; unlinking a link that is not there is 404.
 * - Reading: `evidenceFor(db, orgId, subjectType, subjectId)` (one record) and
 *   `evidenceForMany(db, orgId, subjectType, ids)` (a list page, one query) answer EvidenceSummary
 *   rows: id, number, reference (EV-12), title, kind, expiresOn, expiryState current|expiring|expired.
 *   Remove a record's links when you delete the record: `unlinkAllFrom(tx, orgId, subjectType, id)`.
 * - HTTP for the web: GET/POST/DELETE /api/orgs/:orgId/evidence-links?subjectType=&subjectId= (see
 *   routes.ts); the web component apps/web/src/features/evidence/EvidencePanel.tsx takes
 *   `subjectType`/`subjectId` props and lists, attaches, uploads and unlinks on its own.
 * - Permissions: linking over HTTP needs `evidence.write`; a module linking inside its own use
 *   case is already authorized by its own action.
 */
import { expiryState, isEvidenceSubjectType, type EvidenceSubjectType, type ExpiryState } from '@fortytwo/domain';
import { sql } from 'kysely';
import type { Actor, AuditInput } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { AppError, notFound } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { builtinCatalog } from '../catalog/builtin';

export type EvidenceSummary = {
  id: string;
  number: number;
  reference: string;
  title: string;
  kind: 'file' | 'link';
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
  expiryState: ExpiryState;
};
export type AuditFn = (e: AuditInput) => Promise<void>;
export type LinkInput = {
  orgId: string;
  evidenceId: string;
  subjectType: EvidenceSubjectType;
  subjectId: string;
  by: Actor;
  audit: AuditFn;
};

export const evidenceReference = (number: number) => `EV-${number}`;
export const today = () => nowIso().slice(0, 10);

type SubjectRow = { id: string; label: string };
type Subject = {
  /** The records of these ids that exist in the organization, with a label to show. */
  find?: (db: Db | Tx, orgId: string, ids: string[]) => Promise<SubjectRow[]>;
  /** The ISO/IEC 42001 ref each record stands for, if any (for the crosswalks). */
  catalogRef?: (db: Db | Tx, orgId: string, ids: string[]) => Promise<Map<string, string>>;
};

const iso = () => builtinCatalog();
const isIsoRef = (ref: string) => iso().item('iso42001', ref) !== undefined;

/** How each subject type is found and named. Add your module's entry here (see the note above). */
export const SUBJECTS: Record<EvidenceSubjectType, Subject> = {
  requirement: {
    // A requirement as assessed in one gap assessment (its item); the ref is the clause or control.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('gapAssessmentItems')
          .innerJoin('gapAssessments', 'gapAssessments.id', 'gapAssessmentItems.assessmentId')
          .select(['gapAssessmentItems.id', 'gapAssessmentItems.ref', 'gapAssessments.name'])
          .where('gapAssessmentItems.orgId', '=', orgId)
          .where('gapAssessmentItems.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        label: `${r.ref} ${iso().item('iso42001', r.ref)?.title ?? ''} (${r.name})`.replace(/\s+\(/, ' ('),
      })),
    catalogRef: async (db, orgId, ids) =>
      new Map(
        (
          await db
            .selectFrom('gapAssessmentItems')
            .select(['id', 'ref'])
            .where('orgId', '=', orgId)
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.ref]),
      ),
  },
  control: {
    // A control by its ref: an Annex A control, or a custom control of the organization (modules/controls).
    find: async (db, orgId, ids) => {
      const custom = await db
        .selectFrom('customControls')
        .select(['ref', 'title'])
        .where('orgId', '=', orgId)
        .where('ref', 'in', ids)
        .execute();
      return [
        ...ids.filter(isIsoRef).map((id) => ({ id, label: `${id} ${iso().item('iso42001', id)!.title}` })),
        ...custom.map((c) => ({ id: c.ref, label: `${c.ref} ${c.title}` })),
      ];
    },
    catalogRef: (_db, _orgId, ids) => Promise.resolve(new Map(ids.filter(isIsoRef).map((id) => [id, id]))),
  },
  control_occurrence: {
    // One recorded run of a control (modules/controls/occurrences.ts); it serves the control's ref.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('controlOccurrences')
          .select(['id', 'ref', 'performedOn'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `${r.ref} run of ${r.performedOn}` })),
    catalogRef: async (db, orgId, ids) =>
      new Map(
        (
          await db
            .selectFrom('controlOccurrences')
            .select(['id', 'ref'])
            .where('orgId', '=', orgId)
            .where('id', 'in', ids)
            .execute()
        )
          .filter((r) => isIsoRef(r.ref))
          .map((r) => [r.id, r.ref]),
      ),
  },
  risk: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('risks')
          .select(['id', 'number', 'title'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `R-${r.number} ${r.title}` })),
  },
  treatment: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('riskTreatments')
          .innerJoin('risks', 'risks.id', 'riskTreatments.riskId')
          .select(['riskTreatments.id', 'riskTreatments.option', 'risks.number'])
          .where('riskTreatments.orgId', '=', orgId)
          .where('riskTreatments.id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `R-${r.number} treatment (${r.option})` })),
  },
  document: {
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('documents')
          .select(['id', 'title'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: r.title })),
  },
  finding: {
    // An internal audit finding (modules/audits), named by its number and audit.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('auditFindings')
          .innerJoin('audits', 'audits.id', 'auditFindings.auditId')
          .select([
            'auditFindings.id',
            'auditFindings.number',
            'audits.number as auditNumber',
            'auditFindings.statement',
          ])
          .where('auditFindings.orgId', '=', orgId)
          .where('auditFindings.id', 'in', ids)
          .execute()
      ).map((f) => ({ id: f.id, label: `AUD-${f.auditNumber} F-${f.number} ${f.statement.slice(0, 80)}` })),
  },
  training_completion: {
    // A completion of a training assignment (competence module): named by its action and person.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('trainingCompletions')
          .innerJoin('developmentActions', 'developmentActions.id', 'trainingCompletions.actionId')
          .leftJoin('people', (j) =>
            j
              .onRef('people.orgId', '=', 'trainingCompletions.orgId')
              .onRef('people.id', '=', 'trainingCompletions.personId'),
          )
          .leftJoin('users', 'users.id', 'trainingCompletions.personId')
          .select([
            'trainingCompletions.id',
            'trainingCompletions.completedOn',
            'developmentActions.title',
            'people.name as personName',
            'users.name as userName',
          ])
          .where('trainingCompletions.orgId', '=', orgId)
          .where('trainingCompletions.id', 'in', ids)
          .execute()
      ).map((r) => ({
        id: r.id,
        label: `Training completion: ${r.title}, ${r.userName ?? r.personName ?? 'a person'} (${r.completedOn})`,
      })),
  },
  objective: {},
  measurement: {},
  data_set: {
    // A data set (A.7): its licence, consent or contract evidence.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('dataSets')
          .select(['id', 'number', 'name'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `DS-${r.number} ${r.name}` })),
  },
  supplier: {
    // A supplier of AI components or services (A.10): due-diligence answers, contracts, reviews.
    find: async (db, orgId, ids) =>
      (
        await db
          .selectFrom('suppliers')
          .select(['id', 'number', 'name'])
          .where('orgId', '=', orgId)
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ id: r.id, label: `SUP-${r.number} ${r.name}` })),
  },
};

/** Refuses a subject that is not a record of this organization (when its module registered how to find it). */
export async function assertSubject(db: Db | Tx, orgId: string, subjectType: string, subjectId: string): Promise<void> {
  if (!isEvidenceSubjectType(subjectType))
    throw new AppError('VALIDATION', `Subject type "${subjectType}" is not one evidence can be attached to.`);
  const find = SUBJECTS[subjectType].find;
  if (find && (await find(db, orgId, [subjectId])).length === 0)
    throw notFound(`The ${subjectType.replace(/_/g, ' ')} to attach evidence to`);
}

async function evidenceRow(tx: Db | Tx, orgId: string, evidenceId: string) {
  const row = await tx
    .selectFrom('evidence')
    .select(['id', 'number', 'title'])
    .where('orgId', '=', orgId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!row) throw notFound('Evidence');
  return row;
}

/** Attaches evidence to a record; already attached is fine (nothing changes, no event). Answers whether a link was added. */
export async function linkEvidence(tx: Tx, input: LinkInput): Promise<boolean> {
  const ev = await evidenceRow(tx, input.orgId, input.evidenceId);
  const res = await tx
    .insertInto('evidenceLinks')
    .values({
      orgId: input.orgId,
      evidenceId: ev.id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      linkedBy: input.by.userId,
      linkedAt: nowIso(),
    })
    .onConflict((oc) => oc.columns(['evidenceId', 'subjectType', 'subjectId']).doNothing())
    .executeTakeFirst();
  const added = Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
  if (added)
    await input.audit({
      orgId: input.orgId,
      actor: input.by,
      action: 'evidence.linked',
      entityType: 'evidence',
      entityId: ev.id,
      after: { reference: evidenceReference(ev.number), subjectType: input.subjectType, subjectId: input.subjectId },
    });
  return added;
}

export async function unlinkEvidence(tx: Tx, input: LinkInput): Promise<void> {
  const ev = await evidenceRow(tx, input.orgId, input.evidenceId);
  const res = await tx
    .deleteFrom('evidenceLinks')
    .where('orgId', '=', input.orgId)
    .where('evidenceId', '=', ev.id)
    .where('subjectType', '=', input.subjectType)
    .where('subjectId', '=', input.subjectId)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1)
    throw notFound(`A link from ${evidenceReference(ev.number)} to this ${input.subjectType.replace(/_/g, ' ')}`);
  await input.audit({
    orgId: input.orgId,
    actor: input.by,
    action: 'evidence.unlinked',
    entityType: 'evidence',
    entityId: ev.id,
    before: { reference: evidenceReference(ev.number), subjectType: input.subjectType, subjectId: input.subjectId },
  });
}

/** Gives each record in `to` (new id by old id) the evidence of its record in `from` (a snapshot, a copy). */
export async function copyEvidenceLinks(
  tx: Tx,
  input: { orgId: string; subjectType: EvidenceSubjectType; to: Map<string, string>; by: Actor },
): Promise<void> {
  if (input.to.size === 0) return;
  const rows = await tx
    .selectFrom('evidenceLinks')
    .select(['evidenceId', 'subjectId'])
    .where('orgId', '=', input.orgId)
    .where('subjectType', '=', input.subjectType)
    .where('subjectId', 'in', [...input.to.keys()])
    .execute();
  const now = nowIso();
  const values = rows.map((r) => ({
    orgId: input.orgId,
    evidenceId: r.evidenceId,
    subjectType: input.subjectType,
    subjectId: input.to.get(r.subjectId)!,
    linkedBy: input.by.userId,
    linkedAt: now,
  }));
  if (values.length)
    await tx
      .insertInto('evidenceLinks')
      .values(values)
      .onConflict((oc) => oc.columns(['evidenceId', 'subjectType', 'subjectId']).doNothing())
      .execute();
}

/** Removes every link to a record that is being deleted (the evidence stays in the library). */
export async function unlinkAllFrom(
  tx: Tx,
  orgId: string,
  subjectType: EvidenceSubjectType,
  subjectId: string,
): Promise<void> {
  await tx
    .deleteFrom('evidenceLinks')
    .where('orgId', '=', orgId)
    .where('subjectType', '=', subjectType)
    .where('subjectId', '=', subjectId)
    .execute();
}

type SummaryRow = {
  id: string;
  number: number;
  title: string;
  kind: string;
  fileName: string | null;
  url: string | null;
  expiresOn: string | null;
};
export function toSummary(r: SummaryRow, on = today()): EvidenceSummary {
  return {
    id: r.id,
    number: r.number,
    reference: evidenceReference(r.number),
    title: r.title,
    kind: r.kind as 'file' | 'link',
    fileName: r.fileName,
    url: r.url,
    expiresOn: r.expiresOn,
    expiryState: expiryState(r.expiresOn, on),
  };
}

/** The evidence attached to each of many records of one type, in one query (a list page). */
export async function evidenceForMany(
  db: Db | Tx,
  orgId: string,
  subjectType: EvidenceSubjectType,
  subjectIds: string[],
): Promise<Map<string, EvidenceSummary[]>> {
  const out = new Map<string, EvidenceSummary[]>(subjectIds.map((id) => [id, []]));
  if (subjectIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidenceLinks')
    .innerJoin('evidence', 'evidence.id', 'evidenceLinks.evidenceId')
    .select([
      'evidenceLinks.subjectId',
      'evidence.id',
      'evidence.number',
      'evidence.title',
      'evidence.kind',
      'evidence.fileName',
      'evidence.url',
      'evidence.expiresOn',
    ])
    .where('evidenceLinks.orgId', '=', orgId)
    .where('evidenceLinks.subjectType', '=', subjectType)
    .where('evidenceLinks.subjectId', 'in', subjectIds)
    .orderBy('evidenceLinks.linkedAt')
    .orderBy('evidence.number')
    .execute();
  const on = today();
  for (const r of rows) out.get(r.subjectId)?.push(toSummary(r, on));
  return out;
}

export async function evidenceFor(
  db: Db | Tx,
  orgId: string,
  subjectType: EvidenceSubjectType,
  subjectId: string,
): Promise<EvidenceSummary[]> {
  return (await evidenceForMany(db, orgId, subjectType, [subjectId])).get(subjectId) ?? [];
}

export type EvidenceLinkOut = {
  subjectType: EvidenceSubjectType;
  subjectId: string;
  label: string;
  linkedAt: string;
  linkedBy: string | null;
};

/** The records an evidence serves, named for people (a record its module cannot name shows its id). */
export async function linksOf(
  db: Db | Tx,
  orgId: string,
  evidenceIds: string[],
): Promise<Map<string, EvidenceLinkOut[]>> {
  const out = new Map<string, EvidenceLinkOut[]>(evidenceIds.map((id) => [id, []]));
  if (evidenceIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidenceLinks')
    .leftJoin('users', 'users.id', 'evidenceLinks.linkedBy')
    .select([
      'evidenceLinks.evidenceId',
      'evidenceLinks.subjectType',
      'evidenceLinks.subjectId',
      'evidenceLinks.linkedAt',
      'users.name as linkedBy',
    ])
    .where('evidenceLinks.orgId', '=', orgId)
    .where('evidenceLinks.evidenceId', 'in', evidenceIds)
    .orderBy('evidenceLinks.linkedAt')
    .execute();
  const labels = new Map<string, string>();
  const byType = new Map<string, string[]>();
  for (const r of rows) byType.set(r.subjectType, [...(byType.get(r.subjectType) ?? []), r.subjectId]);
  for (const [type, ids] of byType) {
    const find = isEvidenceSubjectType(type) ? SUBJECTS[type].find : undefined;
    if (find) for (const s of await find(db, orgId, [...new Set(ids)])) labels.set(`${type}:${s.id}`, s.label);
  }
  for (const r of rows) {
    out.get(r.evidenceId)?.push({
      subjectType: r.subjectType as EvidenceSubjectType,
      subjectId: r.subjectId,
      label: labels.get(`${r.subjectType}:${r.subjectId}`) ?? r.subjectId,
      linkedAt: r.linkedAt,
      linkedBy: r.linkedBy,
    });
  }
  return out;
}

export type CrosswalkItem = {
  frameworkId: string;
  frameworkName: string;
  ref: string;
  title: string;
  relationship: string;
  via: string;
};

/**
 * The items of other frameworks (NIST AI RMF, EU AI Act …) an evidence also serves: for each linked
 * record that stands for an ISO/IEC 42001 clause or control, the crosswalk links of that ref.
 */
export async function crosswalkOf(db: Db | Tx, orgId: string, links: EvidenceLinkOut[]): Promise<CrosswalkItem[]> {
  const refs = new Set<string>();
  const byType = new Map<EvidenceSubjectType, string[]>();
  for (const l of links) byType.set(l.subjectType, [...(byType.get(l.subjectType) ?? []), l.subjectId]);
  for (const [type, ids] of byType) {
    const resolve = SUBJECTS[type].catalogRef;
    if (resolve) for (const ref of (await resolve(db, orgId, ids)).values()) refs.add(ref);
  }
  const cat = iso();
  const seen = new Set<string>();
  const out: CrosswalkItem[] = [];
  for (const ref of [...refs].sort()) {
    for (const l of cat.linksOf('iso42001', ref)) {
      const key = `${l.frameworkId}:${l.ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        frameworkId: l.frameworkId,
        frameworkName: cat.framework(l.frameworkId)?.name ?? l.frameworkId,
        ref: l.ref,
        title: l.title,
        relationship: l.relationship,
        via: ref,
      });
    }
  }
  return out.sort(
    (a, b) => a.frameworkId.localeCompare(b.frameworkId) || a.ref.localeCompare(b.ref, undefined, { numeric: true }),
  );
}

/** How many records each evidence serves (the register's "links" column and the delete guard). */
export async function linkCounts(db: Db | Tx, orgId: string, evidenceIds: string[]): Promise<Map<string, number>> {
  if (evidenceIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('evidenceLinks')
    .select(['evidenceId', sql<number>`count(*)`.as('n')])
    .where('orgId', '=', orgId)
    .where('evidenceId', 'in', evidenceIds)
    .groupBy('evidenceId')
    .execute();
  return new Map(rows.map((r) => [r.evidenceId, Number(r.n)]));
}
