import { describe, expect, it } from 'vitest';
import { reapply } from './reapply';
import { differingOf } from './differing';

type V = { title: string; owner: string | null; tags: string[] };
const differing = differingOf<V, keyof V>(['title', 'owner', 'tags']);

describe('reapply', () => {
  const startedFrom: V = { title: 'Bias in scores', owner: null, tags: ['fairness'] };
  const theirs: V = { title: 'Bias in scores', owner: 'u-1', tags: ['fairness', 'credit'] };

  it('keeps their changes and puts mine on top, field by field', () => {
    const mine: V = { ...startedFrom, title: 'Bias in credit scores' };
    expect(reapply(theirs, startedFrom, mine, differing)).toEqual({
      title: 'Bias in credit scores',
      owner: 'u-1',
      tags: ['fairness', 'credit'],
    });
  });

  it('lets my change win where we both changed a field', () => {
    const mine: V = { ...startedFrom, tags: ['privacy'] };
    expect(reapply(theirs, startedFrom, mine, differing).tags).toEqual(['privacy']);
  });

  it('gives their version unchanged when I changed nothing, and never edits its inputs', () => {
    const copy = structuredClone(theirs);
    expect(reapply(theirs, startedFrom, { ...startedFrom }, differing)).toEqual(theirs);
    expect(theirs).toEqual(copy);
  });

  it('counts a cleared value as a change', () => {
    const from: V = { ...theirs };
    expect(reapply({ ...theirs, title: 'Renamed' }, from, { ...from, owner: null }, differing)).toEqual({
      title: 'Renamed',
      owner: null,
      tags: ['fairness', 'credit'],
    });
  });
});
