import { describe, expect, it } from 'vitest';
import { csvCell, looksLikeFormula, parseCsv, unguardCsvCell } from './csv';

describe('writing a cell', () => {
  it('writes nothing for a missing value', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('takes a carriage return only at the start for a formula', () => {
    expect(looksLikeFormula('\r=1')).toBe(true);
    expect(looksLikeFormula('total\r')).toBe(false);
  });

  it('removes only an apostrophe it added', () => {
    expect(unguardCsvCell('x=1')).toBe('x=1');
    expect(unguardCsvCell("'=1")).toBe('=1');
  });
});

describe('reading CSV', () => {
  it('keeps a row whose first cell is empty', () => {
    expect(parseCsv(',b\n')).toEqual([{ line: 1, cells: ['', 'b'] }]);
  });

  it('reads the last row without a line end, including an empty last cell', () => {
    expect(parseCsv('a')).toEqual([{ line: 1, cells: ['a'] }]);
    expect(parseCsv('a,')).toEqual([{ line: 1, cells: ['a', ''] }]);
  });

  it('ends a row at a lone carriage return, and counts each blank line', () => {
    expect(parseCsv('a\rb\r')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['b'] },
    ]);
    expect(parseCsv('a\n\nb\n')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 3, cells: ['b'] },
    ]);
  });

  it('says which line an unclosed quote starts on', () => {
    expect(() => parseCsv('a\n"b,c\n')).toThrow(/^line 2: a quoted cell is never closed$/);
  });
});
