import { describe, expect, it } from 'vitest';
import { implementationFromGap } from './soa-gap';

describe('gap result as SoA implementation status (issue 18)', () => {
  it('maps each answer to the status it suggests', () => {
    expect(
      (['conformant', 'partially_conformant', 'nonconformant', 'not_applicable', null] as const).map(
        implementationFromGap,
      ),
    ).toEqual(['implemented', 'in_progress', 'planned', null, null]);
  });
});
