import { describe, expect, it } from 'vitest';
import { evidenceFileType, expiryRange, expiryState, ZEvidenceUrl } from './evidence';

const PDF = [0x25, 0x50, 0x44, 0x46];

describe('evidence expiry', () => {
  it('treats an empty date as no date: it never expires', () => {
    expect(expiryState('', '2027-01-01')).toBe('current');
  });

  it('filters each state by a date range: expired before today, expiring within 30 days, current after', () => {
    expect(expiryRange('expired', '2027-01-01')).toEqual({ before: '2027-01-01' });
    expect(expiryRange('expiring', '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-31' });
    // Current: from the 31st day on, or no date at all.
    expect(expiryRange('current', '2027-01-01')).toEqual({ from: '2027-02-01', orNull: true });
  });
});

describe('an evidence link', () => {
  const message = (s: string) => {
    const r = ZEvidenceUrl.safeParse(s);
    return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
  };
  const REFUSED = 'Link must be a web address starting with https:// or http://';

  it('takes web addresses, https and http', () => {
    expect(message('https://example.com/policy.pdf')).toBeNull();
    expect(message('http://intranet.local/x')).toBeNull();
  });

  it('refuses other schemes and text that is not an address', () => {
    expect(message('javascript:alert(1)')).toBe(REFUSED);
    expect(message('file:///etc/passwd')).toBe(REFUSED);
    expect(message('example.com/policy')).toBe(REFUSED);
  });
});

describe('an evidence file type', () => {
  it('goes by the last extension of the name', () => {
    expect(evidenceFileType('scan.2024.pdf', new Uint8Array(PDF))).toEqual({ ok: true, mediaType: 'application/pdf' });
  });

  it('names the extensions it takes when refusing one', () => {
    const r = evidenceFileType('tool.exe', new Uint8Array([0x4d, 0x5a]));
    expect(r).toEqual({
      ok: false,
      message:
        'Files of this type are not taken as evidence. Send one of: pdf, png, jpg, jpeg, gif, webp, txt, md, csv, json, xml, log, eml, docx, xlsx, pptx, odt, ods, zip.',
    });
    expect(evidenceFileType('README', new Uint8Array([1])).ok).toBe(false);
  });

  it('needs every leading byte of the format, not just the first', () => {
    expect(evidenceFileType('report.pdf', new Uint8Array([0x25, 0, 0, 0]))).toEqual({
      ok: false,
      message: 'The file is named .pdf but its content is not a PDF file. Send the file as it was produced.',
    });
  });
});
