import { z } from 'zod';
import { DEFAULT_RACI_MEMBER_COLUMNS, ROLES, type ZUpdateRaciColumns } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { isActiveMember } from '../orgs/members';
import { changedOne } from '../../platform/db/versioned';

// Which people and roles the RACI matrix shows as columns: one choice for the whole organization,
// so colleagues see the same matrix on any machine. Anyone assigned in an activity is shown anyway
// (by the page); this is the list of the others. Until someone chooses, the first current members.

type Column = { userId: string } | { role: string };

export const ZRaciColumnsOut = z.object({
  columns: z.array(
    z.union([
      z.object({ userId: z.string(), name: z.string().nullable().describe('null when the user no longer exists') }),
      z.object({ role: z.string() }),
    ]),
  ),
  chosen: z
    .boolean()
    .describe(`false until someone chooses: then the first ${DEFAULT_RACI_MEMBER_COLUMNS} current members by name`),
  version: z.number().describe('0 before the first save'),
});
export type RaciColumnsOut = z.infer<typeof ZRaciColumnsOut>;

const keyOf = (c: Column) => ('userId' in c ? `user:${c.userId}` : `role:${c.role}`);

async function defaultColumns(db: Db | Tx, orgId: string): Promise<Column[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.userId')
    .select('users.id')
    .where('memberships.orgId', '=', orgId)
    .where((eb) => eb.or([eb('memberships.expiresAt', 'is', null), eb('memberships.expiresAt', '>', nowIso())]))
    .orderBy('users.name')
    .orderBy('users.id')
    .limit(DEFAULT_RACI_MEMBER_COLUMNS)
    .execute();
  return rows.map((r) => ({ userId: r.id }));
}

async function current(db: Db | Tx, orgId: string): Promise<{ columns: Column[]; chosen: boolean; version: number }> {
  const row = await db
    .selectFrom('raciColumns')
    .select(['columns', 'version'])
    .where('orgId', '=', orgId)
    .executeTakeFirst();
  return row
    ? { columns: JSON.parse(row.columns) as Column[], chosen: true, version: row.version }
    : { columns: await defaultColumns(db, orgId), chosen: false, version: 0 };
}

async function present(
  db: Db | Tx,
  state: { columns: Column[]; chosen: boolean; version: number },
): Promise<RaciColumnsOut> {
  const ids = state.columns.flatMap((c) => ('userId' in c ? [c.userId] : []));
  // Users stay after they leave an organization: a former member keeps a name until removed from the columns.
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    ...state,
    columns: state.columns.map((c) =>
      'userId' in c ? { userId: c.userId, name: names.get(c.userId) ?? null } : { role: c.role },
    ),
  };
}

export async function getRaciColumns(deps: Deps, orgId: string): Promise<RaciColumnsOut> {
  return present(deps.db, await current(deps.db, orgId));
}

/** Replaces the columns. A person added must be a current member; one already shown may stay after leaving. */
export function setRaciColumns(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: z.output<typeof ZUpdateRaciColumns>,
): Promise<RaciColumnsOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await current(tx, orgId);
    if (before.version !== input.version) throw staleVersion('choice of RACI columns', await present(tx, before));
    const shown = new Set(before.columns.map(keyOf));
    const seen = new Set<string>();
    for (const [i, c] of input.columns.entries()) {
      const field = { field: `columns.${i}` };
      if (seen.has(keyOf(c)))
        throw ruleViolation(
          `${'userId' in c ? 'A person' : `The role "${c.role}"`} is in the columns twice; send each column once`,
          field,
        );
      seen.add(keyOf(c));
      if ('role' in c && !(ROLES as readonly string[]).includes(c.role))
        throw ruleViolation(`"${c.role}" is not a role; use one of: ${ROLES.join(', ')}`, field);
      if ('userId' in c && !shown.has(keyOf(c)) && !(await isActiveMember(tx, orgId, c.userId)))
        throw ruleViolation('A person added as a column must be a current member of this organization', field);
    }
    const columns = input.columns.map((c): Column => ('userId' in c ? { userId: c.userId } : { role: c.role }));
    const values = {
      columns: JSON.stringify(columns),
      version: before.version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    const saved = await changedOne(
      before.version === 0
        ? tx
            .insertInto('raciColumns')
            .values({ orgId, ...values })
            .onConflict((oc) => oc.column('orgId').doNothing())
        : tx.updateTable('raciColumns').set(values).where('orgId', '=', orgId).where('version', '=', before.version),
    );
    if (!saved) throw staleVersion('choice of RACI columns', await present(tx, await current(tx, orgId)));
    const after = await present(tx, { columns, chosen: true, version: values.version });
    await audit({
      orgId,
      actor,
      action: 'raci_columns.updated',
      entityType: 'raci_columns',
      entityId: orgId,
      before: await present(tx, before),
      after,
    });
    return after;
  });
}
