import type { Kysely } from 'kysely';
import type { Dialect } from '../connect';

// Step 4, the evidence library (issue 12): one register of proof for the organization. A piece of
// evidence is a file (bytes in the file store under their SHA-256) or a link; every new file or URL
// is a revision and the old ones are kept; links attach one piece of evidence to many records.
// The gap analysis's evidence files (0005 `files` rows of gap items) move into the library here,
// keeping their links to the requirements they were uploaded on. `file_blobs` is the file store
// kept in the database (FILE_STORE=db), for several instances without a shared volume.

type Row = {
  id: string;
  orgId: string;
  entityId: string;
  sha256: string;
  name: string;
  size: number;
  mediaType: string;
  createdAt: string;
  createdBy: string | null;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // file | link: the current revision's
    .addColumn('owner_id', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text') // review or expiry date
    // The current revision, copied here so the register lists without a join.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('size', 'integer')
    .addColumn('media_type', 'text')
    .addColumn('url', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('evidence_org_number', ['org_id', 'number'])
    .execute();
  await db.schema.createIndex('evidence_org_expires').on('evidence').columns(['org_id', 'expires_on']).execute();

  await db.schema
    .createTable('evidence_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('size', 'integer')
    .addColumn('media_type', 'text')
    .addColumn('url', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('evidence_revisions_number', ['evidence_id', 'revision'])
    .execute();

  await db.schema
    .createTable('evidence_links')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('linked_by', 'text')
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_links_pk', ['evidence_id', 'subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('evidence_links_subject')
    .on('evidence_links')
    .columns(['org_id', 'subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('file_blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bytes', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await moveGapFiles(db);
}

/**
 * Each distinct file of an organization (same bytes, same name) becomes one piece of evidence,
 * linked to every requirement it was uploaded on (a snapshot's copies included). The evidence keeps
 * the id of its earliest `files` row, so a download address saved before still finds it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function moveGapFiles(db: Kysely<any>): Promise<void> {
  const rows = (await db
    .selectFrom('files')
    .selectAll()
    .where('entity_type', '=', 'gap_assessment_item')
    .orderBy('created_at')
    .orderBy('id')
    .execute()) as Row[];
  if (rows.length === 0) return;
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.orgId}\u0000${r.sha256}\u0000${r.name}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const numbers = new Map<string, number>();
  for (const group of groups.values()) {
    const first = group[0]!;
    const number = (numbers.get(first.orgId) ?? 0) + 1;
    numbers.set(first.orgId, number);
    const file = {
      sha256: first.sha256,
      file_name: first.name,
      size: first.size,
      media_type: first.mediaType,
      url: null,
    };
    await db
      .insertInto('evidence')
      .values({
        id: first.id,
        org_id: first.orgId,
        number,
        title: first.name,
        description: '',
        kind: 'file',
        owner_id: first.createdBy,
        effective_on: null,
        expires_on: null,
        revision: 1,
        ...file,
        version: 1,
        created_at: first.createdAt,
        created_by: first.createdBy,
        updated_at: first.createdAt,
        updated_by: first.createdBy,
      })
      .execute();
    await db
      .insertInto('evidence_revisions')
      .values({
        id: `${first.id}-r1`,
        org_id: first.orgId,
        evidence_id: first.id,
        revision: 1,
        kind: 'file',
        ...file,
        note: 'Moved from the gap analysis',
        created_at: first.createdAt,
        created_by: first.createdBy,
      })
      .execute();
    const seen = new Set<string>();
    for (const r of group) {
      if (seen.has(r.entityId)) continue;
      seen.add(r.entityId);
      await db
        .insertInto('evidence_links')
        .values({
          org_id: r.orgId,
          evidence_id: first.id,
          subject_type: 'requirement',
          subject_id: r.entityId,
          linked_by: r.createdBy,
          linked_at: r.createdAt,
        })
        .execute();
    }
  }
  await db.deleteFrom('files').where('entity_type', '=', 'gap_assessment_item').execute();
}
