import { describe, expect, it } from 'vitest';
import { ZCreateSavedView, ZSavedViewState, ZUpdateSavedView } from './saved-views';

const firstMessage = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe('saved views', () => {
  it('fills an empty state with no filters, no sort and the default columns', () => {
    expect(ZSavedViewState.parse({})).toEqual({ filters: {}, sort: null, order: 'asc', hidden: [] });
  });

  it('trims the name and names each bad field by its label', () => {
    expect(ZCreateSavedView.parse({ register: 'risks', name: '  Open ', state: {} }).name).toBe('Open');
    expect(firstMessage(ZCreateSavedView.safeParse({ register: 'risks', name: ' ', state: {} }))).toBe(
      'Name is required',
    );
    expect(firstMessage(ZCreateSavedView.safeParse({ register: 'pets', name: 'x', state: {} }))).toMatch(
      /^Register must be one of: risks, ai_systems/,
    );
    expect(firstMessage(ZSavedViewState.safeParse({ order: 'up' }))).toBe('Order must be asc or desc');
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${i}`, 'x']));
    expect(firstMessage(ZSavedViewState.safeParse({ filters: many }))).toBe('A view keeps at most 30 filters');
    expect(firstMessage(ZSavedViewState.safeParse({ extra: 1 }))).toBeDefined();
  });

  it('needs the version read for an update', () => {
    expect(ZUpdateSavedView.safeParse({ name: 'x' }).success).toBe(false);
    expect(ZUpdateSavedView.parse({ version: 2, name: 'x' })).toEqual({ version: 2, name: 'x' });
  });
});
