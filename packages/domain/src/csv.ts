// RFC 4180 CSV, small enough to own, for the web app and the CLI: the server writes and reads CSV
// with csv-stringify and csv-parse (apps/server/src/platform/csv.ts), which lean on Node's Buffer and
// would weigh a browser page down. The formula guard below is the one both use, and the server's
// tests check that both writers give the same bytes.

const NEEDS_QUOTES = /[",\r\n]/;

// Formula-injection guard (CSV injection): a cell that a spreadsheet would run as a formula gets
// an apostrophe in front, so an exported register can never run code in the spreadsheet that
// opens it. A cell is taken for a formula when it starts with
// - a tab or a carriage return (OWASP's list, as before), or
// - = + - @ in any form a spreadsheet may fold to them: the fullwidth ＝ ＋ － ＠ that East Asian
//   input methods type, the small forms ﹦ ﹢ ﹣ ﹫ (everything whose NFKC form is one of the four),
// with any blanks or invisible characters before it (spaces, the ideographic space, no-break
// spaces, control, zero-width and bidi characters): importers that trim would reach the sign.
// Unicode has no fullwidth tab or carriage return; the fullwidth space U+3000 counts as a blank.
const LEADING_INVISIBLES =
  // eslint-disable-next-line no-control-regex
  /^[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]*/;
const FORMULA_SIGNS = new Set(['=', '+', '-', '@']);

/** True when a spreadsheet could read the text as a formula (see above). */
export function looksLikeFormula(text: string): boolean {
  if (text.startsWith('\t') || text.startsWith('\r')) return true;
  const first = text.slice(LEADING_INVISIBLES.exec(text)![0].length).charAt(0);
  return first !== '' && FORMULA_SIGNS.has(first.normalize('NFKC'));
}

/** The cell as exported: guarded against formulas, quoted when needed. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (looksLikeFormula(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Undoes the guard on a cell read back from an export (the CLI's import): exactly the apostrophes csvCell added. */
export const unguardCsvCell = (cell: string) =>
  cell.startsWith("'") && looksLikeFormula(cell.slice(1)) ? cell.slice(1) : cell;

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Parses CSV text into rows of cells; each row remembers the line it started on. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark written by Excel
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (cell.length > 0) throw new CsvParseError('a quote may only start a cell', line);
      inQuotes = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (inQuotes) throw new CsvParseError('a quoted cell is never closed', rowLine);
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
