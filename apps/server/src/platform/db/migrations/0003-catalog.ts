import type { Kysely } from 'kysely';

// An organization's additions to the catalogue: its own controls (6.1.3 allows controls beyond
// Annex A) and imported frameworks and crosswalks, kept as the validated file content.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('custom_controls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('guidance', 'text', (c) => c.notNull())
    .addColumn('related_refs', 'text', (c) => c.notNull())
    .addColumn('pillars', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_by', 'text')
    .addUniqueConstraint('custom_controls_org_ref', ['org_id', 'ref'])
    .execute();

  await db.schema
    .createTable('catalog_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // framework | crosswalk
    .addColumn('key', 'text', (c) => c.notNull()) // the file's own id
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('content', 'text', (c) => c.notNull()) // the validated file as JSON
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('catalog_imports_org_kind_key', ['org_id', 'kind', 'key'])
    .execute();
}
