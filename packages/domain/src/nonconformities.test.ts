import { describe, expect, it } from 'vitest';
import { nonconformityBlockers, nonconformityOverdue, reviewDueOn, type NcFacts } from './nonconformities';

const base: NcFacts = {
  status: 'open',
  correction: 'Disabled the model version',
  rootCause: 'No review step before release',
  ownerId: 'owner',
  raisedBy: 'auditor',
  actions: [{ ownerId: 'owner', dueDate: '2027-01-31', status: 'open' }],
  effectiveness: null,
};

describe('nonconformity state rules (10.2)', () => {
  it('plans actions only with a correction, a root cause and owned, dated actions', () => {
    expect(nonconformityBlockers(base, 'plan', 'owner')).toEqual([]);
    const bare = {
      ...base,
      correction: ' ',
      rootCause: '',
      actions: [{ ownerId: null, dueDate: null, status: 'open' }],
    };
    expect(nonconformityBlockers(bare, 'plan', 'owner')).toEqual([
      'Record the correction (what was done to contain the problem).',
      'Record the root cause (5 whys or cause categories).',
      'Every corrective action needs an owner and a due date.',
    ]);
    expect(nonconformityBlockers({ ...base, actions: [] }, 'plan', 'owner')).toContain(
      'Add at least one corrective action.',
    );
  });

  it('reviews effectiveness only once every action is done', () => {
    const planned = { ...base, status: 'actions_planned' as const };
    expect(nonconformityBlockers(planned, 'start_review', 'x')).toHaveLength(1);
    const done = { ...planned, actions: [{ ownerId: 'owner', dueDate: '2027-01-31', status: 'done' }] };
    expect(nonconformityBlockers(done, 'start_review', 'x')).toEqual([]);
    expect(nonconformityBlockers(done, 'review', 'x')).toHaveLength(1);
    expect(nonconformityBlockers({ ...done, status: 'effectiveness_review' }, 'review', 'x')).toEqual([]);
  });

  it('lets nobody close their own: neither the owner nor whoever raised it', () => {
    const verified = { ...base, status: 'verified' as const, effectiveness: 'effective' as const };
    expect(nonconformityBlockers(verified, 'close', 'owner')[0]).toMatch(/owner cannot close/);
    expect(nonconformityBlockers(verified, 'close', 'auditor')[0]).toMatch(/whoever raised it cannot close/);
    expect(nonconformityBlockers(verified, 'close', 'someone-else')).toEqual([]);
    expect(nonconformityBlockers({ ...verified, status: 'effectiveness_review' }, 'close', 'x')[0]).toMatch(
      /verified effective/,
    );
  });

  it('puts the effectiveness review a set time after the actions and knows what is overdue', () => {
    expect(reviewDueOn('2027-01-31', 60)).toBe('2027-04-01');
    expect(nonconformityOverdue({ status: 'open', responseDue: '2026-12-01', reviewDue: null }, '2026-12-03')).toBe(
      true,
    );
    expect(nonconformityOverdue({ status: 'open', responseDue: '2026-12-03', reviewDue: null }, '2026-12-03')).toBe(
      false,
    );
    expect(
      nonconformityOverdue(
        { status: 'effectiveness_review', responseDue: null, reviewDue: '2026-12-02' },
        '2026-12-03',
      ),
    ).toBe(true);
    expect(nonconformityOverdue({ status: 'closed', responseDue: '2020-01-01', reviewDue: null }, '2026-12-03')).toBe(
      false,
    );
  });
});

describe('nonconformity steps: the exact answer for each missing condition', () => {
  it('names the status an NC is in when its actions cannot be planned, and the missing owner', () => {
    expect(nonconformityBlockers({ ...base, status: 'verified', ownerId: null }, 'plan', 'x')).toEqual([
      'Only an open nonconformity can have its actions planned (it is verified).',
      'Name the owner of the nonconformity.',
    ]);
    expect(nonconformityBlockers({ ...base, actions: [] }, 'plan', 'x')).toEqual([
      'Add at least one corrective action.',
    ]);
    // Blanks are no root cause.
    expect(nonconformityBlockers({ ...base, rootCause: '  ' }, 'plan', 'x')).toEqual([
      'Record the root cause (5 whys or cause categories).',
    ]);
  });

  it('needs both an owner and a due date on every action', () => {
    const one = (ownerId: string | null, dueDate: string | null) => ({
      ...base,
      actions: [
        { ownerId: 'owner', dueDate: '2027-01-31', status: 'open' },
        { ownerId, dueDate, status: 'open' },
      ],
    });
    const msg = ['Every corrective action needs an owner and a due date.'];
    expect(nonconformityBlockers(one('owner', null), 'plan', 'x')).toEqual(msg);
    expect(nonconformityBlockers(one(null, '2027-01-31'), 'plan', 'x')).toEqual(msg);
    expect(nonconformityBlockers(one('owner', '2027-02-01'), 'plan', 'x')).toEqual([]);
  });

  it('starts the review only from planned actions, all done', () => {
    const mixed = {
      ...base,
      actions: [
        { ownerId: 'owner', dueDate: '2027-01-31', status: 'done' },
        { ownerId: 'owner', dueDate: '2027-01-31', status: 'open' },
      ],
    };
    expect(nonconformityBlockers(mixed, 'start_review', 'x')).toEqual([
      'The actions must be planned first.',
      'Every corrective action must be done before its effectiveness is reviewed.',
    ]);
  });

  it('reviews only an NC under effectiveness review', () => {
    expect(nonconformityBlockers({ ...base, status: 'actions_planned' }, 'review', 'x')).toEqual([
      'The effectiveness review comes after the corrective actions are done.',
    ]);
  });

  it('closes only a verified NC, by a person who neither owns nor raised it', () => {
    const verified = { ...base, status: 'verified' as const };
    expect(nonconformityBlockers(verified, 'close', null)).toEqual(['A person must close a nonconformity.']);
    expect(nonconformityBlockers(verified, 'close', 'owner')).toEqual([
      'Nobody closes their own nonconformity: the owner cannot close it.',
    ]);
    expect(nonconformityBlockers(verified, 'close', 'auditor')).toEqual([
      'Nobody closes their own nonconformity: whoever raised it cannot close it.',
    ]);
    expect(nonconformityBlockers({ ...base, status: 'closed' }, 'close', 'x')).toEqual([
      'Only a nonconformity whose actions were verified effective can be closed.',
    ]);
  });

  it('is overdue only past a date it has, in the status that date belongs to', () => {
    const today = '2026-12-03';
    expect(nonconformityOverdue({ status: 'open', responseDue: null, reviewDue: '2020-01-01' }, today)).toBe(false);
    expect(
      nonconformityOverdue({ status: 'effectiveness_review', responseDue: '2020-01-01', reviewDue: null }, today),
    ).toBe(false);
    expect(nonconformityOverdue({ status: 'effectiveness_review', responseDue: null, reviewDue: today }, today)).toBe(
      false,
    );
    expect(
      nonconformityOverdue({ status: 'actions_planned', responseDue: '2020-01-01', reviewDue: '2020-01-01' }, today),
    ).toBe(false);
  });
});
