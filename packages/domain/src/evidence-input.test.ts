import { describe, expect, it } from 'vitest';
import {
  EVIDENCE_FILE_TYPES,
  EVIDENCE_KINDS,
  EVIDENCE_SUBJECT_LABELS,
  EVIDENCE_SUBJECT_TYPES,
  EXPIRING_WITHIN_DAYS,
  EXPIRY_STATES,
  EXPIRY_STATE_LABELS,
  MAX_EVIDENCE_FILE_BYTES,
  ZCreateEvidenceLink,
  ZEvidenceFields,
  ZEvidenceLinkTarget,
  ZEvidenceUrl,
  ZUpdateEvidence,
  evidenceFileType,
} from './evidence';

// What the evidence library accepts (a file's fields, a link, an update, a link to a record), the
// words of each refusal, one bad field per case, and the labels and file types a user reads; the
// all-mutant Stryker run of evidence.ts left the schemas and these tables untested.
const messages = (r: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('the labels of the library', () => {
  it('names each subject type and expiry state', () => {
    expect(EVIDENCE_KINDS).toEqual(['file', 'link']);
    expect(EVIDENCE_SUBJECT_TYPES.map((s) => EVIDENCE_SUBJECT_LABELS[s])).toEqual([
      'Requirement',
      'Control',
      'Control occurrence',
      'Risk',
      'Risk treatment',
      'Document',
      'Audit finding',
      'Training completion',
      'AI objective',
      'Measurement',
      'Data set',
      'Supplier',
    ]);
    expect(EXPIRY_STATES.map((s) => EXPIRY_STATE_LABELS[s])).toEqual(['Current', 'Expiring', 'Expired']);
    expect(EXPIRING_WITHIN_DAYS).toBe(30);
  });
});

describe('the files the library takes', () => {
  it('stores each extension under its media type, 25 MiB at most', () => {
    expect(MAX_EVIDENCE_FILE_BYTES).toBe(26_214_400);
    expect(Object.fromEntries(Object.entries(EVIDENCE_FILE_TYPES).map(([e, t]) => [e, t.mediaType]))).toEqual({
      pdf: 'application/pdf',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      gif: 'image/gif',
      webp: 'image/webp',
      txt: 'text/plain',
      md: 'text/markdown',
      csv: 'text/csv',
      json: 'application/json',
      xml: 'application/xml',
      log: 'text/plain',
      eml: 'message/rfc822',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      odt: 'application/vnd.oasis.opendocument.text',
      ods: 'application/vnd.oasis.opendocument.spreadsheet',
      zip: 'application/zip',
    });
  });

  it('takes a file that starts as its format does (written from the formats: %PDF, PNG, JPEG, GIF8, PK)', () => {
    const starts: Record<string, number[]> = {
      pdf: [...'%PDF'].map((c) => c.charCodeAt(0)),
      png: [0x89, ...[...'PNG'].map((c) => c.charCodeAt(0))],
      jpg: [0xff, 0xd8, 0xff],
      jpeg: [0xff, 0xd8, 0xff],
      gif: [...'GIF8'].map((c) => c.charCodeAt(0)),
      docx: [...'PK'].map((c) => c.charCodeAt(0)).concat([3, 4]),
      xlsx: [0x50, 0x4b, 3, 4],
      pptx: [0x50, 0x4b, 3, 4],
      odt: [0x50, 0x4b, 3, 4],
      ods: [0x50, 0x4b, 3, 4],
      zip: [0x50, 0x4b, 3, 4],
    };
    for (const [ext, head] of Object.entries(starts)) {
      expect(evidenceFileType(`f.${ext}`, new Uint8Array([...head, 0])).ok).toBe(true);
      // Any one of the leading bytes wrong: refused.
      for (let i = 0; i < head.length; i++) {
        const bad = [...head];
        bad[i] = bad[i]! ^ 1;
        expect(evidenceFileType(`f.${ext}`, new Uint8Array(bad))).toEqual({
          ok: false,
          message: `The file is named .${ext} but its content is not a ${ext.toUpperCase()} file. Send the file as it was produced.`,
        });
      }
    }
    // The formats without a fixed start are taken whatever they start with.
    for (const ext of ['webp', 'txt', 'md', 'csv', 'json', 'xml', 'log', 'eml'])
      expect(evidenceFileType(`f.${ext}`, new Uint8Array([0, 1]))).toEqual({
        ok: true,
        mediaType: EVIDENCE_FILE_TYPES[ext]!.mediaType,
      });
  });
});

describe("a file's fields and a link", () => {
  it('has no description, owner or dates by default', () => {
    expect(ZEvidenceFields.parse({})).toEqual({ description: '', ownerId: null, effectiveOn: null, expiresOn: null });
    expect(ZCreateEvidenceLink.parse({ title: ' Report ', url: ' https://example.com/r ' })).toEqual({
      title: 'Report',
      url: 'https://example.com/r',
      description: '',
      ownerId: null,
      effectiveOn: null,
      expiresOn: null,
    });
  });

  it('takes each field up to its limit, trimmed', () => {
    expect(
      ZEvidenceFields.parse({
        title: ` ${'t'.repeat(300)} `,
        description: ` ${'d'.repeat(8000)} `,
        ownerId: 'u1',
        effectiveOn: '2026-01-31',
        expiresOn: '2027-01-31',
      }),
    ).toEqual({
      title: 't'.repeat(300),
      description: 'd'.repeat(8000),
      ownerId: 'u1',
      effectiveOn: '2026-01-31',
      expiresOn: '2027-01-31',
    });
    const url = `https://example.com/${'a'.repeat(2000 - 20)}`;
    expect(ZEvidenceUrl.parse(url)).toBe(url);
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZCreateEvidenceLink.safeParse({ url: 'https://example.com' }))).toEqual([
      ['title', 'Title is required'],
    ]);
    expect(messages(ZEvidenceFields.safeParse({ title: '  ' }))).toEqual([['title', 'Title is required']]);
    expect(messages(ZEvidenceFields.safeParse({ title: 't'.repeat(301) }))).toEqual([
      ['title', 'Title must be at most 300 characters'],
    ]);
    expect(messages(ZEvidenceFields.safeParse({ description: 'd'.repeat(8001) }))).toEqual([
      ['description', 'Description must be at most 8000 characters'],
    ]);
    expect(messages(ZEvidenceFields.safeParse({ effectiveOn: '2026-02-30' }))).toEqual([
      ['effectiveOn', 'Effective date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZEvidenceFields.safeParse({ expiresOn: 'soon' }))).toEqual([
      ['expiresOn', 'Review or expiry date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZEvidenceFields.safeParse({ ownerId: '' }))).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
    expect(messages(ZCreateEvidenceLink.safeParse({ title: 'R' }))).toEqual([['url', 'Link is required']]);
    expect(messages(ZEvidenceUrl.safeParse('   '))).toEqual([
      ['', 'Link is required'],
      ['', 'Link must be a web address starting with https:// or http://'],
    ]);
    expect(messages(ZEvidenceUrl.safeParse(`https://example.com/${'a'.repeat(2000 - 19)}`))).toEqual([
      ['', 'Link must be at most 2000 characters'],
    ]);
    expect(messages(ZEvidenceUrl.safeParse('ftp://example.com/r'))).toEqual([
      ['', 'Link must be a web address starting with https:// or http://'],
    ]);
  });
});

describe('an update', () => {
  it('changes any field with the version read', () => {
    expect(ZUpdateEvidence.parse({ version: 3 })).toEqual({ version: 3 });
    expect(ZUpdateEvidence.parse({ version: 3, title: ' T ', description: ' d ', expiresOn: null })).toEqual({
      version: 3,
      title: 'T',
      description: 'd',
      expiresOn: null,
    });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZUpdateEvidence.safeParse({ title: 'T' }))).toEqual([
      ['version', 'version is required: send the version you read'],
    ]);
    expect(messages(ZUpdateEvidence.safeParse({ version: 0, title: '' }))).toEqual([['title', 'Title is required']]);
    expect(messages(ZUpdateEvidence.safeParse({ version: 0, description: 'd'.repeat(8001) }))).toEqual([
      ['description', 'Description must be at most 8000 characters'],
    ]);
    expect(messages(ZUpdateEvidence.safeParse({ version: 0, effectiveOn: '2026-13-01' }))).toEqual([
      ['effectiveOn', 'Effective date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZUpdateEvidence.safeParse({ version: 0, expiresOn: '2026-13-01' }))).toEqual([
      ['expiresOn', 'Review or expiry date must be a real date written year-month-day, such as 2027-03-31'],
    ]);
    expect(messages(ZUpdateEvidence.safeParse({ version: 0, ownerId: 'o'.repeat(65) }))).toEqual([
      ['ownerId', 'Owner: send the id of a member of this organization, or null for none'],
    ]);
  });
});

describe('a link from evidence to a record', () => {
  it('takes a known subject type and a trimmed id', () => {
    expect(ZEvidenceLinkTarget.parse({ subjectType: 'risk', subjectId: ` ${'r'.repeat(100)} ` })).toEqual({
      subjectType: 'risk',
      subjectId: 'r'.repeat(100),
    });
  });

  it('refuses each bad field in its own words', () => {
    expect(messages(ZEvidenceLinkTarget.safeParse({ subjectType: 'asset', subjectId: 'x' }))).toEqual([
      [
        'subjectType',
        'Subject type must be one of: requirement, control, control_occurrence, risk, treatment, document, finding, training_completion, objective, measurement, data_set, supplier',
      ],
    ]);
    expect(messages(ZEvidenceLinkTarget.safeParse({ subjectType: 'risk' }))).toEqual([
      ['subjectId', 'Subject is required'],
    ]);
    expect(messages(ZEvidenceLinkTarget.safeParse({ subjectType: 'risk', subjectId: ' ' }))).toEqual([
      ['subjectId', 'Subject is required'],
    ]);
    expect(messages(ZEvidenceLinkTarget.safeParse({ subjectType: 'risk', subjectId: 'r'.repeat(101) }))).toEqual([
      ['subjectId', 'Subject must be at most 100 characters'],
    ]);
  });
});
