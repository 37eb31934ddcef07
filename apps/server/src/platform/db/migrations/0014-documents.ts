import type { Kysely } from 'kysely';

// Step 3, documents under control (7.5): each document has numbered versions; a version moves
// draft → in review → approved → published → superseded or withdrawn and is never deleted. The
// approved files (DOCX, PDF) are kept in the file store by SHA-256 and the version names them, so
// what an auditor downloads is byte for byte what was approved. Reviews are tasks (actions).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('code_prefix', 'text', (c) => c.notNull())
    .addColumn('classification', 'text', (c) => c.notNull())
    .addColumn('top_management', 'text', (c) => c.notNull())
    .addColumn('default_owner_id', 'text')
    .addColumn('default_approver_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('approver_id', 'text')
    .addColumn('answers', 'text', (c) => c.notNull()) // JSON: the wizard's answers by question key
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('documents_org_prefix_number', ['org_id', 'prefix', 'number'])
    .execute();
  await db.schema.createIndex('documents_org_type').on('documents').columns(['org_id', 'type_id']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('minor', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('material', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull()) // JSON: sections (narrative) or the frozen rendering (register)
    .addColumn('change_summary', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by_name', 'text')
    .addColumn('review_due', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_by_name', 'text')
    .addColumn('approval_comment', 'text')
    .addColumn('docx_sha256', 'text')
    .addColumn('pdf_sha256', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by_name', 'text')
    .addColumn('next_review_at', 'text')
    .addColumn('ended_at', 'text') // superseded or withdrawn
    .addColumn('end_reason', 'text')
    .addUniqueConstraint('document_versions_number', ['document_id', 'major', 'minor'])
    .execute();
  await db.schema
    .createIndex('document_versions_document')
    .on('document_versions')
    .columns(['document_id', 'major', 'minor'])
    .execute();

  await db.schema
    .createTable('document_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('document_versions.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text')
    .addColumn('round', 'integer', (c) => c.notNull()) // a version sent back and resubmitted is reviewed again
    .addColumn('decision', 'text') // null (waiting) | agree | changes_requested
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('document_reviews_once', ['version_id', 'reviewer_id', 'round'])
    .execute();

  await db.schema
    .createTable('document_acknowledgements')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('document_versions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_acknowledgements_pk', ['version_id', 'user_id'])
    .execute();
}
