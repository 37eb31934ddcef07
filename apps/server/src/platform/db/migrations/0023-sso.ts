import type { Kysely } from 'kysely';

// OpenID Connect single sign-on. A sign-in in progress is a row keyed by the hash of its `state`
// (so any instance sharing the database can finish it, and it is used once). An identity is the
// provider's (issuer, subject): matched by verified email the first time only, so a later change
// of email at the provider cannot hand the account to someone else. Each organization says which
// email domains may join by themselves, with which role, how provider groups map to roles, and
// whether its members may still sign in with a password (owners always may: break-glass).

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('oidc_flows')
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('return_to', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sso_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sign_in_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sso_identities_pk', ['issuer', 'subject'])
    .execute();
  await db.schema.createIndex('sso_identities_user').on('sso_identities').column('user_id').execute();

  await db.schema
    .createTable('org_sso_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('allowed_domains', 'text', (c) => c.notNull()) // JSON array of lower-case domains
    .addColumn('default_role', 'text', (c) => c.notNull())
    .addColumn('group_roles', 'text', (c) => c.notNull()) // JSON array of { group, role }
    .addColumn('local_sign_in', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}
