import { z } from 'zod';
import { AI_ROLES, climateProblem, type ZUpdateOrgContext } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { ruleViolation, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { changedOne, writeOne } from '../../platform/db/versioned';

// The context record of clause 4.1: one per organization, created empty on first read.

export const ZOrgContextOut = z.object({
  climateRelevant: z.boolean().nullable().describe('null while not decided'),
  climateReason: z.string(),
  aiRoles: z.array(z.object({ role: z.enum(AI_ROLES), subRoles: z.array(z.string()), reason: z.string() })),
  summary: z.string(),
  version: z.number().describe('0 until the first save'),
  updatedAt: z.string().nullable(),
});
export type OrgContextOut = z.infer<typeof ZOrgContextOut>;

export async function readOrgContext(db: Db | Tx, orgId: string): Promise<OrgContextOut> {
  const row = await db.selectFrom('orgContexts').selectAll().where('orgId', '=', orgId).executeTakeFirst();
  if (!row) return { climateRelevant: null, climateReason: '', aiRoles: [], summary: '', version: 0, updatedAt: null };
  return {
    climateRelevant: row.climateRelevant === null ? null : row.climateRelevant === 1,
    climateReason: row.climateReason,
    aiRoles: JSON.parse(row.aiRoles) as OrgContextOut['aiRoles'],
    summary: row.summary,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

export const getOrgContext = (deps: Deps, orgId: string) => readOrgContext(deps.db, orgId);

export function updateOrgContext(
  deps: Deps,
  actor: Actor,
  orgId: string,
  patch: z.output<typeof ZUpdateOrgContext>,
): Promise<OrgContextOut> {
  return inTransaction(deps, async (tx, audit) => {
    const before = await readOrgContext(tx, orgId);
    if (before.version !== patch.version) throw staleVersion('context', before);
    const { version, ...changes } = patch;
    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    const problem = climateProblem(merged.climateRelevant, merged.climateReason);
    if (problem) throw ruleViolation(problem, { field: 'climateReason' });
    const row = {
      climateRelevant: merged.climateRelevant === null ? null : merged.climateRelevant ? 1 : 0,
      climateReason: merged.climateReason,
      aiRoles: JSON.stringify(merged.aiRoles),
      summary: merged.summary,
      version: version + 1,
      updatedAt: nowIso(),
      updatedBy: actor.userId,
    };
    if (version === 0) {
      // Two first saves at once: the primary key lets only one in; the other gets the usual 409.
      if (
        !(await changedOne(
          tx
            .insertInto('orgContexts')
            .values({ orgId, ...row })
            .onConflict((oc) => oc.column('orgId').doNothing()),
        ))
      )
        throw staleVersion('context', await readOrgContext(tx, orgId));
    } else {
      await writeOne(
        tx.updateTable('orgContexts').set(row).where('orgId', '=', orgId).where('version', '=', version),
        () => staleVersion('context', before),
      );
    }
    const after = await readOrgContext(tx, orgId);
    await audit({
      orgId,
      actor,
      action: 'context.updated',
      entityType: 'org_context',
      entityId: orgId,
      before: version === 0 ? undefined : before,
      after,
    });
    return after;
  });
}
