import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import {
  breachEpisodes,
  breachStep,
  measurementDedupeKey,
  nextMeasurementDue,
  normalizeMeasuredAt,
  readMeasurementRows,
  thresholdState,
  ZMeasurementInput,
  ZMetricFields,
  ZUpdateMetric,
} from './monitoring';
import { progressPercent, ZObjectiveFields, ZUpdateObjective } from './objectives';
import { ROLES } from './enums';
import { can, tokenAllows } from './permissions';

describe('thresholdState', () => {
  const t = { lowerThreshold: 0.9, upperThreshold: 1.2 };
  it('is within on and between the thresholds, below and above outside them', () => {
    expect(thresholdState(t, 0.9)).toBe('within');
    expect(thresholdState(t, 1.2)).toBe('within');
    expect(thresholdState(t, 0.89)).toBe('below');
    expect(thresholdState(t, 1.21)).toBe('above');
  });
  it('never trips on a missing threshold', () => {
    expect(thresholdState({ lowerThreshold: null, upperThreshold: null }, -1e9)).toBe('within');
    expect(thresholdState({ lowerThreshold: null, upperThreshold: 5 }, -1e9)).toBe('within');
    expect(thresholdState({ lowerThreshold: 5, upperThreshold: null }, 1e9)).toBe('within');
  });
});

describe('breachStep: one action per breach episode', () => {
  it('opens an episode on the first newest out-of-threshold value, and only then', () => {
    expect(breachStep({ episodeOpen: false, isNewest: true, state: 'above' })).toBe('open');
    expect(breachStep({ episodeOpen: false, isNewest: true, state: 'below' })).toBe('open');
    expect(breachStep({ episodeOpen: true, isNewest: true, state: 'above' })).toBe('none');
  });
  it('closes the episode when the newest value is back within', () => {
    expect(breachStep({ episodeOpen: true, isNewest: true, state: 'within' })).toBe('close');
    expect(breachStep({ episodeOpen: false, isNewest: true, state: 'within' })).toBe('none');
  });
  it('lets a back-filled older value neither open nor close an episode', () => {
    for (const state of ['below', 'within', 'above'] as const)
      for (const episodeOpen of [true, false]) expect(breachStep({ episodeOpen, isNewest: false, state })).toBe('none');
  });
});

describe('breachEpisodes', () => {
  it('groups consecutive out-of-threshold values into one episode with its worst value', () => {
    const t = { lowerThreshold: 0.9, upperThreshold: null };
    const series = [
      { at: '2027-01-01', value: 0.95 },
      { at: '2027-02-01', value: 0.85 },
      { at: '2027-03-01', value: 0.8 },
      { at: '2027-04-01', value: 0.92 },
      { at: '2027-05-01', value: 0.7 },
    ];
    expect(breachEpisodes(t, series)).toEqual([
      { from: '2027-02-01', to: '2027-04-01', worst: 0.8, state: 'below' },
      { from: '2027-05-01', to: null, worst: 0.7, state: 'below' },
    ]);
  });
});

describe('nextMeasurementDue', () => {
  it('adds one period to the last measurement, or to the set-up day when there is none', () => {
    expect(nextMeasurementDue('daily', '2027-03-31T23:00:00.000Z', '2020-01-01T00:00:00Z')).toBe('2027-04-01');
    expect(nextMeasurementDue('weekly', '2027-03-31T10:00:00.000Z', '2020-01-01T00:00:00Z')).toBe('2027-04-07');
    expect(nextMeasurementDue('monthly', null, '2027-01-15T08:00:00.000Z')).toBe('2027-02-15');
    expect(nextMeasurementDue('quarterly', '2027-11-30T00:00:00.000Z', '2020-01-01T00:00:00Z')).toBe('2028-02-29');
    expect(nextMeasurementDue('yearly', '2028-02-29T00:00:00.000Z', '2020-01-01T00:00:00Z')).toBe('2029-02-28');
  });
  it('keeps a monthly metric measured on the 31st on the last day of shorter months', () => {
    expect(nextMeasurementDue('monthly', '2027-01-31T12:00:00.000Z', '2020-01-01T00:00:00Z')).toBe('2027-02-28');
  });
});

describe('progressPercent', () => {
  it('measures the way from baseline to target, rising or falling', () => {
    expect(progressPercent({ baseline: 80, target: 90 }, 85)).toBe(50);
    expect(progressPercent({ baseline: 20, target: 5 }, 11)).toBe(60);
    expect(progressPercent({ baseline: null, target: 10 }, 4)).toBe(40);
  });
  it('clamps to 0–100 and is null without a target or a value', () => {
    expect(progressPercent({ baseline: 80, target: 90 }, 95)).toBe(100);
    expect(progressPercent({ baseline: 80, target: 90 }, 70)).toBe(0);
    expect(progressPercent({ baseline: 80, target: null }, 85)).toBeNull();
    expect(progressPercent({ baseline: 80, target: 90 }, null)).toBeNull();
    expect(progressPercent({ baseline: 5, target: 5 }, 5)).toBe(100);
    expect(progressPercent({ baseline: 5, target: 5 }, 4)).toBeNull();
  });
});

