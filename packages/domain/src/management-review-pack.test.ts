import { describe, expect, it } from 'vitest';
import { checkInputPack, type ReviewInput } from './management-review';

const input = (key: ReviewInput['key'], state: ReviewInput['state']): ReviewInput => ({
  key,
  state,
  summary: '',
  figures: [],
  items: [],
  reason: null,
});

describe('an input reported missing or empty without a reason', () => {
  it('says so without a trailing reason', () => {
    const checks = checkInputPack([input('audit_results', 'missing'), input('risks', 'empty')]);
    expect(checks.find((c) => c.key === 'audit_results')?.warning).toBe('Audit results (9.3.2 d) is missing');
    expect(checks.find((c) => c.key === 'risks')?.warning).toBe(
      'Risks and opportunities and their treatment (6.1) has nothing to report; say so in the minutes',
    );
  });
});
