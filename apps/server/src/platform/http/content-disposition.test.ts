import { describe, expect, it } from 'vitest';
import { attachment } from './content-disposition';

/** What a browser saves: filename* (RFC 5987, UTF-8) when present, else the quoted filename. */
function savedName(header: string): string {
  const star = /; filename\*=UTF-8''([^;]+)$/.exec(header);
  if (star) return decodeURIComponent(star[1]!);
  return /; filename="([^"]*)"/.exec(header)![1]!;
}

describe('attachment (Content-Disposition)', () => {
  it('keeps the one quoted form for plain ASCII names', () => {
    expect(attachment('AI policy v1.2.pdf')).toBe('attachment; filename="AI policy v1.2.pdf"');
    expect(attachment('risk-register-2026-01-31.xlsx')).toBe('attachment; filename="risk-register-2026-01-31.xlsx"');
    expect(attachment("it's (v2)*.txt")).toBe(`attachment; filename="it's (v2)*.txt"`);
  });

  it('adds an ASCII fallback and the exact UTF-8 name for anything else', () => {
    expect(attachment('résumé 履歴.pdf')).toBe(
      `attachment; filename="resume _.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%E5%B1%A5%E6%AD%B4.pdf`,
    );
    expect(attachment('Ｒｅｐｏｒｔ.pdf')).toBe(
      `attachment; filename="Report.pdf"; filename*=UTF-8''%EF%BC%B2%EF%BD%85%EF%BD%90%EF%BD%8F%EF%BD%92%EF%BD%94.pdf`,
    );
    for (const name of [
      'résumé 履歴.pdf',
      'say "hi".txt',
      'back\\slash.txt',
      '100% (final).txt',
      '😀 emoji.png',
      'ملف.pdf',
    ]) {
      const header = attachment(name);
      // Latin-1 only, so Node can send it; the fallback has no quote, backslash or percent sign.
      expect(header, name).toMatch(
        /^attachment; filename="[\x20\x21\x23\x24\x26-\x5b\x5d-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9!#$&+\-.^_`|~%]+$/,
      );
      expect(savedName(header), name).toBe(name);
    }
  });

  it('drops control and bidi characters, and survives a lone surrogate', () => {
    expect(savedName(attachment('invoice\u202Efdp.exe'))).toBe('invoicefdp.exe');
    expect(attachment('a\r\nb.txt')).toBe('attachment; filename="ab.txt"');
    expect(savedName(attachment('\u2066x\u2069\u0085.txt'))).toBe('x.txt');
    expect(savedName(attachment('bad\uD800.txt'))).toBe('bad\uFFFD.txt');
    expect(attachment('')).toBe('attachment; filename="download"');
    expect(attachment('履歴')).toBe(`attachment; filename="download"; filename*=UTF-8''%E5%B1%A5%E6%AD%B4`);
  });
});
