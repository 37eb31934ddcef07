import { z } from 'zod';
import {
  REGISTER_KEYS,
  ZSavedViewState,
  type CreateSavedView,
  type RegisterKey,
  type UpdateSavedView,
} from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import type { SavedViewTable } from '../../platform/db/schema';
import { isUniqueViolation } from '../../platform/db/unique-violation';
import { writeOne } from '../../platform/db/versioned';
import { AppError, notFound, staleVersion } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';

// A person's saved views of a register. Every query names the organization and the user, so
// nobody reads or changes another person's views (another's view answers 404 like a missing one).
// Views are preferences, not records of the management system: they are not audited.

export const ZSavedViewOut = z.object({
  id: z.string(),
  register: z.enum(REGISTER_KEYS),
  name: z.string(),
  state: ZSavedViewState,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedViewOut = z.infer<typeof ZSavedViewOut>;

type Owner = { orgId: string; userId: string };

const present = (r: SavedViewTable): SavedViewOut => ({
  id: r.id,
  register: r.register as RegisterKey,
  name: r.name,
  // Stored by this module from a parsed state; parsing again fills defaults added since.
  state: ZSavedViewState.parse(JSON.parse(r.state)),
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

const duplicate = (name: string) =>
  new AppError('CONFLICT', `A view named "${name}" already exists for this register: choose another name`, {
    field: 'name',
  });

const mine = (db: Db, o: Owner) =>
  db.selectFrom('savedViews').selectAll().where('orgId', '=', o.orgId).where('userId', '=', o.userId);

export async function listSavedViews(db: Db, o: Owner, register: RegisterKey): Promise<SavedViewOut[]> {
  const rows = await mine(db, o).where('register', '=', register).orderBy('name').execute();
  return rows.map(present);
}

async function find(db: Db, o: Owner, id: string) {
  const row = await mine(db, o).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Saved view');
  return row;
}

async function nameTaken(db: Db, o: Owner, register: string, name: string, exceptId?: string) {
  let q = mine(db, o).where('register', '=', register).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export async function createSavedView(db: Db, o: Owner, input: CreateSavedView): Promise<SavedViewOut> {
  if (await nameTaken(db, o, input.register, input.name)) throw duplicate(input.name);
  const now = nowIso();
  const id = newId();
  try {
    await db
      .insertInto('savedViews')
      .values({
        id,
        orgId: o.orgId,
        userId: o.userId,
        register: input.register,
        name: input.name,
        state: JSON.stringify(input.state),
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
  } catch (err) {
    // Two saves of the same name at once: the second meets the unique constraint.
    if (isUniqueViolation(err)) throw duplicate(input.name);
    throw err;
  }
  return present(await find(db, o, id));
}

export async function updateSavedView(db: Db, o: Owner, id: string, patch: UpdateSavedView): Promise<SavedViewOut> {
  const before = await find(db, o, id);
  if (before.version !== patch.version) throw staleVersion('saved view', present(before));
  const name = patch.name ?? before.name;
  if (name !== before.name && (await nameTaken(db, o, before.register, name, id))) throw duplicate(name);
  try {
    await writeOne(
      db
        .updateTable('savedViews')
        .set({
          name,
          state: patch.state ? JSON.stringify(patch.state) : before.state,
          version: before.version + 1,
          updatedAt: nowIso(),
        })
        .where('orgId', '=', o.orgId)
        .where('userId', '=', o.userId)
        .where('id', '=', id)
        .where('version', '=', patch.version),
      () => staleVersion('saved view', present(before)),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(name);
    throw err;
  }
  return present(await find(db, o, id));
}

export async function removeSavedView(db: Db, o: Owner, id: string): Promise<void> {
  await writeOne(
    db.deleteFrom('savedViews').where('orgId', '=', o.orgId).where('userId', '=', o.userId).where('id', '=', id),
    () => notFound('Saved view'),
  );
}
