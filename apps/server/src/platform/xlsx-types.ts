import type { ZipLimits } from './zip';

// What the .xlsx reader (xlsx-reader.ts) gives an import, and the one error it throws.

export type XlsxLimits = ZipLimits & {
  /** Rows with at least one value, per sheet. */
  maxRows: number;
  /** Cells with a value, per row. */
  maxCellsPerRow: number;
  /** Characters of one cell, and of one shared text. */
  maxCellChars: number;
  /** Entries of the shared-strings table. */
  maxSharedStrings: number;
};

/** A cell as an import sees it; `formula` is a formula without a cached result (nothing to read). */
export type XlsxValue = string | number | boolean | Date | null | { error: string } | { formula: string };
/** One row with a value: its spreadsheet row number and its cells by column number (1 = A). */
export type XlsxRow = { row: number; cells: Map<number, XlsxValue> };
export type XlsxSheet = { name: string; state: string };

/** `unreadable`: not a workbook we can read; `too_large`: over a limit. The message is a sentence for a person. */
export class XlsxError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

export type Xlsx = {
  sheets: XlsxSheet[];
  /** The rows of a sheet with a value, in file order; cells right of `maxColumn` count against the limits but are not kept. */
  rows(sheet: string, maxColumn: number): AsyncGenerator<XlsxRow>;
};
