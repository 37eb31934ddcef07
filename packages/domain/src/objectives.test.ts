import { describe, expect, it } from 'vitest';
import { progressPercent, ZProgressEntry } from './objectives';

describe('progress of an objective from its baseline to its target', () => {
  it('is unknown without a target or without a value', () => {
    expect(progressPercent({ baseline: 0, target: null }, 5)).toBeNull();
    expect(progressPercent({ baseline: 0, target: 10 }, null)).toBeNull();
  });

  it('counts the share of the distance covered, whichever way the target lies', () => {
    // Raise accuracy from 80 to 100: at 90, half-way.
    expect(progressPercent({ baseline: 80, target: 100 }, 90)).toBe(50);
    // Lower complaints from 50 to 10: at 40, a quarter of the way.
    expect(progressPercent({ baseline: 50, target: 10 }, 40)).toBe(25);
  });

  it('counts from zero when there is no baseline', () => {
    expect(progressPercent({ baseline: null, target: 200 }, 50)).toBe(25);
    expect(progressPercent({ baseline: null, target: -20 }, -15)).toBe(75);
  });

  it('rounds to a whole percent and stays within 0–100', () => {
    expect(progressPercent({ baseline: 0, target: 3 }, 1)).toBe(33);
    expect(progressPercent({ baseline: 0, target: 3 }, 2)).toBe(67);
    expect(progressPercent({ baseline: 0, target: 10 }, 15)).toBe(100);
    expect(progressPercent({ baseline: 0, target: 10 }, -5)).toBe(0);
    expect(progressPercent({ baseline: 10, target: 0 }, 12)).toBe(0);
    expect(progressPercent({ baseline: 10, target: 0 }, -1)).toBe(100);
  });

  it('with a target equal to its baseline: done once reached, unknown before', () => {
    expect(progressPercent({ baseline: 5, target: 5 }, 5)).toBe(100);
    expect(progressPercent({ baseline: 5, target: 5 }, 4)).toBeNull();
    expect(progressPercent({ baseline: null, target: 0 }, 0)).toBe(100);
    expect(progressPercent({ baseline: null, target: 0 }, 1)).toBeNull();
  });
});

describe('a progress entry', () => {
  const messages = (input: unknown) => {
    const r = ZProgressEntry.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes any value up to 10^15 either way, and refuses a larger one', () => {
    expect(ZProgressEntry.parse({ onDate: '2026-03-01', value: 1e15 })).toEqual({
      onDate: '2026-03-01',
      value: 1e15,
      note: '',
    });
    expect(messages({ onDate: '2026-03-01', value: -1e15 })).toEqual([]);
    expect(messages({ onDate: '2026-03-01', value: 1e15 + 2 })).toEqual([
      'value: Value must be between -10^15 and 10^15',
    ]);
    expect(messages({ onDate: '2026-03-01', value: -2e15 })).toEqual(['value: Value must be between -10^15 and 10^15']);
  });
  it('names the field when the value is not a number', () => {
    expect(messages({ onDate: '2026-03-01', value: '95' })).toEqual([
      'value: Value must be a number, such as 95 or 0.2',
    ]);
  });
});
