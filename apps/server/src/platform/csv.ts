import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CsvParseError, looksLikeFormula } from '@fortytwo/domain';

// The server writes and reads CSV with csv-stringify and csv-parse (issue 20, item 5): RFC 4180,
// a byte-order mark skipped, quoted newlines, CRLF, LF or CR line ends, in any mix. The domain keeps
// its own small reader and writer, with the same API, for the web app and the CLI: csv-parse leans
// on Node's Buffer and would weigh some 40 KB gzip more in a browser page. What a cell looks like
// is decided in one place either way: the domain's formula-injection guard (looksLikeFormula),
// applied here as csv-stringify's cast, and the tests compare the two writers cell by cell.

type Cell = string | number | boolean | null | undefined;

/** A cell a spreadsheet would run as a formula gets an apostrophe in front (see the domain's csv.ts). */
const guard = (text: string) => (looksLikeFormula(text) ? `'${text}` : text);

/** Header and rows as CSV: CRLF line ends, every line ended, cells quoted when they need it, formulas guarded. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows], {
    record_delimiter: '\r\n',
    // A line break of any kind inside a cell is quoted, not only the record delimiter.
    quoted_match: /[\r\n]/,
    cast: {
      string: guard,
      number: (n) => guard(String(n)),
      boolean: (b) => guard(String(b)),
    },
  });
}

const MESSAGES: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote may only start a cell',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted cell must end at a comma or at the end of the line',
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is never closed',
};

// csv-parse counts every CR and LF inside a quoted cell as a line (a CRLF in a cell as two).
const LINE_BREAK_CHARS = /[\r\n]/g;

/** Parses CSV text into rows of cells; each row remembers the line it started on. Blank lines are skipped. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  let lastRowEnd = 0;
  try {
    const rows: { record: string[]; lines: number }[] = [];
    parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Each row with the line it ends on, noted as it goes: an error names the line after the last whole row.
      on_record: (record: string[], context) => {
        lastRowEnd = context.lines;
        rows.push({ record, lines: context.lines });
        return record;
      },
    });
    return rows.map(({ record, lines }) => {
      // csv-parse tells the line a row ends on; it started as many line breaks earlier as its cells hold.
      const inside = record.reduce((n, cell) => n + (cell.match(LINE_BREAK_CHARS)?.length ?? 0), 0);
      return { line: lines - inside, cells: record };
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const at = typeof err.lines === 'number' ? err.lines : lastRowEnd + 1;
    // An unclosed quote is found at the end of the text: the row it opened started after the last whole row.
    const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastRowEnd + 1 : at;
    throw new CsvParseError(MESSAGES[err.code] ?? err.message, line);
  }
}
