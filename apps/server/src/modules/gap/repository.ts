import type { GapResult, GapStatus } from '@fortytwo/domain';
import type { Db, Tx } from '../../platform/db/connect';
import type { GapAssessmentItemTable, GapAssessmentTable } from '../../platform/db/schema';
import { requirementByRef } from './requirements';
import type { GapItem } from './schema';

// The only place the gap analysis's SQL lives.

type ItemRow = GapAssessmentItemTable & { ownerName: string | null; ownerEmail: string | null };

export function toGapItem(r: ItemRow): GapItem {
  const req = requirementByRef(r.ref);
  return {
    id: r.id,
    ref: r.ref,
    title: req?.title ?? r.ref,
    kind: req?.kind ?? 'requirement',
    section: req?.section ?? '',
    documentation: req?.documentation ?? false,
    status: r.status as GapStatus,
    result: r.result as GapResult | null,
    maturity: r.maturity,
    justification: r.justification,
    notes: r.notes,
    ownerId: r.ownerId,
    owner:
      r.ownerId && r.ownerName !== null && r.ownerEmail !== null
        ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
        : null,
    targetDate: r.targetDate,
    evidenceLinks: JSON.parse(r.evidenceLinks) as string[],
    aiSystemIds: JSON.parse(r.aiSystemIds) as string[],
    files: [],
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

export async function findAssessment(db: Db | Tx, orgId: string, id: string): Promise<GapAssessmentTable | undefined> {
  return db.selectFrom('gapAssessments').selectAll().where('orgId', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function listAssessmentRows(db: Db, orgId: string): Promise<GapAssessmentTable[]> {
  return db
    .selectFrom('gapAssessments')
    .selectAll()
    .where('orgId', '=', orgId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function itemsOf(db: Db | Tx, orgId: string, assessmentId: string): Promise<GapItem[]> {
  const rows = await db
    .selectFrom('gapAssessmentItems')
    .leftJoin('users', 'users.id', 'gapAssessmentItems.ownerId')
    .selectAll('gapAssessmentItems')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where('gapAssessmentItems.orgId', '=', orgId)
    .where('gapAssessmentItems.assessmentId', '=', assessmentId)
    .orderBy('gapAssessmentItems.position')
    .execute();
  return withFiles(db, orgId, rows.map(toGapItem));
}

/** Evidence is attached to a requirement as assessed: the subject id is the gap item's id. */
export const REQUIREMENT = 'requirement' as const;

/** Adds each item's evidence files from the evidence library (one query for all of them). */
export async function withFiles(db: Db | Tx, orgId: string, items: GapItem[]): Promise<GapItem[]> {
  if (items.length === 0) return items;
  const rows = await db
    .selectFrom('evidenceLinks')
    .innerJoin('evidence', 'evidence.id', 'evidenceLinks.evidenceId')
    .select([
      'evidence.id',
      'evidenceLinks.subjectId',
      'evidence.fileName',
      'evidence.size',
      'evidence.mediaType',
      'evidence.createdAt',
    ])
    .where('evidenceLinks.orgId', '=', orgId)
    .where('evidenceLinks.subjectType', '=', REQUIREMENT)
    .where(
      'evidenceLinks.subjectId',
      'in',
      items.map((i) => i.id),
    )
    .where('evidence.kind', '=', 'file')
    .orderBy('evidence.createdAt')
    .orderBy('evidence.number')
    .execute();
  return items.map((i) => ({
    ...i,
    files: rows
      .filter((f) => f.subjectId === i.id)
      .map((f) => ({
        id: f.id,
        name: f.fileName ?? 'file',
        size: Number(f.size ?? 0),
        mediaType: f.mediaType ?? 'application/octet-stream',
        createdAt: f.createdAt,
      })),
  }));
}

/** Results of every assessment of an organization, for list summaries and the progress chart. */
export async function resultsByAssessment(
  db: Db,
  orgId: string,
): Promise<Map<string, { ref: string; result: string | null; maturity: number | null }[]>> {
  const rows = await db
    .selectFrom('gapAssessmentItems')
    .select(['assessmentId', 'ref', 'result', 'maturity'])
    .where('orgId', '=', orgId)
    .orderBy('position')
    .execute();
  const map = new Map<string, { ref: string; result: string | null; maturity: number | null }[]>();
  for (const r of rows) {
    const list = map.get(r.assessmentId) ?? [];
    list.push(r);
    map.set(r.assessmentId, list);
  }
  return map;
}

export async function findItem(
  db: Db | Tx,
  orgId: string,
  assessmentId: string,
  ref: string,
): Promise<GapItem | undefined> {
  const row = await db
    .selectFrom('gapAssessmentItems')
    .leftJoin('users', 'users.id', 'gapAssessmentItems.ownerId')
    .selectAll('gapAssessmentItems')
    .select(['users.name as ownerName', 'users.email as ownerEmail'])
    .where('gapAssessmentItems.orgId', '=', orgId)
    .where('gapAssessmentItems.assessmentId', '=', assessmentId)
    .where('gapAssessmentItems.ref', '=', ref)
    .executeTakeFirst();
  return row ? (await withFiles(db, orgId, [toGapItem(row)]))[0] : undefined;
}
