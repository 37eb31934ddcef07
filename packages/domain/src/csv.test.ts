import { describe, expect, it } from 'vitest';
import { CsvParseError, csvCell, parseCsv, toCsv } from './csv';

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
