import { describe, expect, it } from 'vitest';
import { CsvParseError, csvCell, looksLikeFormula, parseCsv, toCsv, unguardCsvCell } from './csv';

describe('csv', () => {
  it('round-trips quotes, commas, newlines and empty cells', () => {
    const rows = [
      ['plain', 'with, comma', 'with "quotes"'],
      ['multi\nline', '', 'last'],
    ];
    const text = toCsv(['a', 'b', 'c'], rows);
    expect(parseCsv(text).map((r) => r.cells)).toEqual([['a', 'b', 'c'], ...rows]);
  });

  it('remembers the line each row starts on, across quoted newlines', () => {
    const parsed = parseCsv('h1,h2\r\n"a\nb",c\nd,e\n');
    expect(parsed.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('neutralizes spreadsheet formulas', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('safe')).toBe('safe');
  });

  it('neutralizes fullwidth and small formula signs (＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫)', () => {
    for (const s of ['\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)', '\uFE66HYPERLINK(A1)', '\uFE62\uFE63\uFE6B']) {
      expect(csvCell(s), s).toBe(`'${s}`);
    }
    expect(toCsv(['notes'], [['\uFF1D1+1']])).toBe("notes\r\n'\uFF1D1+1\r\n");
  });

  it('neutralizes a formula sign behind blanks, control, zero-width or bidi characters', () => {
    for (const s of [
      ' =1+1',
      '   +1',
      '\u3000\uFF1D1+1',
      '\u00A0@SUM(A1)',
      '\u200B=1',
      '\uFEFF=1',
      '\u202E=1',
      '\u2066-1',
      '\u0000=1',
      '\u0085=1',
      ' \t=1',
      '\n=1',
    ]) {
      expect(looksLikeFormula(s), JSON.stringify(s)).toBe(true);
      expect(csvCell(s).startsWith("'") || csvCell(s).startsWith(`"'`), JSON.stringify(s)).toBe(true);
    }
    expect(csvCell('\tindented')).toBe("'\tindented");
  });

  it('leaves ordinary text alone, including signs later in the cell', () => {
    for (const s of [
      'safe',
      '1+1=2',
      'a - b',
      'user@example.com',
      ' leading space',
      '\u3000全角',
      '（注）',
      '',
      'e=mc²',
      '\u2212 minus sign',
    ]) {
      expect(looksLikeFormula(s), s).toBe(false);
      expect(csvCell(s).replace(/^"|"$/g, '').startsWith("'"), s).toBe(false);
    }
  });

  it('undoes exactly the apostrophes it added (the CLI reads exports back)', () => {
    for (const s of ['=1+1', '\uFF1D1+1', ' @x', '\u3000\uFF0D2', "'quoted", "'", 'plain', "it's"]) {
      expect(unguardCsvCell(parseCsv(toCsv(['h'], [[s]]))[1]!.cells[0]!), s).toBe(s);
    }
  });

  it('skips a byte-order mark and blank lines', () => {
    expect(parseCsv('\ufeffa,b\n\nc,d').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/line 2/);
    expect(() => parseCsv('a,b"c"\n')).toThrow(/quote may only start a cell/);
  });
});
