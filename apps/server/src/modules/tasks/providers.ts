import type { DueItem } from '@fortytwo/domain';
import type { Db } from '../../platform/db/connect';
import { dueItems as actionsDue } from '../actions/due';
import { dueItems as approvalsDue } from '../documents/due';
import { dueItems as controlsDue } from '../controls/due';
import { dueItems as trainingsDue } from '../competence/due';
import { dueItems as objectivesDue } from '../objectives/due';
import { dueItems as metricsDue } from '../metrics/due';
import { dueItems as evidenceDue } from '../evidence/due';
import { dueItems as supplierReviewsDue } from '../suppliers/due';
import { dueItems as nonconformitiesDue } from '../nonconformities/due';
import { dueItems as reassessmentsDue } from '../ai-lifecycle/reassessments';
import { dueItems as certificationDue } from '../certification/due';
import { dueItems as evidenceRequestsDue } from '../auditor-workspace/due';

/**
 * What a module says is due in one organization, for whomever it is assigned to; given an
 * assignee, only what is assigned to them (filtered in SQL where the module can, so one person's
 * list does not read the whole organization's open work).
 */
export type DueProvider = (db: Db, orgId: string, assigneeUserId?: string) => Promise<DueItem[]>;

// The one list of everything that can be due. A module with due things exports `dueItems` from its
// own due.ts; adding it to the task list, the reminders and the digest is one line here.
export const DUE_PROVIDERS: DueProvider[] = [
  actionsDue,
  approvalsDue,
  controlsDue,
  trainingsDue,
  objectivesDue,
  metricsDue,
  evidenceDue,
  supplierReviewsDue,
  nonconformitiesDue,
  reassessmentsDue,
  certificationDue,
  evidenceRequestsDue,
];

/** Every due item of an organization, from every provider. */
export async function dueItemsOf(
  db: Db,
  orgId: string,
  providers: DueProvider[] = DUE_PROVIDERS,
  assigneeUserId?: string,
): Promise<DueItem[]> {
  const items = (await Promise.all(providers.map((p) => p(db, orgId, assigneeUserId)))).flat();
  return assigneeUserId === undefined ? items : items.filter((i) => i.assigneeUserId === assigneeUserId);
}
