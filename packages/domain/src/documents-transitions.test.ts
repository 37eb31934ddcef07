import { describe, expect, it } from 'vitest';
import { transition, versionLabel } from './documents';

const v = { material: false, hasApprovedMajor: true };

describe('why a document version cannot move', () => {
  it('says word for word what each refused action needs', () => {
    expect(transition('approved', 'submit', v)).toEqual({
      problem: 'A approved version cannot be submitted for review: only a draft goes to review.',
    });
    expect(transition('draft', 'recall', v)).toEqual({
      problem: 'A draft version cannot be recalled from review: only a version in review goes back to draft.',
    });
    expect(transition('published', 'send_back', v)).toEqual({
      problem: 'A published version cannot be sent back: only a version in review goes back to draft.',
    });
  });

  it('publishes only an approved version or a non-material draft, and says so for the others', () => {
    expect(transition('in_review', 'publish', v)).toEqual({
      problem:
        'A in review version cannot be published: only an approved version (or a non-material draft) can be published.',
    });
    expect(transition('draft', 'publish', { material: false, hasApprovedMajor: false })).toEqual({
      problem:
        'A draft version cannot be published: its major version was never approved, so it needs review and approval first.',
    });
  });

  it('labels a version major.minor', () => {
    expect(versionLabel({ major: 2, minor: 10 })).toBe('2.10');
  });
});
