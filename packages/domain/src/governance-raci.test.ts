import { describe, expect, it } from 'vitest';
import { accountabilityWarnings, raciProblems, type RaciAssignment } from './governance';

const as = (...letters: RaciAssignment['letter'][]): RaciAssignment[] =>
  letters.map((letter, i) => ({ assignee: { userId: `u${i}` }, letter }));

describe('problems of one RACI activity', () => {
  it('needs exactly one Accountable and at least one Responsible', () => {
    expect(raciProblems(as('R', 'A'))).toEqual([]);
    expect(raciProblems(as('R', 'R', 'A', 'C', 'I'))).toEqual([]);
    expect(raciProblems([])).toEqual(['no_accountable', 'no_responsible']);
    expect(raciProblems(as('C', 'I'))).toEqual(['no_accountable', 'no_responsible']);
    expect(raciProblems(as('R'))).toEqual(['no_accountable']);
    expect(raciProblems(as('A'))).toEqual(['no_responsible']);
    expect(raciProblems(as('A', 'R', 'A'))).toEqual(['several_accountable']);
    expect(raciProblems(as('A', 'A', 'A'))).toEqual(['several_accountable', 'no_responsible']);
  });
});

describe('the two 5.3 responsibilities in the RACI', () => {
  const CONFORMITY = 'AIMS conformity to ISO/IEC 42001';
  const REPORTING = 'Reporting AIMS performance to top management';

  it('says word for word which is missing from the RACI', () => {
    expect(accountabilityWarnings([])).toEqual([
      {
        code: 'ACCOUNTABILITY_MISSING',
        activity: CONFORMITY,
        message: `The RACI has no activity "${CONFORMITY}": clause 5.3 asks top management to assign it. Add it and name one Accountable.`,
      },
      {
        code: 'ACCOUNTABILITY_MISSING',
        activity: REPORTING,
        message: `The RACI has no activity "${REPORTING}": clause 5.3 asks top management to assign it. Add it and name one Accountable.`,
      },
    ]);
  });

  it('finds an activity whatever its case and surrounding spaces, and asks for an Accountable', () => {
    expect(
      accountabilityWarnings([
        { name: '  aims conformity to iso/iec 42001 ', assignments: [{ letter: 'R' }, { letter: 'A' }] },
        { name: REPORTING, assignments: [{ letter: 'R' }, { letter: 'C' }] },
      ]),
    ).toEqual([
      {
        code: 'ACCOUNTABILITY_NO_ACCOUNTABLE',
        activity: REPORTING,
        message: `Nobody is Accountable for "${REPORTING}" (5.3): top management must assign it to someone.`,
      },
    ]);
  });
});
