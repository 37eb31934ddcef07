import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import { compareDue, dueStateOf, todayIn } from './tasks';

describe('dueStateOf', () => {
  const today = '2027-03-10';
  it('is overdue once the day has passed, not on the day itself', () => {
    expect(dueStateOf('2027-03-09', today)).toBe('overdue');
    expect(dueStateOf('2026-12-31', today)).toBe('overdue');
    expect(dueStateOf('2027-03-10', today)).toBe('due_soon');
  });
  it('is due soon for today and the six days after it, later from the seventh', () => {
    expect(dueStateOf('2027-03-16', today)).toBe('due_soon');
    expect(dueStateOf('2027-03-17', today)).toBe('later');
  });
  it('counts across month and year ends', () => {
    expect(dueStateOf('2028-01-02', '2027-12-30')).toBe('due_soon');
    expect(dueStateOf('2028-03-01', '2028-02-28')).toBe('due_soon');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });
  it('puts undated items later', () => {
    expect(dueStateOf(null, today)).toBe('later');
  });
  it('takes a shorter window when asked', () => {
    expect(dueStateOf('2027-03-11', today, 1)).toBe('later');
    expect(dueStateOf('2027-03-10', today, 1)).toBe('due_soon');
  });
});

describe('todayIn', () => {
  // 23:30 UTC on 9 March is already 10 March in Berlin and still 9 March in New York.
  const now = new Date('2027-03-09T23:30:00Z');
  it('reads the day in the organization time zone', () => {
    expect(todayIn('Europe/Berlin', now)).toBe('2027-03-10');
    expect(todayIn('America/New_York', now)).toBe('2027-03-09');
  });
  it('falls back to UTC without a zone or with an unknown one', () => {
    expect(todayIn(null, now)).toBe('2027-03-09');
    expect(todayIn('Mars/Olympus', now)).toBe('2027-03-09');
  });
});

describe('compareDue', () => {
  it('orders by date, undated last, then kind and id', () => {
    const items = [
      { dueOn: null, kind: 'action', id: 'a' },
      { dueOn: '2027-01-02', kind: 'training', id: 'b' },
      { dueOn: '2027-01-02', kind: 'approval', id: 'c' },
      { dueOn: '2027-01-01', kind: 'action', id: 'z' },
      { dueOn: '2027-01-02', kind: 'approval', id: 'a' },
    ];
    expect(items.sort(compareDue).map((i) => i.id)).toEqual(['z', 'a', 'c', 'b', 'a']);
  });
});
