import { describe, expect, it } from 'vitest';
import { addDays } from './dates';
import {
  evidenceFileType,
  EVIDENCE_SUBJECT_TYPES,
  expiryState,
  isEvidenceSubjectType,
  ZCreateEvidenceLink,
  ZEvidenceLinkTarget,
} from './evidence';

describe('evidence expiry', () => {
  it('is current without a date, expiring within 30 days, expired the day after its date', () => {
    expect(expiryState(null, '2027-01-01')).toBe('current');
    expect(expiryState('2027-03-01', '2027-01-01')).toBe('current');
    expect(expiryState('2027-01-31', '2027-01-01')).toBe('expiring');
    expect(expiryState('2027-02-01', '2027-01-01')).toBe('current');
    expect(expiryState('2027-01-01', '2027-01-01')).toBe('expiring');
    expect(expiryState('2026-12-31', '2027-01-01')).toBe('expired');
  });
  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
  });
});

describe('evidence subjects and links', () => {
  it('knows the open list of subject types', () => {
    expect(EVIDENCE_SUBJECT_TYPES).toContain('training_completion');
    expect(isEvidenceSubjectType('requirement')).toBe(true);
    expect(isEvidenceSubjectType('users')).toBe(false);
    expect(ZEvidenceLinkTarget.safeParse({ subjectType: 'nope', subjectId: 'x' }).error?.issues[0]?.message).toMatch(
      /Subject type must be one of/,
    );
  });
  it('takes only web addresses as links', () => {
    const base = { title: 'Policy page' };
    expect(ZCreateEvidenceLink.safeParse({ ...base, url: 'https://intranet.example/policy' }).success).toBe(true);
    expect(ZCreateEvidenceLink.safeParse({ ...base, url: 'javascript:alert(1)' }).error?.issues[0]?.message).toMatch(
      /https:\/\//,
    );
    expect(ZCreateEvidenceLink.safeParse({ ...base, url: 'file:///etc/passwd' }).success).toBe(false);
  });
});

describe('evidence file types', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7');
  it('takes a known extension whose content matches, whatever the browser declared', () => {
    expect(evidenceFileType('report.PDF', pdf)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(evidenceFileType('notes.txt', new Uint8Array([1, 2]))).toEqual({ ok: true, mediaType: 'text/plain' });
  });
  it('refuses unknown types and content that does not match the name', () => {
    expect(evidenceFileType('run.exe', pdf)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not taken as evidence/),
    });
    expect(evidenceFileType('noext', pdf)).toMatchObject({ ok: false });
    expect(evidenceFileType('invoice.pdf', new TextEncoder().encode('MZ\x90\x00'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a PDF file/),
    });
  });
});
