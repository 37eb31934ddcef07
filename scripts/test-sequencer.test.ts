import { describe, expect, it } from 'vitest';
import { LONG_FIRST, orderFiles } from './test-sequencer';

const files = [
  '/r/packages/domain/src/a.test.ts',
  '/r/apps/server/test/backup.test.ts',
  '/r/apps/server/test/b.test.ts',
  '/r/apps/server/test/permissions.test.ts',
  '/r/apps/server/test/c.test.ts',
  '/r/apps/server/test/d.test.ts',
  '/r/apps/server/test/e.test.ts',
];
const order = (seed: number) => orderFiles(files, (f) => f, seed);

describe('the order of the test files', () => {
  it('starts the long files first, longest first, and keeps every file once', () => {
    const o = order(7);
    expect(o.slice(0, 2)).toEqual(['/r/apps/server/test/permissions.test.ts', '/r/apps/server/test/backup.test.ts']);
    expect([...o].sort()).toEqual([...files].sort());
    expect(LONG_FIRST[0]).toBe('apps/server/test/permissions.test.ts');
  });

  it('shuffles the rest by the seed: one seed, one order; other seeds, other orders', () => {
    expect(order(7)).toEqual(order(7));
    const rests = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => order(seed).slice(2).join()));
    expect(rests.size).toBeGreaterThan(3);
  });
});
