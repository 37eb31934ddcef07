import { describe, expect, it } from 'vitest';
import { ZAnswerEvidenceRequest, ZCreateEvidenceRequest, ZUpdateEvidenceRequest } from './auditor-workspace';

const messages = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe("an external auditor's request for evidence", () => {
  it('takes a title, trims it, and fills the detail', () => {
    expect(ZCreateEvidenceRequest.parse({ title: '  Training records ', ref: ' A.4.6 ', dueOn: '2027-03-31' })).toEqual(
      {
        title: 'Training records',
        detail: '',
        ref: 'A.4.6',
        dueOn: '2027-03-31',
      },
    );
  });

  it('says what is wrong with each field', () => {
    expect(messages(ZCreateEvidenceRequest.safeParse({}))).toEqual(['title: Title is required']);
    expect(messages(ZCreateEvidenceRequest.safeParse({ title: '  ' }))).toEqual(['title: Title is required']);
    expect(
      messages(
        ZCreateEvidenceRequest.safeParse({
          title: 'x'.repeat(301),
          detail: 'x'.repeat(10_001),
          ref: 'x'.repeat(41),
          dueOn: '31.03.2027',
        }),
      ),
    ).toEqual([
      'title: Title must be at most 300 characters',
      'detail: Detail must be at most 10000 characters',
      'ref: Clause or control must be at most 40 characters',
      'dueOn: Due date must be a date (YYYY-MM-DD)',
    ]);
    expect(messages(ZCreateEvidenceRequest.safeParse({ title: 'x'.repeat(300), ref: 'x'.repeat(40) }))).toEqual([]);
    expect(messages(ZCreateEvidenceRequest.safeParse({ title: 'x', dueOn: '2027-03-31T00:00' }))).toEqual([
      'dueOn: Due date must be a date (YYYY-MM-DD)',
    ]);
    expect(messages(ZCreateEvidenceRequest.safeParse({ title: 'x', dueOn: 'on 2027-03-31' }))).toEqual([
      'dueOn: Due date must be a date (YYYY-MM-DD)',
    ]);
  });

  it('is assigned and dated with the version read', () => {
    expect(ZUpdateEvidenceRequest.parse({ version: 2, assigneeId: null, dueOn: null })).toEqual({
      version: 2,
      assigneeId: null,
      dueOn: null,
    });
    expect(messages(ZUpdateEvidenceRequest.safeParse({ assigneeId: 'u1' }))).toEqual(['version: Version is required']);
  });

  it('is answered with at least one and at most 50 pieces of evidence', () => {
    expect(ZAnswerEvidenceRequest.parse({ version: 0, evidenceIds: ['e1'] })).toEqual({
      version: 0,
      answer: '',
      evidenceIds: ['e1'],
    });
    expect(messages(ZAnswerEvidenceRequest.safeParse({ version: 0, evidenceIds: [] }))).toEqual([
      'evidenceIds: Evidence: attach at least one piece of evidence',
    ]);
    expect(
      messages(
        ZAnswerEvidenceRequest.safeParse({ version: 0, evidenceIds: Array.from({ length: 51 }, (_, i) => `e${i}`) }),
      ),
    ).toEqual(['evidenceIds: Evidence: at most 50 pieces']);
    expect(messages(ZAnswerEvidenceRequest.safeParse({ version: 0, evidenceIds: 'e1' }))).toEqual([
      'evidenceIds: Evidence must be a list of evidence ids',
    ]);
    expect(messages(ZAnswerEvidenceRequest.safeParse({ evidenceIds: ['e1'], answer: 'x'.repeat(10_001) }))).toEqual([
      'version: Version is required',
      'answer: Answer must be at most 10000 characters',
    ]);
  });
});
