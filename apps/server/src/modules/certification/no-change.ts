import { z } from 'zod';
import { calendarDate, todayIn } from '@fortytwo/domain';
import type { Actor } from '../../platform/audit';
import type { Db } from '../../platform/db/connect';
import { notFound } from '../../platform/errors';
import { newId, nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';
import { now as clockNow } from '../../platform/clock';

// "No significant change in the period" for an AI system (8.2, 8.4). An organization that changed
// nothing has nothing to record in the change log, and the readiness check would have no data to
// judge its re-assessments by; a dated, signed confirmation is the record that says so. It is a
// statement of fact at a date, so it is only ever added, never edited.

export const ZNoChangeInput = z.strictObject({
  confirmedOn: calendarDate('Confirmed on').optional().describe('default: today'),
  note: z
    .string({ error: 'Note must be text' })
    .trim()
    .max(2000, 'Note must be at most 2000 characters')
    .default('')
    .describe('what was checked: releases, data, suppliers, use'),
});
export const ZNoChangeOut = z.object({
  id: z.string(),
  aiSystemId: z.string(),
  aiSystemName: z.string(),
  confirmedOn: z.string(),
  note: z.string(),
  confirmedByName: z.string(),
  createdAt: z.string(),
});
export type NoChangeOut = z.infer<typeof ZNoChangeOut>;

export async function listNoChangeConfirmations(db: Db, orgId: string): Promise<NoChangeOut[]> {
  return db
    .selectFrom('aiNoChangeConfirmations as c')
    .innerJoin('aiSystems as s', 's.id', 'c.aiSystemId')
    .select([
      'c.id',
      'c.aiSystemId',
      's.name as aiSystemName',
      'c.confirmedOn',
      'c.note',
      'c.confirmedByName',
      'c.createdAt',
    ])
    .where('c.orgId', '=', orgId)
    .orderBy('c.confirmedOn', 'desc')
    .orderBy('c.createdAt', 'desc')
    .execute();
}

/** The newest confirmation per AI system, for the readiness check. */
export async function latestNoChangeConfirmations(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('aiNoChangeConfirmations')
    .select(['aiSystemId', 'confirmedOn'])
    .where('orgId', '=', orgId)
    .execute();
  const newest = new Map<string, string>();
  for (const r of rows) if ((newest.get(r.aiSystemId) ?? '') < r.confirmedOn) newest.set(r.aiSystemId, r.confirmedOn);
  return [...newest].map(([aiSystemId, confirmedOn]) => ({ aiSystemId, confirmedOn }));
}

export function confirmNoChange(
  deps: Deps,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  input: z.output<typeof ZNoChangeInput>,
) {
  return inTransaction(deps, async (tx, audit) => {
    const system = await tx
      .selectFrom('aiSystems')
      .select(['id', 'name'])
      .where('orgId', '=', orgId)
      .where('id', '=', aiSystemId)
      .executeTakeFirst();
    if (!system) throw notFound('AI system');
    const row = {
      id: newId(),
      orgId,
      aiSystemId,
      confirmedOn: input.confirmedOn ?? todayIn(null, clockNow()),
      note: input.note,
      confirmedBy: actor.userId,
      confirmedByName: actor.name,
      createdAt: nowIso(),
    };
    await tx.insertInto('aiNoChangeConfirmations').values(row).execute();
    const out: NoChangeOut = {
      id: row.id,
      aiSystemId,
      aiSystemName: system.name,
      confirmedOn: row.confirmedOn,
      note: row.note,
      confirmedByName: row.confirmedByName,
      createdAt: row.createdAt,
    };
    // On the AI system's own trail, where its changes are recorded too.
    await audit({
      orgId,
      actor,
      action: 'ai_system.no_change_confirmed',
      entityType: 'ai_system',
      entityId: aiSystemId,
      after: out,
    });
    return out;
  });
}