describe('normalizeMeasuredAt', () => {
  it('takes a day as midnight UTC and a zoned time as its UTC instant', () => {
    expect(normalizeMeasuredAt('2027-03-31')).toBe('2027-03-31T00:00:00.000Z');
    expect(normalizeMeasuredAt('2027-03-31T09:30:00+02:00')).toBe('2027-03-31T07:30:00.000Z');
  });
  it.each(['2027-02-30', '2027-03-31T09:00:00', 'yesterday', '', '0999-01-01', '2027-3-1'])('refuses %j', (s) => {
    expect(normalizeMeasuredAt(s)).toBeNull();
  });
});

describe('readMeasurementRows', () => {
  it('reads rows in any column order and case', () => {
    const r = readMeasurementRows(parseCsv('Value,AT,note\n0.93,2027-01-31,January\n0.91,2027-02-28,\n'));
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, at: '2027-01-31T00:00:00.000Z', value: 0.93, note: 'January' },
      { line: 3, at: '2027-02-28T00:00:00.000Z', value: 0.91, note: '' },
    ]);
  });
  it('names every bad row by line and column, and returns no rows then', () => {
    const r = readMeasurementRows(parseCsv('at,value\n2027-01-31,0.9\n2027-02-30,abc\n2027-03-31,\n'));
    expect(r.rows).toEqual([]);
    expect(r.errors.map((e) => `${e.line}:${e.field}`)).toEqual(['3:at', '3:value', '4:value']);
    expect(r.errors[1]!.message).toMatch(/"abc" is not a number/);
  });
  it('refuses a header without the needed columns or with unknown ones', () => {
    expect(readMeasurementRows(parseCsv('when,value\n2027-01-01,1\n')).errors.map((e) => e.field)).toEqual([
      'at',
      'when',
    ]);
    expect(readMeasurementRows(parseCsv('at,value\n')).errors[0]!.message).toMatch(/no measurements/);
    expect(readMeasurementRows([]).errors[0]!.message).toMatch(/empty/);
  });
});

describe('metric and objective schemas', () => {
  it('refuses a lower threshold above the upper one, naming the field', () => {
    const r = ZMetricFields.safeParse({ name: 'Accuracy', lowerThreshold: 2, upperThreshold: 1 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('Lower threshold must not be above the upper threshold');
    expect(ZUpdateMetric.safeParse({ version: 1, lowerThreshold: 2, upperThreshold: 1 }).success).toBe(false);
  });
  it('leaves unsent fields out of an update instead of resetting them to defaults', () => {
    expect(ZUpdateObjective.parse({ version: 3, title: 'X' })).toEqual({ version: 3, title: 'X' });
    expect(ZUpdateMetric.parse({ version: 3 })).toEqual({ version: 3 });
  });
  it('knows only the Annex C.2 objectives', () => {
    expect(ZObjectiveFields.parse({ title: 'Fair scoring', annexCRef: 'C.2.5' }).annexCRef).toBe('C.2.5');
    expect(ZObjectiveFields.safeParse({ title: 'Fair scoring', annexCRef: 'C.3.1' }).success).toBe(false);
  });
});

describe('measurement tokens', () => {
  it('let a measurements token record measurements and nothing else', () => {
    expect(tokenAllows('measurements', 'measurement.write')).toBe(true);
    expect(tokenAllows('measurements', 'metric.read')).toBe(false);
    expect(tokenAllows('measurements', 'user')).toBe(false);
    expect(tokenAllows('full', 'metric.write')).toBe(true);
  });
  it('let the roles that edit registers record measurements', () => {
    expect(ROLES.filter((r) => can(r, 'measurement.write'))).toEqual(['owner', 'manager', 'contributor']);
  });
});

describe('measurementDedupeKey: a retried push counts once', () => {
  it('prefers the idempotency key, else the stated time, else none', () => {
    expect(measurementDedupeKey({ idempotencyKey: 'run-7', at: '2027-03-31T00:00:00.000Z' })).toBe('key:run-7');
    expect(measurementDedupeKey({ at: '2027-03-31T00:00:00.000Z' })).toBe('at:2027-03-31T00:00:00.000Z');
    expect(measurementDedupeKey({})).toBeNull();
  });
  it('reads the key from a measurement body, trimmed, and refuses an empty or long one', () => {
    expect(ZMeasurementInput.parse({ value: 1, idempotencyKey: ' run-7 ' }).idempotencyKey).toBe('run-7');
    expect(ZMeasurementInput.safeParse({ value: 1, idempotencyKey: ' ' }).success).toBe(false);
    expect(ZMeasurementInput.safeParse({ value: 1, idempotencyKey: 'x'.repeat(201) }).success).toBe(false);
  });
});
