import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsv as domainParseCsv, toCsv as domainToCsv, looksLikeFormula } from '@fortytwo/domain';
import { parseCsv, toCsv } from './csv';

// The server's CSV (csv-stringify, csv-parse) against the domain's hand-written one, which the web
// app and the CLI keep: the same bytes out, the same cells back, and errors at least as strict.

/** Cells from an alphabet of everything that makes CSV and spreadsheets go wrong. */
function hostileCells(count: number, seed = 42): string[] {
  const alphabet = [
    'a',
    'Z',
    ' ',
    ',',
    '"',
    '\r',
    '\n',
    '\t',
    '=',
    '+',
    '-',
    '@',
    "'",
    '\uFF1D',
    '\u200B',
    '\u3000',
    '1',
    'é',
    '\uFEFF',
  ];
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) % 2 ** 31);
  return Array.from({ length: count }, () =>
    Array.from({ length: next() % 7 }, () => alphabet[next() % alphabet.length]).join(''),
  );
}

describe('server CSV (csv-stringify and csv-parse)', () => {
  it('writes the same bytes as the domain writer, formula guard included', () => {
    const cells = hostileCells(3000);
    const rows: (string | number | boolean | null | undefined)[][] = [];
    for (let i = 0; i < cells.length; i += 5) rows.push(cells.slice(i, i + 5));
    rows.push([1, -2, 0.5, true, false, null, undefined, '']);
    expect(toCsv(['h1', 'h,2', '=h3', 'h4', 'h5'], rows)).toBe(domainToCsv(['h1', 'h,2', '=h3', 'h4', 'h5'], rows));
  });

  it('reads back what it wrote, and what the domain reads', () => {
    const cells = hostileCells(2000, 7);
    const rows: string[][] = [];
    for (let i = 0; i < cells.length; i += 4) rows.push(cells.slice(i, i + 4));
    const text = toCsv(['a', 'b', 'c', 'd'], rows);
    const parsed = parseCsv(text);
    expect(parsed.map((r) => r.cells)).toEqual(domainParseCsv(text).map((r) => r.cells));
    // Every cell comes back as written: with the guard's apostrophe where it looked like a formula.
    expect(parsed.slice(1).map((r) => r.cells)).toEqual(
      rows.map((r) => r.map((c) => (looksLikeFormula(c) ? `'${c}` : c))),
    );
    // Line numbers agree where cells hold line feeds only (csv-parse counts a CRLF inside a cell as two lines).
    const lf = toCsv(
      ['a', 'b', 'c', 'd'],
      rows.map((r) => r.map((c) => c.replace(/\r/g, ''))),
    );
    expect(parseCsv(lf)).toEqual(domainParseCsv(lf));
  });

  it('skips a byte-order mark and blank lines, reads CRLF, LF and CR, and tells where each row starts', () => {
    expect(parseCsv('\ufeffa,b\n\nc,d')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['c', 'd'] },
    ]);
    expect(parseCsv('h1,h2\r\n"a\nb",c\nd,e\n').map((r) => r.line)).toEqual([1, 2, 4]);
    expect(parseCsv('a,b\rc,d\r').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsv('x,"multi\r\nline",y\r\n').map((r) => r.cells)).toEqual([['x', 'multi\r\nline', 'y']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses a quote inside a cell and an unclosed quote, with the line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(/^line 2: a quoted cell is never closed$/);
    expect(() => parseCsv('a,b"c"\n')).toThrow(/^line 1: a quote may only start a cell$/);
    // Stricter than the domain's reader, which joins "ab" and c into one cell.
    expect(() => parseCsv('x\n"ab"c,d\n')).toThrow(/^line 2: a quoted cell must end at a comma/);
  });
});
