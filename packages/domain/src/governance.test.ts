import { describe, expect, it } from 'vitest';
import {
  ACCOUNTABILITY_ACTIVITIES,
  accountabilityWarnings,
  DEFAULT_RACI_ACTIVITIES,
  NEW_ORGANIZATION_RACI,
} from './governance';

describe('accountability check (5.3)', () => {
  const [conformity, reporting] = ACCOUNTABILITY_ACTIVITIES.map((a) => a.name) as [string, string];
  it('is part of what a new organization starts with, after the usual activities', () => {
    expect(NEW_ORGANIZATION_RACI.map((a) => a.name)).toEqual([
      ...DEFAULT_RACI_ACTIVITIES.map((a) => a.name),
      conformity,
      reporting,
    ]);
  });
  it('warns for each responsibility that is missing or has no Accountable, and is quiet once both have one', () => {
    expect(accountabilityWarnings([]).map((w) => w.code)).toEqual(['ACCOUNTABILITY_MISSING', 'ACCOUNTABILITY_MISSING']);
    const found = accountabilityWarnings([
      { name: conformity, assignments: [{ letter: 'R' }] },
      { name: ` ${reporting.toUpperCase()} `, assignments: [{ letter: 'A' }] },
    ]);
    expect(found).toEqual([expect.objectContaining({ code: 'ACCOUNTABILITY_NO_ACCOUNTABLE', activity: conformity })]);
    expect(
      accountabilityWarnings([
        { name: conformity, assignments: [{ letter: 'A' }] },
        { name: reporting, assignments: [{ letter: 'A' }] },
      ]),
    ).toEqual([]);
  });
});
