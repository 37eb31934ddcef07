import { describe, expect, it } from 'vitest';
import { compareDue, dueStateOf } from './tasks';

describe('due state', () => {
  it('treats an empty date as undated: later', () => {
    expect(dueStateOf('', '2026-05-10')).toBe('later');
  });
});

describe('the task list order', () => {
  const item = (dueOn: string | null, kind: string, id: string) =>
    ({ dueOn, kind, id }) as Parameters<typeof compareDue>[0];

  it('puts undated items after dated ones', () => {
    expect(compareDue(item(null, 'action', 'a'), item('2030-01-01', 'action', 'b'))).toBe(1);
    expect(compareDue(item('2030-01-01', 'action', 'b'), item(null, 'action', 'a'))).toBe(-1);
  });

  it('on the same day, orders by kind, then by id, and an item equals itself', () => {
    expect(compareDue(item('2026-05-01', 'risk', 'a'), item('2026-05-01', 'action', 'b'))).toBe(1);
    expect(compareDue(item('2026-05-01', 'action', 'b'), item('2026-05-01', 'risk', 'a'))).toBe(-1);
    expect(compareDue(item('2026-05-01', 'risk', 'b'), item('2026-05-01', 'risk', 'a'))).toBe(1);
    expect(compareDue(item('2026-05-01', 'risk', 'a'), item('2026-05-01', 'risk', 'b'))).toBe(-1);
    expect(compareDue(item('2026-05-01', 'risk', 'a'), item('2026-05-01', 'risk', 'a'))).toBe(0);
    expect(compareDue(item(null, 'risk', 'a'), item(null, 'risk', 'a'))).toBe(0);
  });
});
