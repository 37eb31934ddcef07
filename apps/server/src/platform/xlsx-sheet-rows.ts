import type { ZipEntry } from './zip';
import { count, local, maxSource, parseChunks, unreadable, type Handlers } from './xlsx-part';
import { XlsxError, type XlsxLimits, type XlsxRow, type XlsxValue } from './xlsx-types';

// The rows of one sheet, cell by cell as the sheet's XML streams in: values typed as an import reads
// them (shared texts, dates by their style, errors, formulas), handed over a row at a time, and reading
// stops at the first row, cell or text over a limit.

/** Days since 1899-12-30 (or 1904-01-01) → a JS date, as exceljs computes it. */
const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function columnNumber(ref: string): number | null {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
const cellName = (column: number, row: number) => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
};

/** What the workbook part, the shared strings and the styles said, which the cells of every sheet read. */
export type SheetContext = {
  limits: XlsxLimits;
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
};

/** The rows of a sheet with a value, in file order; cells right of `maxColumn` count against the limits but are not kept. */
export async function* readSheetRows(
  bytes: Buffer,
  entry: ZipEntry,
  sheetName: string,
  maxColumn: number,
  { limits, shared, dateStyles, date1904 }: SheetContext,
): AsyncGenerator<XlsxRow> {
  const ready: XlsxRow[] = [];
  let rowsWithValues = 0;
  let row: { number: number; cells: Map<number, XlsxValue>; filled: number } | null = null;
  let lastRow = 0;
  // The cell being read.
  let cell: {
    column: number;
    type: string;
    style: number;
    formula: string | null;
    value: string | null;
    inline: string | null;
  } | null = null;
  let nextColumn = 1;
  let into: 'formula' | 'value' | 'inline' | null = null;
  let opened = 0;
  let inInline = false;
  let phonetic = 0;
  const where = () => (cell && row ? `Cell ${cellName(cell.column, row.number)}` : 'A cell');
  const tooLong = () =>
    new XlsxError(
      'too_large',
      `${where()} of the sheet "${sheetName}" holds more than ${count(limits.maxCellChars)} characters, the most a spreadsheet cell can hold.`,
    );

  const valueOf = (c: NonNullable<typeof cell>): XlsxValue => {
    if (c.formula !== null && c.value === null) return { formula: c.formula };
    if (c.type === 'inlineStr' && c.formula === null) return c.inline || null;
    if (c.value === null) return null;
    const v = c.value;
    switch (c.type) {
      case 's': {
        return shared[Number.parseInt(v, 10)] ?? null;
      }
      case 'str':
      case 'inlineStr':
        return v;
      case 'b':
        return Number.parseInt(v, 10) !== 0;
      case 'e':
        return { error: v };
      case 'd': {
        const d = new Date(v);
        return Number.isNaN(d.getTime()) ? v : d;
      }
      default: {
        if (v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return dateStyles.has(c.style) ? excelDate(n, date1904) : n;
      }
    }
  };

  const handlers: Handlers = {
    open: (tag) => {
      const a = tag.attributes;
      switch (local(tag.name)) {
        case 'row': {
          const n = a.r ? Number.parseInt(a.r, 10) : lastRow + 1;
          if (!Number.isInteger(n) || n < 1 || n > 1_048_576)
            throw unreadable(entry.name, `has a row numbered "${a.r}"`);
          row = { number: n, cells: new Map(), filled: 0 };
          lastRow = n;
          nextColumn = 1;
          break;
        }
        case 'c': {
          const column = a.r ? columnNumber(a.r) : nextColumn;
          if (column === null || column > 16_384) throw unreadable(entry.name, `has a cell named "${a.r}"`);
          cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), formula: null, value: null, inline: null };
          nextColumn = column + 1;
          break;
        }
        case 'f':
          if (cell) {
            cell.formula ??= '';
            into = 'formula';
            opened++;
          }
          break;
        case 'v':
          if (cell) {
            cell.value ??= '';
            into = 'value';
            opened++;
          }
          break;
        case 'is':
          inInline = true;
          if (cell) cell.inline ??= '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && inInline && phonetic === 0) {
            into = 'inline';
            opened++;
          }
          break;
      }
    },
    text: (t) => {
      if (!cell || !into) return;
      const now = (cell[into] ?? '') + t;
      if (now.length > limits.maxCellChars) throw tooLong();
      cell[into] = now;
    },
    close: (tag) => {
      switch (local(tag.name)) {
        case 'f':
        case 'v':
        case 't':
          into = null;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const r = row;
          if (cell && r) {
            const value = valueOf(cell);
            if (value !== null) {
              r.filled++;
              if (r.filled > limits.maxCellsPerRow)
                throw new XlsxError(
                  'too_large',
                  `Row ${r.number} of the sheet "${sheetName}" has more than ${count(limits.maxCellsPerRow)} cells with a value.`,
                );
              if (cell.column <= maxColumn) r.cells.set(cell.column, value);
            }
          }
          cell = null;
          break;
        }
        case 'row': {
          const r = row;
          if (r && r.filled > 0) {
            rowsWithValues++;
            if (rowsWithValues > limits.maxRows)
              throw new XlsxError(
                'too_large',
                `The sheet "${sheetName}" has more than ${count(limits.maxRows)} rows with values.`,
              );
            ready.push({ row: r.number, cells: r.cells });
          }
          row = null;
          break;
        }
      }
    },
  };
  for await (const _ of parseChunks(bytes, entry, handlers, {
    openValue: () => (into ? opened : null),
    maxSource: maxSource(limits),
    tooLong,
  })) {
    yield* ready.splice(0);
  }
}
