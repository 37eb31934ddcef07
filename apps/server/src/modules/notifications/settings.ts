import { z } from 'zod';
import type { Db } from '../../platform/db/connect';
import { writeOne } from '../../platform/db/versioned';
import { staleVersion } from '../../platform/errors';
import { nowIso } from '../../platform/ids';
import { inTransaction, type Deps } from '../../platform/transaction';

// Per person: the daily digest and the immediate reminders, each on or off. A person without a row
// gets both (the defaults); the first change writes the row.

export const ZNotificationSettings = z.object({
  digest: z.boolean().describe('a daily summary of everything assigned to you'),
  reminders: z.boolean().describe('a reminder the day something of yours is due or overdue'),
  version: z.number().describe('0 until first changed'),
});
export type NotificationSettings = z.infer<typeof ZNotificationSettings>;

export const ZNotificationSettingsInput = z.strictObject({
  version: z.number({ error: 'version is required: send the version you read' }).int().min(0),
  digest: z.boolean({ error: 'Daily digest must be true or false' }).optional(),
  reminders: z.boolean({ error: 'Reminders must be true or false' }).optional(),
});

const DEFAULTS = { digest: true, reminders: true, version: 0 };

export async function readSettings(db: Db, userId: string): Promise<NotificationSettings> {
  const row = await db.selectFrom('notificationSettings').selectAll().where('userId', '=', userId).executeTakeFirst();
  return row ? { digest: row.digest === 1, reminders: row.reminders === 1, version: row.version } : DEFAULTS;
}

/** The people who turned one kind of message off: everyone else receives it. */
export async function optedOut(db: Db, which: 'digest' | 'reminders'): Promise<Set<string>> {
  const rows = await db.selectFrom('notificationSettings').select('userId').where(which, '=', 0).execute();
  return new Set(rows.map((r) => r.userId));
}

export function updateSettings(
  deps: Deps,
  user: { id: string; name: string },
  input: z.output<typeof ZNotificationSettingsInput>,
): Promise<NotificationSettings> {
  return inTransaction(deps, async (tx, audit) => {
    const row = await tx
      .selectFrom('notificationSettings')
      .selectAll()
      .where('userId', '=', user.id)
      .executeTakeFirst();
    const before = row ? { digest: row.digest === 1, reminders: row.reminders === 1, version: row.version } : DEFAULTS;
    if (before.version !== input.version) throw staleVersion('notification settings', before);
    const after = {
      digest: input.digest ?? before.digest,
      reminders: input.reminders ?? before.reminders,
      version: before.version + 1,
    };
    const values = {
      digest: after.digest ? 1 : 0,
      reminders: after.reminders ? 1 : 0,
      version: after.version,
      updatedAt: nowIso(),
    };
    if (row)
      await writeOne(
        tx
          .updateTable('notificationSettings')
          .set(values)
          .where('userId', '=', user.id)
          .where('version', '=', before.version),
        () => staleVersion('notification settings', before),
      );
    else
      await writeOne(
        tx
          .insertInto('notificationSettings')
          .values({ userId: user.id, ...values })
          .onConflict((oc) => oc.column('userId').doNothing()),
        () => staleVersion('notification settings', before),
      );
    await audit({
      orgId: null,
      userChainId: user.id,
      actor: { userId: user.id, name: user.name },
      action: 'notification_settings.updated',
      entityType: 'user',
      entityId: user.id,
      before,
      after,
    });
    return after;
  });
}
