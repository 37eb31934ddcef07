import { sql, type Kysely } from 'kysely';

// Each risk's current position, kept on its row (issue 19): the latest inherent rating, the latest
// residual rating while its treatment exists, whether it is treated, its latest acceptance and the
// date until which that acceptance covers the risk's level. The risk module rewrites them in the
// transaction of every write that changes them (modules/risk/position.ts); the dashboard and the home
// overview count and list from these columns with grouped SQL instead of reading the register.
// The backfill is the same SQL as the module's, restated here because a migration stays frozen.

const COLUMNS: [string, 'integer' | 'text'][] = [
  ['inherent_likelihood', 'integer'],
  ['inherent_consequence', 'integer'],
  ['inherent_level', 'text'],
  ['residual_likelihood', 'integer'],
  ['residual_consequence', 'integer'],
  ['residual_level', 'text'],
  ['current_level', 'text'],
  ['acceptance_level', 'text'],
  ['acceptance_expires_at', 'text'],
  ['accepted_until', 'text'],
];

const inherent = (column: string) =>
  sql.raw(`(select a.${column} from risk_assessments a
    where a.risk_id = risks.id and a.kind = 'inherent' order by a.seq desc limit 1)`);
const residual = (column: string) =>
  sql.raw(`(select a.${column} from risk_assessments a join risk_treatments t on t.id = a.treatment_id
    where a.risk_id = risks.id and a.kind = 'residual' order by a.seq desc limit 1)`);
const acceptance = (column: string) =>
  sql.raw(`(select x.${column} from risk_acceptances x
    where x.org_id = risks.org_id and x.risk_id = risks.id order by x.accepted_at desc limit 1)`);
const rank = (column: string) =>
  sql.raw(`(case ${column} when 'low' then 0 when 'medium' then 1 when 'high' then 2 when 'critical' then 3 end)`);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) await db.schema.alterTable('risks').addColumn(name, type).execute();
  await db.schema
    .alterTable('risks')
    .addColumn('treated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update risks set
      inherent_likelihood = ${inherent('likelihood')},
      inherent_consequence = ${inherent('consequence')},
      inherent_level = ${inherent('level')},
      residual_likelihood = ${residual('likelihood')},
      residual_consequence = ${residual('consequence')},
      residual_level = ${residual('level')},
      treated = case when exists (select 1 from risk_treatments t
        where t.org_id = risks.org_id and t.risk_id = risks.id) then 1 else 0 end,
      acceptance_level = ${acceptance('level')},
      acceptance_expires_at = ${acceptance('expires_at')}`.execute(db);
  await sql`update risks set
      current_level = coalesce(residual_level, inherent_level),
      accepted_until = case when ${rank('acceptance_level')} >= ${rank('coalesce(residual_level, inherent_level)')}
        then acceptance_expires_at end`.execute(db);
  // The dashboard's reads. Its counts (cells, levels, list totals) are one grouped scan of this index
  // alone: it holds every column they read, in the order they group by.
  await db.schema
    .createIndex('risks_position')
    .on('risks')
    .columns([
      'org_id',
      'status',
      'kind',
      'inherent_likelihood',
      'inherent_consequence',
      'residual_likelihood',
      'residual_consequence',
      'current_level',
      'treated',
      'accepted_until',
      'review_date',
    ])
    .execute();
  // Its lists' first rows, read in index order and stopped at the limit: by level then number (needs
  // attention), unrated by number, by review date, by acceptance end.
  await db.schema
    .createIndex('risks_level')
    .on('risks')
    .columns(['org_id', 'status', 'kind', 'current_level', 'number'])
    .execute();
  await db.schema
    .createIndex('risks_unrated')
    .on('risks')
    .columns(['org_id', 'status', 'kind', 'number'])
    .where(sql.ref('inherent_likelihood'), 'is', null)
    .execute();
  await db.schema
    .createIndex('risks_review_due')
    .on('risks')
    .columns(['org_id', 'status', 'kind', 'review_date', 'number'])
    .execute();
  await db.schema
    .createIndex('risks_accepted_until')
    .on('risks')
    .columns(['org_id', 'status', 'kind', 'accepted_until'])
    .execute();
}
