import { describe, expect, it } from 'vitest';
import { addMonths } from './dates';
import {
  cadenceLabel,
  controlStatusFromSoa,
  lastPerformed,
  nextDue,
  operatingSince,
  operationFacts,
  soaStatusOf,
  statusTransition,
  ZControlImplementationInput,
  type ImplementationFacts,
  type OccurrenceFact,
} from './controls';

const operating: ImplementationFacts = {
  status: 'operating',
  statusSince: '2026-01-10',
  interruptedOn: null,
  cadenceMonths: 3,
  dueOn: null,
};
const ok = (performedOn: string): OccurrenceFact => ({ performedOn, outcome: 'ok' });

describe('addMonths', () => {
  it('adds whole months across a year end', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-01', 12)).toBe('2027-01-01');
  });
  it('keeps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
});

describe('cadence labels', () => {
  it('names the presets and any other number of months', () => {
    expect([null, 1, 3, 6, 12, 2, 24].map(cadenceLabel)).toEqual([
      'None',
      'Monthly',
      'Quarterly',
      'Half-yearly',
      'Yearly',
      'Every 2 months',
      'Every 24 months',
    ]);
  });
  it('refuses a cadence of zero or a fraction, naming the field', () => {
    const zero = ZControlImplementationInput.safeParse({ version: 0, cadenceMonths: 0 });
    expect(zero.success).toBe(false);
    expect(zero.error?.issues[0]?.message).toContain('Cadence must be at least 1 month');
    expect(ZControlImplementationInput.safeParse({ version: 0, cadenceMonths: 1.5 }).error?.issues[0]?.message).toBe(
      'Cadence must be a whole number of months',
    );
  });
});

describe('operating since', () => {
  it('is the first occurrence while operating', () => {
    expect(operatingSince(operating, [ok('2026-04-02'), ok('2026-01-20'), ok('2026-07-01')])).toBe('2026-01-20');
  });
  it('is null while operating without a recorded run (a claim, not a fact)', () => {
    expect(operatingSince(operating, [])).toBeNull();
  });
  it('is null for a control that does not operate', () => {
    for (const status of ['planned', 'implementing', 'needs_rework'] as const)
      expect(operatingSince({ ...operating, status }, [ok('2026-02-01')])).toBeNull();
  });
  it('starts again after the control stopped operating', () => {
    const back = { ...operating, interruptedOn: '2026-05-01' };
    expect(operatingSince(back, [ok('2026-02-01'), ok('2026-05-01'), ok('2026-06-15'), ok('2026-09-15')])).toBe(
      '2026-06-15',
    );
  });
  it('counts a run that found issues: it ran', () => {
    expect(operatingSince(operating, [{ performedOn: '2026-02-01', outcome: 'issues_found' }])).toBe('2026-02-01');
  });
});

describe('last performed and next due', () => {
  it('last performed is the latest run, whatever the status', () => {
    expect(lastPerformed([ok('2026-02-01'), ok('2026-03-05'), ok('2025-12-31')])).toBe('2026-03-05');
    expect(lastPerformed([])).toBeNull();
  });
  it('next due is one cadence after the last run', () => {
    expect(nextDue(operating, [ok('2026-02-01'), ok('2026-05-03')])).toBe('2026-08-03');
  });
  it('is due at once when operating but not yet run', () => {
    expect(nextDue(operating, [])).toBe('2026-01-10');
  });
  it('has none without a cadence or before operating', () => {
    expect(nextDue({ ...operating, cadenceMonths: null }, [ok('2026-02-01')])).toBeNull();
    expect(nextDue({ ...operating, status: 'implementing' }, [ok('2026-02-01')])).toBeNull();
  });
  it('ignores runs of an earlier stretch', () => {
    expect(nextDue({ ...operating, statusSince: '2026-06-01', interruptedOn: '2026-05-01' }, [ok('2026-04-01')])).toBe(
      '2026-06-01',
    );
  });
});

describe('overdue', () => {
  it('an operating control is overdue once its next run is past', () => {
    expect(operationFacts(operating, [ok('2026-02-01')], '2026-05-01').overdue).toBe(false);
    expect(operationFacts(operating, [ok('2026-02-01')], '2026-05-02').overdue).toBe(true);
  });
  it('a control not yet operating is overdue once its implementation due date is past', () => {
    const planned = { ...operating, status: 'planned' as const, dueOn: '2026-03-31' };
    expect(operationFacts(planned, [], '2026-03-31').overdue).toBe(false);
    expect(operationFacts(planned, [], '2026-04-01').overdue).toBe(true);
    expect(operationFacts({ ...planned, dueOn: null }, [], '2030-01-01').overdue).toBe(false);
  });
});

describe('status changes', () => {
  it('leaving operating records the interruption; others keep it', () => {
    expect(
      statusTransition(
        { status: 'operating', statusSince: '2026-01-01', interruptedOn: null },
        'needs_rework',
        '2026-05-01',
      ),
    ).toEqual({ status: 'needs_rework', statusSince: '2026-05-01', interruptedOn: '2026-05-01' });
    expect(
      statusTransition(
        { status: 'needs_rework', statusSince: '2026-05-01', interruptedOn: '2026-05-01' },
        'operating',
        '2026-06-01',
      ),
    ).toEqual({ status: 'operating', statusSince: '2026-06-01', interruptedOn: '2026-05-01' });
    expect(statusTransition(null, 'planned', '2026-01-01')).toEqual({
      status: 'planned',
      statusSince: '2026-01-01',
      interruptedOn: null,
    });
  });
  it('keeps the date when the status does not change', () => {
    expect(
      statusTransition(
        { status: 'operating', statusSince: '2026-01-01', interruptedOn: null },
        'operating',
        '2026-05-01',
      ).statusSince,
    ).toBe('2026-01-01');
  });
});

describe('the SoA reads its status from the implementation', () => {
  it('maps every implementation status to the SoA words', () => {
    expect([null, 'planned', 'implementing', 'needs_rework', 'operating'].map((s) => soaStatusOf(s as never))).toEqual([
      null,
      'planned',
      'in_progress',
      'in_progress',
      'implemented',
    ]);
  });
  it('writes the SoA words back to the implementation, round trip for every SoA status but not started', () => {
    expect(controlStatusFromSoa('implemented', null)).toBe('operating');
    expect(controlStatusFromSoa('in_progress', 'planned')).toBe('implementing');
    expect(controlStatusFromSoa('in_progress', 'needs_rework')).toBe('needs_rework');
    expect(controlStatusFromSoa('not_started', null)).toBe('planned');
    for (const s of ['planned', 'in_progress', 'implemented'] as const)
      expect(soaStatusOf(controlStatusFromSoa(s, null))).toBe(s);
  });
});
