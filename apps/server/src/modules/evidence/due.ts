import { addDays, EXPIRING_WITHIN_DAYS, EXPIRY_STATE_LABELS, expiryState, type DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { evidenceReference, today } from './links';

// Evidence renewals for the one task list ("my tasks", reminders, the digest): each piece of
// evidence whose review or expiry date is within EXPIRING_WITHIN_DAYS, or already past, is due on
// that date for its owner. Renewing it (a new revision with a later date) takes it off the list.

export async function dueItems(db: Db, orgId: string, assigneeUserId?: string): Promise<DueItem[]> {
  const on = today();
  let q = db
    .selectFrom('evidence')
    .select(['id', 'number', 'title', 'expiresOn', 'ownerId'])
    .where('orgId', '=', orgId)
    .where('expiresOn', 'is not', null)
    .where('expiresOn', '<=', addDays(on, EXPIRING_WITHIN_DAYS));
  if (assigneeUserId !== undefined) q = q.where('ownerId', '=', assigneeUserId);
  const rows = await q.orderBy('expiresOn').orderBy('number').execute();
  return rows.map((r) => ({
    kind: 'evidence_review',
    id: r.id,
    title: `Renew ${evidenceReference(r.number)} ${r.title} (${EXPIRY_STATE_LABELS[expiryState(r.expiresOn, on)].toLowerCase()} ${r.expiresOn})`,
    dueOn: r.expiresOn,
    assigneeUserId: r.ownerId,
    href: `/orgs/${orgId}/evidence/${r.id}`,
  }));
}
