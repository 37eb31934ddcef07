import { describe, expect, it } from 'vitest';
import { defaultImpactTitle, impactLevel } from './impact';

describe('impact rating level', () => {
  it('names the level of a rating with the default risk bands (issue 18: 4 × 3 had no level)', () => {
    expect(impactLevel(4, 3)).toBe('high');
    expect(impactLevel(1, 1)).toBe('low');
    expect(impactLevel(3, 3)).toBe('medium');
    expect(impactLevel(5, 5)).toBe('critical');
  });

  it('has no level until both severity and likelihood are rated', () => {
    expect(impactLevel(null, 3)).toBeNull();
    expect(impactLevel(4, null)).toBeNull();
  });
});

describe('default impact title', () => {
  it('names the AI system and the trigger', () => {
    expect(defaultImpactTitle('Loan scoring model', 'significant_change')).toBe(
      'Impact of Loan scoring model (significant change)',
    );
  });
});
