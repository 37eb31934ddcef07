import { describe, expect, it } from 'vitest';
import {
  CLASSIFICATIONS,
  VERSION_STATES,
  VERSION_STATE_LABELS,
  ZCreateDocument,
  ZDocumentSettings,
  ZReviewDecision,
  ZSubmitForReview,
  ZUpdateDraft,
  ZVersionDecision,
} from './documents';

// What document control's forms accept (settings, a new document, a draft, review and decisions),
// and the words of each refusal, one bad field per case; the all-mutant Stryker run of documents.ts
// left the schemas' messages, bounds and defaults untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);
const fails = (r: { success: boolean }) => r.success === false;
const doc = { type: 'doc', content: [] };

describe('the version states', () => {
  it('are shown under their labels, in the order of the life cycle', () => {
    expect(VERSION_STATES.map((s) => VERSION_STATE_LABELS[s])).toEqual([
      'Draft',
      'In review',
      'Approved',
      'Published',
      'Superseded',
      'Withdrawn',
    ]);
  });
});

describe('the document settings', () => {
  const ok = {
    version: 0,
    codePrefix: ' AIMS2 ',
    classification: 'Internal',
    topManagement: ' The board ',
    defaultOwnerId: null,
    defaultApproverId: 'u1',
  };

  it('takes a prefix of 2 to 8 capitals or digits and trims the texts', () => {
    expect(ZDocumentSettings.parse(ok)).toEqual({ ...ok, codePrefix: 'AIMS2', topManagement: 'The board' });
    expect(ZDocumentSettings.parse({ ...ok, codePrefix: 'A1' }).codePrefix).toBe('A1');
    expect(ZDocumentSettings.parse({ ...ok, codePrefix: 'ABCDEFG8' }).codePrefix).toBe('ABCDEFG8');
    expect(CLASSIFICATIONS).toEqual(['Public', 'Internal', 'Confidential', 'Restricted']);
    expect(ZDocumentSettings.parse({ ...ok, topManagement: 't'.repeat(200) }).topManagement).toBe('t'.repeat(200));
  });

  it('refuses each bad field in its own words', () => {
    const prefix = 'Document code prefix must be 2–8 capital letters or digits, such as AIMS';
    for (const codePrefix of ['A', 'ABCDEFGH9', 'aims', 'AI-S', 'xAIMS', 'AIMSx'])
      expect(messages(ZDocumentSettings.safeParse({ ...ok, codePrefix }))).toEqual([['codePrefix', prefix]]);
    expect(messages(ZDocumentSettings.safeParse({ ...ok, classification: 'Secret' }))).toEqual([
      ['classification', 'Classification must be one of: Public, Internal, Confidential, Restricted'],
    ]);
    const top = 'Top management (who signs the AI policy)';
    expect(messages(ZDocumentSettings.safeParse({ ...ok, topManagement: 5 }))).toEqual([
      ['topManagement', `${top} is required`],
    ]);
    expect(messages(ZDocumentSettings.safeParse({ ...ok, topManagement: '  ' }))).toEqual([
      ['topManagement', `${top} is required`],
    ]);
    expect(messages(ZDocumentSettings.safeParse({ ...ok, topManagement: 't'.repeat(201) }))).toEqual([
      ['topManagement', `${top} must be at most 200 characters`],
    ]);
    expect(fails(ZDocumentSettings.safeParse({ ...ok, defaultOwnerId: '' }))).toBe(true);
    expect(fails(ZDocumentSettings.safeParse({ ...ok, defaultApproverId: 'i'.repeat(65) }))).toBe(true);
    expect(ZDocumentSettings.parse({ ...ok, defaultApproverId: 'i'.repeat(64) }).defaultApproverId).toBe(
      'i'.repeat(64),
    );
  });
});

