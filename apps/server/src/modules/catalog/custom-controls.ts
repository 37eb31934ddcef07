import { z } from 'zod';
import { PILLARS, type CustomControlFields, type UpdateCustomControl } from '@fortytwo/catalog';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import type { CustomControlTable } from '../../platform/db/schema';
import { notFound, ruleViolation, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { builtinCatalog } from './builtin';
import { ZGuidanceOut } from './schema';
import { writeOne } from '../../platform/db/versioned';

const ENTITY = 'custom_control';

export const ZCustomControl = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  description: z.string(),
  guidance: ZGuidanceOut.nullable(),
  relatedRefs: z.array(z.string()),
  pillars: z.array(z.enum(PILLARS)),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomControl = z.infer<typeof ZCustomControl>;

function present(r: CustomControlTable): CustomControl {
  return {
    id: r.id,
    ref: r.ref,
    title: r.title,
    description: r.description,
    guidance: JSON.parse(r.guidance) as CustomControl['guidance'],
    relatedRefs: JSON.parse(r.relatedRefs) as string[],
    pillars: JSON.parse(r.pillars) as CustomControl['pillars'],
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export async function listCustomControls(db: Db | Tx, orgId: string): Promise<CustomControl[]> {
  const rows = await db.selectFrom('customControls').selectAll().where('orgId', '=', orgId).orderBy('ref').execute();
  return rows.map(present);
}

async function find(db: Db | Tx, orgId: string, id: string): Promise<CustomControl | undefined> {
  const row = await db
    .selectFrom('customControls')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? present(row) : undefined;
}

export async function getCustomControl(deps: Deps, orgId: string, id: string): Promise<CustomControl> {
  const found = await find(deps.db, orgId, id);
  if (!found) throw notFound('Custom control');
  return found;
}

/** The rules the schema cannot see: a unique ref that is not an ISO 42001 ref, and related refs that exist. */
/** Refs are unique per organization: creations and edits take turns (`custom-controls:` lock) so the check sees the other's ref. */
async function check(
  tx: Tx,
  orgId: string,
  values: Pick<CustomControlFields, 'ref' | 'relatedRefs'>,
  exceptId?: string,
) {
  const iso = builtinCatalog();
  if (iso.item('iso42001', values.ref))
    throw ruleViolation(`Ref "${values.ref}" is an ISO/IEC 42001 reference; choose your own, such as ORG-1`, {
      field: 'ref',
    });
  let q = tx.selectFrom('customControls').select('id').where('orgId', '=', orgId).where('ref', '=', values.ref);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst())
    throw ruleViolation(`Ref "${values.ref}" is already used by another custom control`, { field: 'ref' });
  const unknown = values.relatedRefs.filter((r) => !iso.item('iso42001', r));
  if (unknown.length)
    throw ruleViolation(
      `Related ISO/IEC 42001 items must be clauses or controls of ISO/IEC 42001; unknown: ${unknown.join(', ')}`,
      {
        field: 'relatedRefs',
      },
    );
}

const columns = (v: CustomControlFields) => ({
  ref: v.ref,
  title: v.title,
  description: v.description,
  guidance: JSON.stringify(v.guidance),
  relatedRefs: JSON.stringify([...new Set(v.relatedRefs)]),
  pillars: JSON.stringify([...new Set(v.pillars)]),
});

export function createCustomControl(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: CustomControlFields,
): Promise<CustomControl> {
  return inTransaction(
    deps,
    async (tx, audit) => {
      await check(tx, orgId, input);
      const now = nowIso();
      const id = newId();
      await tx
        .insertInto('customControls')
        .values({
          id,
          orgId,
          ...columns(input),
          version: 1,
          createdAt: now,
          updatedAt: now,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        })
        .execute();
      const created = (await find(tx, orgId, id))!;
      await audit({ orgId, actor, action: 'custom_control.created', entityType: ENTITY, entityId: id, after: created });
      return created;
    },
    { lock: `custom-controls:${orgId}` },
  );
}

export function updateCustomControl(
  deps: Deps,
  actor: Actor,
  orgId: string,
  id: string,
  patch: UpdateCustomControl,
): Promise<CustomControl> {
  return inTransaction(
    deps,
    async (tx, audit) => {
      const before = await find(tx, orgId, id);
      if (!before) throw notFound('Custom control');
      if (before.version !== patch.version) throw staleVersion('custom control', before);
      const { version, ...changes } = patch;
      const merged: CustomControlFields = {
        ...before,
        ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
      };
      await check(tx, orgId, merged, id);
      await writeOne(
        tx
          .updateTable('customControls')
          .set({ ...columns(merged), version: version + 1, updatedAt: nowIso(), updatedBy: actor.userId })
          .where('orgId', '=', orgId)
          .where('id', '=', id)
          .where('version', '=', version),
        () => staleVersion('custom control', before),
      );
      const after = (await find(tx, orgId, id))!;
      await audit({ orgId, actor, action: 'custom_control.updated', entityType: ENTITY, entityId: id, before, after });
      return after;
    },
    { lock: `custom-controls:${orgId}` },
  );
}

export function removeCustomControl(deps: Deps, actor: Actor, orgId: string, id: string): Promise<void> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await find(tx, orgId, id);
    if (!before) throw notFound('Custom control');
    await writeOne(tx.deleteFrom('customControls').where('orgId', '=', orgId).where('id', '=', id), () =>
      notFound('Custom control'),
    );
    await audit({ orgId, actor, action: 'custom_control.deleted', entityType: ENTITY, entityId: id, before });
  });
}
