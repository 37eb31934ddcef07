import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  compareResult,
  computeScores,
  RESULT_SCORE,
  SCORE_FORMULA,
  gapList,
  isAnnexA,
  notApplicableProblem,
  sectionOf,
  ZCreateGapAssessment,
  ZGapItemPatch,
  type ScoreInput,
} from './gap';

// What a gap item accepts and answers, where a ref belongs, and how an item moved between assessments.

const problems = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('a gap item change', () => {
  it('needs the version read, and changes only what it sends', () => {
    expect(ZGapItemPatch.parse({ version: 4 })).toEqual({ version: 4 });
    expect(problems(ZGapItemPatch, {})).toEqual(['version: version is required: send the version you read']);
  });

  it('names the statuses and results when given another, and takes null as unanswered', () => {
    expect(problems(ZGapItemPatch, { version: 1, status: 'finished', result: 'maybe' })).toEqual([
      'status: status must be one of: not_started, in_progress, done',
      'result: result must be one of: conformant, partially_conformant, nonconformant, not_applicable, or null (unanswered)',
    ]);
    expect(ZGapItemPatch.parse({ version: 1, result: null, status: 'done' })).toEqual({
      version: 1,
      result: null,
      status: 'done',
    });
  });

  it('rates maturity with a whole number from 0 to 5, or null', () => {
    expect(ZGapItemPatch.parse({ version: 1, maturity: 0 }).maturity).toBe(0);
    expect(ZGapItemPatch.parse({ version: 1, maturity: 5 }).maturity).toBe(5);
    expect(ZGapItemPatch.parse({ version: 1, maturity: null }).maturity).toBeNull();
    expect(problems(ZGapItemPatch, { version: 1, maturity: -1 })).toEqual(['maturity: maturity must be at least 0']);
    expect(problems(ZGapItemPatch, { version: 1, maturity: 6 })).toEqual(['maturity: maturity must be at most 5']);
    expect(problems(ZGapItemPatch, { version: 1, maturity: 2.5 })).toEqual([
      'maturity: maturity must be a whole number from 0 to 5',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, maturity: '3' })).toEqual([
      'maturity: maturity must be a whole number from 0 to 5, or null',
    ]);
  });

  it('limits the justification to 4000 characters and the notes to 8000, trimmed', () => {
    expect(ZGapItemPatch.parse({ version: 1, justification: ' Why ', notes: 'x'.repeat(8000) }).justification).toBe(
      'Why',
    );
    expect(problems(ZGapItemPatch, { version: 1, justification: 'x'.repeat(4001), notes: 'x'.repeat(8001) })).toEqual([
      'justification: Justification must be at most 4000 characters',
      'notes: Current practice notes must be at most 8000 characters',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, justification: 4 })).toEqual([
      'justification: Justification must be text',
    ]);
  });

  it('takes a target date, full URLs as evidence (at most 50) and at most 200 AI systems', () => {
    expect(problems(ZGapItemPatch, { version: 1, targetDate: '2027-02-30' })).toEqual([
      'targetDate: Target date must be a real date written year-month-day, such as 2027-03-31',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, evidenceLinks: ['wiki/page'] })).toEqual([
      'evidenceLinks.0: Each evidence link must be a full URL (https://…)',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, evidenceLinks: Array(50).fill('https://x.example') })).toEqual([]);
    expect(problems(ZGapItemPatch, { version: 1, evidenceLinks: Array(51).fill('https://x.example') })).toEqual([
      'evidenceLinks: At most 50 evidence links',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, aiSystemIds: Array(201).fill('s') })).toEqual([
      'aiSystemIds: At most 200 linked AI systems',
    ]);
    expect(problems(ZGapItemPatch, { version: 1, aiSystemIds: Array(200).fill('s') })).toEqual([]);
  });
});

describe('a new gap assessment', () => {
  it('needs a name of at most 200 characters', () => {
    expect(ZCreateGapAssessment.parse({ name: ' Baseline ' })).toEqual({ name: 'Baseline' });
    expect(problems(ZCreateGapAssessment, {})).toEqual(['name: Name is required']);
    expect(problems(ZCreateGapAssessment, { name: ' ' })).toEqual(['name: Name is required']);
    expect(problems(ZCreateGapAssessment, { name: 'x'.repeat(201) })).toEqual([
      'name: Name must be at most 200 characters',
    ]);
  });
});

