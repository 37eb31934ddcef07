import { describe, expect, it } from 'vitest';
import type { MasterItem } from './api';
import { masterProgress } from './progress';

const item = (over: Partial<MasterItem>): MasterItem => ({
  key: 'k',
  title: 't',
  refs: [],
  basis: 'available',
  mandatory: true,
  documentId: null,
  code: null,
  state: 'missing',
  version: null,
  owner: null,
  approvedAt: null,
  nextReviewAt: null,
  records: null,
  problems: [],
  ...over,
});

describe('step 3 progress from the master list', () => {
  it('counts a mandatory line as met only when it is in force (or kept as records) without a problem', () => {
    const p = masterProgress([
      item({ key: 'a', state: 'published' }),
      item({ key: 'b', state: 'published', problems: ['Stale: 1 change'] }),
      item({ key: 'c', state: 'records', records: '4 risks' }),
      item({ key: 'd', state: 'draft', problems: ['not published yet'] }),
      item({ key: 'e', state: 'missing', problems: ['No document yet'] }),
      item({ key: 'own', mandatory: false, state: 'published' }),
    ]);
    expect(p).toEqual({ required: 5, met: 2, inForce: 2, withProblems: 3 });
  });

  it('reads zero of zero for an empty list', () => {
    expect(masterProgress([])).toEqual({ required: 0, met: 0, inForce: 0, withProblems: 0 });
  });
});