describe('a new document', () => {
  it('takes a type, answers by default none', () => {
    expect(ZCreateDocument.parse({ typeId: 'ai-policy' })).toEqual({ typeId: 'ai-policy', answers: {} });
    expect(ZCreateDocument.parse({ typeId: 'ab', title: ' Policy ', answers: { a: 'x', b: ['y'] } })).toEqual({
      typeId: 'ab',
      title: 'Policy',
      answers: { a: 'x', b: ['y'] },
    });
    expect(ZCreateDocument.parse({ typeId: `a${'b'.repeat(62)}` }).typeId).toHaveLength(63);
  });

  it('refuses an unknown type and bad answers', () => {
    for (const typeId of ['a', 'AI-policy', '-ai', `a${'b'.repeat(63)}`, 'ai policy', 'x ai-policy', 'ai-policy!'])
      expect(messages(ZCreateDocument.safeParse({ typeId }))).toEqual([['typeId', 'Choose a document type']]);
    expect(messages(ZCreateDocument.safeParse({ typeId: 'ab', title: '' }))).toEqual([['title', 'Title is required']]);
    expect(messages(ZCreateDocument.safeParse({ typeId: 'ab', title: 't'.repeat(201) }))).toEqual([
      ['title', 'Title must be at most 200 characters'],
    ]);
    expect(ZCreateDocument.parse({ typeId: 'ab', answers: { ['k'.repeat(60)]: 'a'.repeat(4000) } })).toBeTruthy();
    expect(fails(ZCreateDocument.safeParse({ typeId: 'ab', answers: { ['k'.repeat(61)]: 'a' } }))).toBe(true);
    expect(fails(ZCreateDocument.safeParse({ typeId: 'ab', answers: { k: 'a'.repeat(4001) } }))).toBe(true);
    expect(ZCreateDocument.parse({ typeId: 'ab', answers: { k: Array(50).fill('a'.repeat(500)) } })).toBeTruthy();
    expect(fails(ZCreateDocument.safeParse({ typeId: 'ab', answers: { k: Array(51).fill('a') } }))).toBe(true);
    expect(fails(ZCreateDocument.safeParse({ typeId: 'ab', answers: { k: ['a'.repeat(501)] } }))).toBe(true);
  });
});

describe('a draft', () => {
  it('updates any field with the version read, trimmed', () => {
    expect(
      ZUpdateDraft.parse({
        version: 1,
        title: ' T ',
        material: true,
        changeSummary: ` ${'c'.repeat(2000)} `,
        sections: [{ key: 'k'.repeat(60), title: ' S ', body: doc }],
        answers: { a: 'x' },
      }),
    ).toEqual({
      version: 1,
      title: 'T',
      material: true,
      changeSummary: 'c'.repeat(2000),
      sections: [{ key: 'k'.repeat(60), title: 'S', body: doc }],
      answers: { a: 'x' },
    });
    expect(ZUpdateDraft.parse({ version: 0 })).toEqual({ version: 0 });
    const sections = Array.from({ length: 60 }, (_, i) => ({ key: `k${i}`, title: 't', body: doc }));
    expect(ZUpdateDraft.parse({ version: 0, sections }).sections).toHaveLength(60);
    expect(fails(ZUpdateDraft.safeParse({ version: 0, sections: [...sections, sections[0]] }))).toBe(true);
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZUpdateDraft.safeParse({}))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateDraft.safeParse({ version: 0, title: ' ' }))).toEqual([['title', 'Title is required']]);
    expect(messages(ZUpdateDraft.safeParse({ version: 0, title: 't'.repeat(201) }))).toEqual([
      ['title', 'Title must be at most 200 characters'],
    ]);
    expect(messages(ZUpdateDraft.safeParse({ version: 0, changeSummary: 'c'.repeat(2001) }))).toEqual([
      ['changeSummary', 'The change summary must be at most 2000 characters'],
    ]);
    expect(messages(ZUpdateDraft.safeParse({ version: 0, sections: [{ key: 'k', title: ' ', body: doc }] }))).toEqual([
      ['sections.0.title', 'Section title is required'],
    ]);
    expect(
      messages(ZUpdateDraft.safeParse({ version: 0, sections: [{ key: 'k', title: 't'.repeat(201), body: doc }] })),
    ).toEqual([['sections.0.title', 'Section title must be at most 200 characters']]);
    expect(
      fails(ZUpdateDraft.safeParse({ version: 0, sections: [{ key: 'k'.repeat(61), title: 't', body: doc }] })),
    ).toBe(true);
    expect(fails(ZUpdateDraft.safeParse({ version: 0, answers: { ['k'.repeat(61)]: 'a' } }))).toBe(true);
    expect(fails(ZUpdateDraft.safeParse({ version: 0, answers: { k: 'a'.repeat(4001) } }))).toBe(true);
    expect(fails(ZUpdateDraft.safeParse({ version: 0, answers: { k: Array(51).fill('a') } }))).toBe(true);
    expect(fails(ZUpdateDraft.safeParse({ version: 0, answers: { k: ['a'.repeat(501)] } }))).toBe(true);
    expect(
      ZUpdateDraft.parse({ version: 0, answers: { ['k'.repeat(60)]: Array(50).fill('a'.repeat(500)) } }),
    ).toBeTruthy();
    expect(ZUpdateDraft.parse({ version: 0, answers: { k: 'a'.repeat(4000) } })).toBeTruthy();
  });
});

