import { describe, expect, it } from 'vitest';
import { ZCreateSavedView, ZSavedViewState, ZUpdateSavedView } from './saved-views';

// What a saved view accepts and the words of each refusal, one bad field per case (the all-mutant
// Stryker run found every message and bound of these schemas untested: 17 of 38 mutants survived).
const refusal = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe("a saved view's state", () => {
  it('defaults to no filter, no sort, ascending and no hidden column', () => {
    expect(ZSavedViewState.parse({})).toEqual({ filters: {}, sort: null, order: 'asc', hidden: [] });
  });

  it('keeps the longest names and values it allows', () => {
    const state = {
      filters: { ['f'.repeat(60)]: 'v'.repeat(500) },
      sort: 's'.repeat(60),
      order: 'desc',
      hidden: Array.from({ length: 60 }, (_, i) => `c${i}`),
    };
    expect(ZSavedViewState.parse(state)).toEqual(state);
  });

  it('refuses each bad field in its own words', () => {
    // The same words for a too-long filter name as for a hidden column (Zod's own was "Invalid key in record").
    expect(refusal(ZSavedViewState.safeParse({ filters: { ['f'.repeat(61)]: 'x' } }))).toEqual([
      [`filters.${'f'.repeat(61)}`, 'Filter names must be at most 60 characters'],
    ]);
    expect(refusal(ZSavedViewState.safeParse({ filters: { status: 'v'.repeat(501) } }))).toEqual([
      ['filters.status', 'Filter values must be at most 500 characters'],
    ]);
    expect(refusal(ZSavedViewState.safeParse({ sort: 's'.repeat(61) }))).toEqual([
      ['sort', 'Sort must be a column name of at most 60 characters'],
    ]);
    expect(refusal(ZSavedViewState.safeParse({ order: 'up' }))).toEqual([['order', 'Order must be asc or desc']]);
    expect(ZSavedViewState.parse({ order: 'desc' }).order).toBe('desc');
    expect(refusal(ZSavedViewState.safeParse({ hidden: Array.from({ length: 61 }, (_, i) => `c${i}`) }))).toEqual([
      ['hidden', 'A view hides at most 60 columns'],
    ]);
    expect(refusal(ZSavedViewState.safeParse({ hidden: ['h'.repeat(61)] }))).toEqual([
      ['hidden.0', 'Filter names must be at most 60 characters'],
    ]);
    expect(refusal(ZSavedViewState.safeParse('filters'))).toEqual([
      ['', 'State must be an object of filters, sort, order and hidden columns'],
    ]);
  });

  it('describes the hidden columns by their title in the API document', () => {
    expect(ZSavedViewState.shape.hidden.meta()).toEqual({ title: 'Hidden columns' });
  });
});

describe("a saved view's name", () => {
  const view = (name: unknown) => ({ register: 'risks', name, state: {} });

  it('is trimmed and kept up to 80 characters', () => {
    expect(ZCreateSavedView.parse(view(`  ${'n'.repeat(80)}  `)).name).toBe('n'.repeat(80));
  });

  it('is refused when missing, blank or too long, in its own words', () => {
    expect(refusal(ZCreateSavedView.safeParse(view(undefined)))).toEqual([['name', 'Name is required']]);
    expect(refusal(ZCreateSavedView.safeParse(view('   ')))).toEqual([['name', 'Name is required']]);
    expect(refusal(ZCreateSavedView.safeParse(view('n'.repeat(81))))).toEqual([
      ['name', 'Name must be at most 80 characters'],
    ]);
    expect(refusal(ZUpdateSavedView.safeParse({ version: 1, name: '' }))).toEqual([['name', 'Name is required']]);
  });
});
