import { describe, expect, it } from 'vitest';
import { justificationGap, roleConflictMessage, roleConflicts } from './soa-rules';

describe('controls that cannot be excluded', () => {
  it('refuses excluding the AI policy control whatever the roles, naming no declaration', () => {
    const [c] = roleConflicts(['A.2.2'], []);
    expect(c).toEqual({
      ref: 'A.2.2',
      role: 'any',
      sources: [],
      why: 'every AIMS has an AI policy (5.2), so the control that describes it always applies',
    });
    expect(roleConflictMessage(c!)).toBe(
      'A.2.2 cannot be excluded: every AIMS has an AI policy (5.2), so the control that describes it always applies.',
    );
  });

  it('names every place a role was declared, comma-separated', () => {
    const [c] = roleConflicts(
      ['A.8.2'],
      [
        { role: 'provider', source: 'the organization context' },
        { role: 'provider', source: 'Claims scorer' },
        { role: 'provider', source: 'Claims scorer' },
      ],
    );
    expect(roleConflictMessage(c!)).toBe(
      'A.8.2 is excluded, but the organization is an AI provider (declared in the organization context, Claims scorer) and an AI provider makes AI systems available to others, so information for users and duties toward customers apply. Include it, or correct the declared role.',
    );
  });
});

describe('a weak justification', () => {
  it('counts blank text as nothing stated', () => {
    expect(justificationGap('   ', false)).toBe('empty');
    expect(justificationGap('   ', true)).toBeNull();
  });

  it('counts words across runs of spaces: fewer than three is generic', () => {
    expect(justificationGap('Covers   R-12', false)).toBe('generic');
    expect(justificationGap('Covers  risk  R-12', false)).toBeNull();
  });
});
