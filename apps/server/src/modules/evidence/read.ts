import { expiryRange, expiryState, type EvidenceSubjectType, type ExpiryState } from '@fortytwo/domain';
import { sql } from 'kysely';
import type { Db, Tx } from '../../platform/db/connect';
import type { EvidenceRevisionTable, EvidenceTable } from '../../platform/db/schema';
import { notFound } from '../../platform/errors';
import { crosswalkOf, evidenceReference, linkCounts, linksOf, today } from './links';
import type { EvidenceDetail, EvidenceOut } from './schema';

// The only place the evidence register's reads live.

export type EvidenceFilter = {
  ownerId?: string | undefined;
  expiry?: ExpiryState | undefined;
  subjectType?: EvidenceSubjectType | undefined;
  q?: string | undefined;
};

type Row = EvidenceTable & { ownerName: string | null; ownerEmail: string | null; collectedBy: string | null };

const fileOf = (r: Pick<EvidenceTable, 'kind' | 'sha256' | 'fileName' | 'size' | 'mediaType'>) =>
  r.kind === 'file' && r.sha256
    ? {
        name: r.fileName ?? 'file',
        size: Number(r.size ?? 0),
        mediaType: r.mediaType ?? 'application/octet-stream',
        sha256: r.sha256,
      }
    : null;

function toOut(r: Row, links: number, on: string): EvidenceOut {
  return {
    id: r.id,
    number: r.number,
    reference: evidenceReference(r.number),
    title: r.title,
    description: r.description,
    kind: r.kind as 'file' | 'link',
    file: fileOf(r),
    url: r.kind === 'link' ? r.url : null,
    ownerId: r.ownerId,
    owner:
      r.ownerId && r.ownerName !== null && r.ownerEmail !== null
        ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail }
        : null,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    expiryState: expiryState(r.expiresOn, on),
    revision: r.revision,
    linkCount: links,
    collectedBy: r.collectedBy,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function baseQuery(db: Db | Tx, orgId: string) {
  return db
    .selectFrom('evidence')
    .leftJoin('users as owner', 'owner.id', 'evidence.ownerId')
    .leftJoin('users as creator', 'creator.id', 'evidence.createdBy')
    .selectAll('evidence')
    .select(['owner.name as ownerName', 'owner.email as ownerEmail', 'creator.name as collectedBy'])
    .where('evidence.orgId', '=', orgId);
}

/** LIKE with the user's % and _ taken literally. */
const likePattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listEvidence(db: Db | Tx, orgId: string, filter: EvidenceFilter = {}): Promise<EvidenceOut[]> {
  const on = today();
  let q = baseQuery(db, orgId);
  if (filter.ownerId) q = q.where('evidence.ownerId', '=', filter.ownerId);
  if (filter.expiry) {
    const r = expiryRange(filter.expiry, on);
    q = q.where((eb) => {
      const parts = [];
      if (r.before) parts.push(eb('evidence.expiresOn', '<', r.before));
      if (r.from && r.to)
        parts.push(eb.and([eb('evidence.expiresOn', '>=', r.from), eb('evidence.expiresOn', '<=', r.to)]));
      else if (r.from) parts.push(eb('evidence.expiresOn', '>=', r.from));
      if (r.orNull) parts.push(eb('evidence.expiresOn', 'is', null));
      return eb.or(parts);
    });
  }
  if (filter.subjectType) {
    const type = filter.subjectType;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('evidenceLinks')
          .select('evidenceLinks.evidenceId')
          .whereRef('evidenceLinks.evidenceId', '=', 'evidence.id')
          .where('evidenceLinks.subjectType', '=', type),
      ),
    );
  }
  if (filter.q?.trim()) {
    const pattern = likePattern(filter.q.trim());
    const ref = /^ev-?(\d{1,9})$/i.exec(filter.q.trim());
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(evidence.title)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(evidence.description)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(evidence.file_name, evidence.url, ''))`, 'like', sql`${pattern} escape '\\'`),
        ...(ref ? [eb('evidence.number', '=', Number(ref[1]))] : []),
      ]),
    );
  }
  const rows = await q.orderBy('evidence.number', 'desc').execute();
  const counts = await linkCounts(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toOut(r, counts.get(r.id) ?? 0, on));
}

export async function findEvidence(db: Db | Tx, orgId: string, id: string): Promise<EvidenceOut | undefined> {
  const row = await baseQuery(db, orgId).where('evidence.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const counts = await linkCounts(db, orgId, [id]);
  return toOut(row, counts.get(id) ?? 0, today());
}

export async function getEvidenceDetail(db: Db | Tx, orgId: string, id: string): Promise<EvidenceDetail> {
  const ev = await findEvidence(db, orgId, id);
  if (!ev) throw notFound('Evidence');
  const revisions = await db
    .selectFrom('evidenceRevisions')
    .leftJoin('users', 'users.id', 'evidenceRevisions.createdBy')
    .selectAll('evidenceRevisions')
    .select('users.name as createdByName')
    .where('evidenceRevisions.orgId', '=', orgId)
    .where('evidenceRevisions.evidenceId', '=', id)
    .orderBy('evidenceRevisions.revision', 'desc')
    .execute();
  const links = (await linksOf(db, orgId, [id])).get(id) ?? [];
  return {
    ...ev,
    revisions: revisions.map((r) => ({
      id: r.id,
      revision: r.revision,
      kind: r.kind as 'file' | 'link',
      file: fileOf(r),
      url: r.kind === 'link' ? r.url : null,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdByName,
    })),
    links,
    crosswalk: await crosswalkOf(db, orgId, links),
  };
}

export async function findRevision(
  db: Db | Tx,
  orgId: string,
  evidenceId: string,
  revision?: number,
): Promise<EvidenceRevisionTable | undefined> {
  let q = db
    .selectFrom('evidenceRevisions')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('evidenceId', '=', evidenceId);
  q = revision === undefined ? q.orderBy('revision', 'desc').limit(1) : q.where('revision', '=', revision);
  return q.executeTakeFirst();
}
