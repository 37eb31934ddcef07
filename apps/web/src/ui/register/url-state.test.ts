import { describe, expect, it } from 'vitest';
import { sameView } from './url-state';

const view = (over = {}) => ({
  filters: { kind: 'risk' },
  sort: null,
  order: 'asc' as const,
  hidden: ['source'],
  ...over,
});

describe('sameView', () => {
  it('matches the same filters, sort and columns in any order', () => {
    expect(sameView(view({ hidden: ['a', 'b'] }), view({ hidden: ['b', 'a'] }))).toBe(true);
    expect(sameView(view({ filters: { a: '1', b: '2' } }), view({ filters: { b: '2', a: '1' } }))).toBe(true);
    // Without a sort the order is not part of the view.
    expect(sameView(view(), view({ order: 'desc' }))).toBe(true);
  });

  it('tells apart another filter, sort, order or column choice', () => {
    expect(sameView(view(), view({ filters: { kind: 'opportunity' } }))).toBe(false);
    expect(sameView(view({ sort: 'ref' }), view({ sort: 'title' }))).toBe(false);
    expect(sameView(view({ sort: 'ref' }), view({ sort: 'ref', order: 'desc' }))).toBe(false);
    expect(sameView(view(), view({ hidden: [] }))).toBe(false);
  });
});
