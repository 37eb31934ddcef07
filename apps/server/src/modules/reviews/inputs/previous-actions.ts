import type { InputProvider } from './types';
import { figure } from './types';

// 9.3.2 a: the actions earlier reviews decided, carried forward automatically with their status.

export const previousActions: InputProvider = {
  key: 'previous_actions',
  async compile({ db, orgId, reviewId, since, asOf }) {
    const rows = await db
      .selectFrom('actions')
      .innerJoin('managementReviews', (j) =>
        j.onRef('managementReviews.id', '=', 'actions.sourceId').on('managementReviews.orgId', '=', orgId),
      )
      .leftJoin('users', 'users.id', 'actions.ownerId')
      .select([
        'actions.title',
        'actions.status',
        'actions.dueDate',
        'actions.sourceRef',
        'users.name as ownerName',
        'managementReviews.meetingDate',
      ])
      .where('actions.orgId', '=', orgId)
      .where('actions.sourceType', '=', 'management_review')
      .where('actions.sourceId', '!=', reviewId)
      .where('managementReviews.meetingDate', '<=', asOf)
      .orderBy('managementReviews.meetingDate')
      .orderBy('actions.createdAt')
      .execute();
    if (!rows.length)
      return since
        ? {
            key: 'previous_actions',
            state: 'empty',
            summary: 'The previous reviews recorded no actions.',
            figures: [figure('Actions from previous reviews', 0)],
            items: [],
            reason: 'the previous reviews recorded no actions',
          }
        : {
            key: 'previous_actions',
            state: 'present',
            summary: 'This is the first management review: there are no actions from earlier reviews to follow up.',
            figures: [figure('Actions from previous reviews', 0)],
            items: [],
            reason: null,
          };
    const open = rows.filter((r) => r.status !== 'done');
    const overdue = open.filter((r) => r.dueDate !== null && r.dueDate < asOf);
    return {
      key: 'previous_actions',
      state: 'present',
      summary: `${rows.length - open.length} of ${rows.length} actions from previous reviews are done; ${open.length} open (${overdue.length} overdue).`,
      figures: [
        figure('Actions from previous reviews', rows.length),
        figure('Done', rows.length - open.length),
        figure('Open', open.length),
        figure('Overdue', overdue.length),
      ],
      items: open.map(
        (r) =>
          `${r.sourceRef ?? 'Review'}: ${r.title} (${r.status.replace('_', ' ')}; ${r.ownerName ?? 'no owner'}; ${
            r.dueDate ? `due ${r.dueDate}${r.dueDate < asOf ? ', overdue' : ''}` : 'no due date'
          })`,
      ),
      reason: null,
    };
  },
};
