import { describe, expect, it } from 'vitest';
import { criteriaProblem, DEFAULT_RISK_CRITERIA, ratingProblem } from './risk';

// Why a set of risk criteria cannot score every cell of its matrix, and a rating off its scales,
// word for word (the form shows these messages beside the field they name).

describe('the risk criteria checks, word for word', () => {
  const c = DEFAULT_RISK_CRITERIA;
  it('wants the levels from lowest to highest, each once', () => {
    const problem = { field: 'levels', message: 'Levels must be listed from lowest to highest, each once' };
    expect(
      criteriaProblem({
        ...c,
        levels: [
          { level: 'high', maxScore: 9 },
          { level: 'low', maxScore: 25 },
        ],
      }),
    ).toEqual(problem);
    expect(
      criteriaProblem({
        ...c,
        levels: [
          { level: 'low', maxScore: 9 },
          { level: 'low', maxScore: 25 },
        ],
      }),
    ).toEqual(problem);
  });

  it('wants each band to end higher than the one before, on the levels field', () => {
    expect(
      criteriaProblem({
        ...c,
        levels: [
          { level: 'low', maxScore: 9 },
          { level: 'medium', maxScore: 9 },
          { level: 'high', maxScore: 25 },
        ],
      }),
    ).toEqual({ field: 'levels', message: 'Each level must end at a higher score than the one before' });
  });

  it('refuses a consequence off its scale, and takes the top of each scale', () => {
    expect(ratingProblem(c, 5, 6)).toBe('Consequence must be between 1 and 5 under the risk criteria in force');
    expect(ratingProblem(c, 6, 5)).toBe('Likelihood must be between 1 and 5 under the risk criteria in force');
    expect(ratingProblem(c, 5, 5)).toBeNull();
  });
});