describe('a submission for review', () => {
  it('has no reviewers and no deadline by default, and trims the summary', () => {
    expect(ZSubmitForReview.parse({ version: 2, changeSummary: ' New clause ' })).toEqual({
      version: 2,
      reviewerIds: [],
      dueDate: null,
      changeSummary: 'New clause',
    });
    const reviewerIds = Array.from({ length: 10 }, (_, i) => `u${i}`);
    expect(
      ZSubmitForReview.parse({ version: 2, reviewerIds, dueDate: '2027-03-31', changeSummary: 'c'.repeat(2000) }),
    ).toEqual({ version: 2, reviewerIds, dueDate: '2027-03-31', changeSummary: 'c'.repeat(2000) });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZSubmitForReview.safeParse({ version: 0, changeSummary: '  ' }))).toEqual([
      ['changeSummary', 'Say what changed in this version (the revision table shows it)'],
    ]);
    expect(fails(ZSubmitForReview.safeParse({ version: 0, changeSummary: 'c'.repeat(2001) }))).toBe(true);
    expect(
      messages(ZSubmitForReview.safeParse({ version: 0, changeSummary: 'c', reviewerIds: Array(11).fill('u') })),
    ).toEqual([['reviewerIds', 'Choose at most 10 reviewers']]);
    expect(messages(ZSubmitForReview.safeParse({ version: 0, changeSummary: 'c', dueDate: '31/03/2027' }))).toEqual([
      ['dueDate', 'Review deadline must be a real date written year-month-day, such as 2027-03-31'],
    ]);
  });
});

describe('a decision on a version and a reviewer decision', () => {
  it('has no comment by default, and trims it', () => {
    expect(ZVersionDecision.parse({ version: 1 })).toEqual({ version: 1, comment: '' });
    expect(ZVersionDecision.parse({ version: 1, comment: ` ${'c'.repeat(4000)} ` }).comment).toBe('c'.repeat(4000));
    expect(ZReviewDecision.parse({ version: 1, decision: 'agree' })).toEqual({
      version: 1,
      decision: 'agree',
      comment: '',
    });
    expect(ZReviewDecision.parse({ version: 1, decision: 'changes_requested', comment: ' why ' }).comment).toBe('why');
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZVersionDecision.safeParse({ version: 1, comment: 'c'.repeat(4001) }))).toEqual([
      ['comment', 'The comment must be at most 4000 characters'],
    ]);
    expect(messages(ZReviewDecision.safeParse({ version: 1, decision: 'agree', comment: 'c'.repeat(4001) }))).toEqual([
      ['comment', 'The comment must be at most 4000 characters'],
    ]);
    expect(messages(ZReviewDecision.safeParse({ version: 1, decision: 'ok' }))).toEqual([
      ['decision', 'decision must be agree or changes_requested'],
    ]);
  });
});
