import type { Actor } from '../platform/audit';
import type { FileStore } from '../platform/files';
import type { Deps } from '../platform/transaction';
import { changeMember } from '../modules/orgs/members';
import { addReviewAction, createReview, holdReview, signOffReview, updateReview } from '../modules/reviews/service';

// The demo lender's first management review (9.3), held last week and signed off by its chair (the
// owner, named top management): its input pack shows what the registers held then, with the audit
// and nonconformity inputs flagged missing until those modules hold data; two actions went to the
// task list.

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

export async function seedDemoManagementReview(
  deps: Deps,
  store: FileStore,
  owner: Actor & { userId: string },
  orgId: string,
  people: { manager: string; auditor: string },
) {
  const membership = await deps.db
    .selectFrom('memberships')
    .select('version')
    .where('orgId', '=', orgId)
    .where('userId', '=', owner.userId)
    .executeTakeFirstOrThrow();
  await changeMember(deps, owner, { orgId, role: 'owner', expiresAt: null }, owner.userId, {
    version: membership.version,
    topManagement: true,
  });
  const planned = await createReview(deps, owner, orgId, {
    title: 'Management review, first half of the year',
    meetingDate: isoDay(new Date(Date.now() - 7 * DAY)),
    chairId: owner.userId,
    attendeeIds: [people.manager, people.auditor],
  });
  const held = await holdReview(deps, owner, orgId, planned.id, { version: planned.version });
  for (const [title, ownerId, days] of [
    [
      'Plan the first internal audit of the AIMS, covering clauses 4–10 and the credit-scoring controls',
      people.auditor,
      45,
    ],
    ['Add a drift metric for the customer assistant and report it monthly', people.manager, 60],
  ] as const)
    await addReviewAction(deps, owner, orgId, held.id, {
      title,
      description: '',
      ownerId,
      dueDate: isoDay(new Date(Date.now() + days * DAY)),
    });
  const decided = await updateReview(deps, owner, orgId, held.id, {
    version: held.version,
    improvementDecisions:
      'Bring the age-band fairness work forward; automate the drift measurements that are still taken by hand.',
    changeDecisions: 'No change to the AIMS scope. The risk criteria stay as approved.',
    resourceNeeds: 'One more data scientist for the fairness objective for the next quarter.',
    conclusion:
      'The AIMS is suitable and adequate for the current AI portfolio. Its effectiveness cannot be fully judged until the first internal audit and nonconformity records exist: both are actions of this review.',
    notes: 'Internal audit results and nonconformity trends were not available (first cycle).',
  });
  await signOffReview(deps, store, owner, orgId, decided.id, { version: decided.version });
}