describe('not applicable', () => {
  it('is for Annex A controls only, and only with a reason', () => {
    expect(notApplicableProblem('6.1.2', 'not_applicable', 'No AI')).toBe(
      '6.1.2 is a requirement of clauses 4–10: every one applies, so it cannot be marked not applicable',
    );
    expect(notApplicableProblem('A.10.3', 'not_applicable', ' ')).toBe(
      'Give a justification to mark A.10.3 not applicable: the Statement of Applicability must say why a control is excluded',
    );
    expect(notApplicableProblem('A.10.3', 'not_applicable', 'No suppliers')).toBeNull();
    expect(notApplicableProblem('6.1.2', 'nonconformant', '')).toBeNull();
  });
});

describe('where a ref belongs', () => {
  it('puts a clause requirement under its clause and a control under its Annex A group', () => {
    expect(sectionOf('6.1.2')).toBe('6');
    expect(sectionOf('10')).toBe('10');
    expect(sectionOf('A.6.2.4')).toBe('A.6');
    expect(sectionOf('A')).toBe('A.');
    expect(isAnnexA('A.2.2')).toBe(true);
    expect(isAnnexA('4.1')).toBe(false);
  });
});

describe('how an item moved between two assessments', () => {
  it('improved or regressed by its score, unchanged when equal, changed to or from not applicable', () => {
    expect(compareResult(null, 'partially_conformant')).toBe('improved');
    expect(compareResult('partially_conformant', 'conformant')).toBe('improved');
    expect(compareResult('conformant', 'nonconformant')).toBe('regressed');
    expect(compareResult('partially_conformant', null)).toBe('regressed');
    expect(compareResult('nonconformant', null)).toBe('unchanged');
    expect(compareResult(null, 'nonconformant')).toBe('unchanged');
    expect(compareResult('conformant', 'conformant')).toBe('unchanged');
    expect(compareResult('not_applicable', 'not_applicable')).toBe('unchanged');
    expect(compareResult('not_applicable', 'conformant')).toBe('changed');
    expect(compareResult('nonconformant', 'not_applicable')).toBe('changed');
  });
});

describe('the gap list', () => {
  it('leaves out conformant and not-applicable items; documented ones first, then clauses, then Annex A', () => {
    const item = (ref: string, result: ScoreInput['result'], documentation = false): ScoreInput => ({
      ref,
      result,
      maturity: null,
      documentation,
    });
    const list = gapList([
      item('A.2.2', 'nonconformant'),
      item('4.1', null),
      item('A.3.2', 'conformant'),
      item('A.4.2', 'partially_conformant', true),
      item('5.2', 'nonconformant', true),
      item('A.5.2', 'not_applicable'),
      item('6.1', 'partially_conformant'),
    ]);
    expect(list.map((i) => i.ref)).toEqual(['5.2', 'A.4.2', '4.1', '6.1', 'A.2.2']);
  });
});

describe('the gap list, long', () => {
  it('keeps catalogue order among items of the same rank in a list of a hundred', () => {
    const items: ScoreInput[] = Array.from({ length: 100 }, (_, i) => ({
      ref: `4.${i + 1}`,
      result: 'nonconformant',
      maturity: null,
      documentation: i % 3 === 0,
    }));
    const refs = gapList(items).map((i) => i.ref);
    expect(refs).toEqual([
      ...items.filter((i) => i.documentation).map((i) => i.ref),
      ...items.filter((i) => !i.documentation).map((i) => i.ref),
    ]);
  });
});

describe('the counts', () => {
  it('counts each answer once, partially conformant included', () => {
    const item = (ref: string, result: ScoreInput['result']): ScoreInput => ({
      ref,
      result,
      maturity: null,
      documentation: false,
    });
    expect(
      computeScores([
        item('4.1', 'conformant'),
        item('4.2', 'partially_conformant'),
        item('4.3', 'partially_conformant'),
        item('A.2.2', 'not_applicable'),
        item('A.2.3', null),
        item('A.2.4', 'nonconformant'),
      ]).counts,
    ).toEqual({
      total: 6,
      applicable: 5,
      answered: 5,
      conformant: 1,
      partiallyConformant: 2,
      nonconformant: 1,
      notApplicable: 1,
      unanswered: 1,
    });
  });
});

describe('the formula the gap page shows', () => {
  it('states the weights the scores are computed with', () => {
    expect(SCORE_FORMULA).toContain(`(conformant × ${RESULT_SCORE.conformant} + `);
    expect(SCORE_FORMULA).toContain(`partially conformant × ${RESULT_SCORE.partially_conformant})`);
    expect(SCORE_FORMULA).toContain('not-applicable items are left out');
  });
});
