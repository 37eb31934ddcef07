import type { Config } from '../../platform/config';
import type { Db } from '../../platform/db/connect';
import { compose, type Paragraph } from '../../platform/mail/compose';
import { mailerOf } from '../../platform/mail/mailer';
import { newId, nowIso } from '../../platform/ids';

// Saying something to one person: the notification is written first, under its idempotency key
// (user, dedupe key), and only the writer that inserted it sends the email. A second instance or a
// second run the same day finds the row and sends nothing: a reminder reaches a person once.
// An email that fails stays in the app (emailed_at empty) and is not retried, never doubled.

export type Notice = {
  userId: string;
  orgId: string | null;
  kind: string;
  dedupeKey: string;
  subject: string;
  paragraphs: Paragraph[];
  link: string | null;
};

export type DeliverDeps = { db: Db; config: Pick<Config, 'mail'>; log?: (message: string) => void };

/** True when this call recorded the notice (and mailed it, when email is configured). */
export async function deliver(deps: DeliverDeps, n: Notice): Promise<boolean> {
  const id = newId();
  const text = compose('', n.subject, n.paragraphs).text;
  const inserted = await deps.db
    .insertInto('notifications')
    .values({
      id,
      userId: n.userId,
      orgId: n.orgId,
      kind: n.kind,
      dedupeKey: n.dedupeKey,
      subject: n.subject,
      body: text,
      link: n.link,
      createdAt: nowIso(),
      readAt: null,
      emailedAt: null,
    })
    .onConflict((oc) => oc.columns(['userId', 'dedupeKey']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
  const mailer = mailerOf(deps.config);
  if (!mailer.enabled) return true;
  const user = await deps.db.selectFrom('users').select('email').where('id', '=', n.userId).executeTakeFirst();
  if (!user) return true;
  try {
    await mailer.send(compose(user.email, n.subject, n.paragraphs));
    await deps.db.updateTable('notifications').set({ emailedAt: nowIso() }).where('id', '=', id).execute();
  } catch (err) {
    deps.log?.(`Email to ${user.email} (${n.kind}) failed, kept in the app: ${(err as Error).message}`);
  }
  return true;
}
