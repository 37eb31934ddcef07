import { z } from 'zod';
import { operationPlanProblems } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db, Tx } from '../../platform/db/connect';
import { changedOne } from '../../platform/db/versioned';
import { notFound, staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';

// A.6.2.6 and A.6.2.8: each AI system's operation and monitoring plan and its event-log
// specification, whose retention is checked against the organization's own rule for AI event logs.
// Both are one record each, created by the first save (version 0), then versioned.

export const ZLogRetentionRuleOut = z.object({
  minMonths: z.number().nullable().describe('null until the organization sets its rule'),
  maxMonths: z.number().nullable(),
  version: z.number(),
});
export const ZOperationPlanOut = z.object({
  aiSystemId: z.string(),
  monitoringPlan: z.string(),
  loggedEvents: z.string(),
  logRetentionMonths: z.number().nullable(),
  problems: z.array(z.string()).describe('what the plan leaves open, retention checked against the organization rule'),
  version: z.number().describe('0 until the first save'),
});

async function ruleOf(db: Db | Tx, orgId: string) {
  return (
    (await db
      .selectFrom('aiLogRetentionRules')
      .select(['minMonths', 'maxMonths', 'version'])
      .where('orgId', '=', orgId)
      .executeTakeFirst()) ?? null
  );
}

export async function getLogRetentionRule(deps: Deps, orgId: string) {
  return (await ruleOf(deps.db, orgId)) ?? { minMonths: null, maxMonths: null, version: 0 };
}

export function putLogRetentionRule(
  deps: Deps,
  actor: Actor,
  orgId: string,
  input: { version: number; minMonths: number; maxMonths: number | null },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await ruleOf(tx, orgId);
    const now = nowIso();
    const ok =
      input.version === 0
        ? !before &&
          (await changedOne(
            tx
              .insertInto('aiLogRetentionRules')
              .values({
                orgId,
                minMonths: input.minMonths,
                maxMonths: input.maxMonths,
                version: 1,
                updatedAt: now,
                updatedBy: actor.userId,
              })
              .onConflict((oc) => oc.column('orgId').doNothing()),
          ))
        : await changedOne(
            tx
              .updateTable('aiLogRetentionRules')
              .set({
                minMonths: input.minMonths,
                maxMonths: input.maxMonths,
                version: input.version + 1,
                updatedAt: now,
                updatedBy: actor.userId,
              })
              .where('orgId', '=', orgId)
              .where('version', '=', input.version),
          );
    if (!ok) throw staleVersion('retention rule', before);
    const after = (await ruleOf(tx, orgId))!;
    await audit({
      orgId,
      actor,
      action: 'ai_log_retention_rule.updated',
      entityType: 'organization',
      entityId: orgId,
      before,
      after,
    });
    return after;
  });
}

async function planOf(db: Db | Tx, orgId: string, aiSystemId: string) {
  const system = await db
    .selectFrom('aiSystems')
    .select('id')
    .where('orgId', '=', orgId)
    .where('id', '=', aiSystemId)
    .executeTakeFirst();
  if (!system) throw notFound('AI system');
  const row = await db
    .selectFrom('aiOperationPlans')
    .select(['monitoringPlan', 'loggedEvents', 'logRetentionMonths', 'version'])
    .where('orgId', '=', orgId)
    .where('aiSystemId', '=', aiSystemId)
    .executeTakeFirst();
  const plan = row ?? { monitoringPlan: '', loggedEvents: '', logRetentionMonths: null, version: 0 };
  const rule = await ruleOf(db, orgId);
  return { aiSystemId, ...plan, problems: operationPlanProblems(plan, rule) };
}

export function getOperationPlan(deps: Deps, orgId: string, aiSystemId: string) {
  return planOf(deps.db, orgId, aiSystemId);
}

export function putOperationPlan(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: { version: number; monitoringPlan: string; loggedEvents: string; logRetentionMonths: number | null },
) {
  return inTransaction(deps, async (tx, audit) => {
    const before = await planOf(tx, orgId, aiSystemId);
    const { version, ...fields } = input;
    const now = nowIso();
    const ok =
      version === 0
        ? before.version === 0 &&
          (await changedOne(
            tx
              .insertInto('aiOperationPlans')
              .values({ aiSystemId, orgId, ...fields, version: 1, updatedAt: now, updatedBy: actor.userId })
              .onConflict((oc) => oc.column('aiSystemId').doNothing()),
          ))
        : await changedOne(
            tx
              .updateTable('aiOperationPlans')
              .set({ ...fields, version: version + 1, updatedAt: now, updatedBy: actor.userId })
              .where('orgId', '=', orgId)
              .where('aiSystemId', '=', aiSystemId)
              .where('version', '=', version),
          );
    if (!ok) throw staleVersion('operation plan', before);
    const after = await planOf(tx, orgId, aiSystemId);
    await audit({
      orgId,
      actor,
      action: 'ai_operation_plan.updated',
      entityType: 'ai_system',
      entityId: aiSystemId,
      before,
      after,
    });
    return after;
  });
}
