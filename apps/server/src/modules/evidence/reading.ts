import { expiryState, isEvidenceSubjectType, type EvidenceSubjectType } from '@fortytwo/domain';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/connect';
import { SUBJECTS, evidenceReference, iso, today, type EvidenceSummary } from './subjects';

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
