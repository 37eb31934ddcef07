import { describe, expect, it } from 'vitest';
import {
  documentCode,
  nextReviewDate,
  nextVersionNumber,
  transition,
  VERSION_ACTIONS,
  VERSION_STATES,
  type VersionAction,
  type VersionState,
} from './documents';

const first = { material: true, hasApprovedMajor: false, first: true };
const minorEdit = { material: false, hasApprovedMajor: true, first: false };
const majorEdit = { material: true, hasApprovedMajor: false, first: false };

describe('the document version life cycle', () => {
  // Every allowed move, written out by hand (the oracle a person reviews); everything else is refused.
  const MOVES: Record<string, VersionState> = {
    'draft submit': 'in_review',
    'in_review recall': 'draft',
    'in_review send_back': 'draft',
    'in_review approve': 'approved',
    'approved publish': 'published',
    'draft withdraw': 'withdrawn',
    'in_review withdraw': 'withdrawn',
    'approved withdraw': 'withdrawn',
    'published withdraw': 'withdrawn',
  };
  const expected = (from: VersionState, action: VersionAction, v: typeof first): VersionState | null => {
    if (from === 'draft' && action === 'publish') return !v.material && v.hasApprovedMajor ? 'published' : null;
    return MOVES[`${from} ${action}`] ?? null;
  };

  it('allows exactly the moves of the life cycle', () => {
    for (const from of VERSION_STATES)
      for (const action of VERSION_ACTIONS)
        for (const v of [first, minorEdit, majorEdit]) {
          const to = expected(from, action, v);
          expect(transition(from, action, v), `${from} ${action} ${JSON.stringify(v)}`).toEqual(
            to ? { to } : { problem: expect.any(String) },
          );
        }
  });

  it('says why a move is refused, in words', () => {
    expect(transition('draft', 'publish', first)).toEqual({
      problem: 'A draft version cannot be published: the first version needs review and approval first.',
    });
    expect(transition('draft', 'publish', majorEdit)).toEqual({
      problem: 'A draft version cannot be published: a material change needs review and approval first.',
    });
    expect(transition('published', 'approve', first)).toEqual({
      problem:
        'A published version cannot be approved: only a version in review can be approved. Submit it for review first.',
    });
    expect(transition('superseded', 'withdraw', first)).toEqual({
      problem: 'A superseded version cannot be withdrawn: it is no longer in use.',
    });
  });

  it('numbers versions: 1.0 first, a material change the next major, another change the next minor', () => {
    expect(nextVersionNumber(null, false)).toEqual({ major: 1, minor: 0 });
    expect(nextVersionNumber({ major: 1, minor: 0 }, false)).toEqual({ major: 1, minor: 1 });
    expect(nextVersionNumber({ major: 1, minor: 3 }, true)).toEqual({ major: 2, minor: 0 });
  });

  it("sets the next review on the same day months later, or the month's last day", () => {
    expect(nextReviewDate('2026-03-15T10:00:00.000Z', 12)).toBe('2027-03-15');
    expect(nextReviewDate('2027-01-31T23:59:00.000Z', 1)).toBe('2027-02-28');
    expect(nextReviewDate('2028-01-31T00:00:00.000Z', 1)).toBe('2028-02-29');
    expect(nextReviewDate('2026-12-01T00:00:00.000Z', 6)).toBe('2027-06-01');
  });

  it('codes documents with the two prefixes and three digits', () => {
    expect(documentCode('AIMS', 'POL', 1)).toBe('AIMS-POL-001');
    expect(documentCode('NWL', 'SOA', 1234)).toBe('NWL-SOA-1234');
  });
});
