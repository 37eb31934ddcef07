import type { Db, Tx } from '../../platform/db/connect';
import { ruleViolation } from '../../platform/errors';

// Records that name the AI systems using them (data sets, suppliers) keep one row per link in their
// own table (<table>(org_id, <record>_id, ai_system_id)). These helpers check and name the systems.

export type SystemRef = { id: string; name: string };

/** Refuses ids that are not AI systems of this organization (422, naming how many and what to send). */
export async function assertAiSystemsOf(tx: Db | Tx, orgId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const found = await tx
    .selectFrom('aiSystems')
    .select('id')
    .where('orgId', '=', orgId)
    .where('id', 'in', ids)
    .execute();
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw ruleViolation(
      `AI systems: ${missing.length === 1 ? 'one id is' : `${missing.length} ids are`} not an AI system of this organization; pick the systems from the inventory`,
      { field: 'aiSystemIds', missing },
    );
}

/** The names of AI systems by id, for presenting links. */
export async function aiSystemNames(db: Db | Tx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('aiSystems')
    .select(['id', 'name'])
    .where('orgId', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
