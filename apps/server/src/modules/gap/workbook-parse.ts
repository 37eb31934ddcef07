import { MATURITY_LABELS, ZGapItemPatch, type GapItemPatch } from '@fortytwo/domain';
import { AppError } from '../../platform/errors';
import { openXlsx, XlsxError, type Xlsx, type XlsxLimits, type XlsxValue } from '../../platform/xlsx-reader';
import type { GapItem } from './schema';
import {
  ASSESSMENT_SHEET,
  COLUMNS,
  headerOf,
  HEADERS,
  META_SHEET,
  resultFromText,
  statusFromText,
  WORKBOOK_TEMPLATE,
  WORKBOOK_TEMPLATE_VERSION,
  type AnswerField,
} from './workbook-template';

// Reads an uploaded gap workbook back: first the file as a whole (readable? our template? which
// assessment?), then each row into the smallest patch that turns the current item into the row.

/** One problem in one cell of the upload; `row` is the spreadsheet's own row number. */
export type ImportIssue = { row: number; ref: string | null; column: string; cell: string; message: string };
export type ImportPatch = Omit<GapItemPatch, 'version'>;
export type WorkbookMeta = { assessmentId: string; assessmentName: string; exportedAt: string };
export type WorkbookRow = { row: number; ref: string; cells: Map<string, Plain> };

/**
 * What an honest upload stays far below, checked while the file is read so a hostile one is refused
 * early (issue 17: a 5 MB file of a million rows, or one cell of 150 MB, took the server's memory):
 * 70 requirements and the blank rows people leave; the template's 15 columns and whatever someone
 * types beside them; Excel's own limit of 32,767 characters in a cell. An exported workbook is about
 * 40 KB and unpacks to under 1 MB, pictures pasted in add a few MB.
 */
export const WORKBOOK_LIMITS: XlsxLimits = {
  maxEntries: 1000,
  maxEntryBytes: 25 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  maxRows: 2000,
  maxCellsPerRow: 200,
  maxCellChars: 32_767,
  maxSharedStrings: 200_000,
};

export const rejectFile = (
  reason: 'unreadable' | 'wrong_template' | 'other_assessment' | 'too_large' | 'not_multipart',
  message: string,
) => new AppError('IMPORT_REJECTED', `${message} Nothing was changed.`, { reason, issues: [] });

type Plain = string | number | boolean | Date | null | { error: string };

/** A cell's value as the row checks read it: errors and formulas without a computed value become problems to report. */
function plain(v: XlsxValue): Plain {
  if (v === null || typeof v !== 'object' || v instanceof Date) return v;
  if ('error' in v) return { error: `the cell shows the error ${shown(v.error)}: type a value instead` };
  return { error: 'the cell holds a formula without a computed value: type the value instead' };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function text(p: Plain): string {
  if (p === null || typeof p === 'object') return p instanceof Date ? isoDay(p) : '';
  return String(p).replace(/\r\n?/g, '\n');
}

const UNREADABLE =
  'The uploaded file is not a readable .xlsx workbook. Export the assessment to Excel, edit that file and save it as .xlsx.';
const TOO_LARGE_HINT = 'An exported assessment is far smaller: export it again and copy your answers into that file.';

export async function readWorkbook(bytes: Buffer): Promise<{ meta: WorkbookMeta; rows: WorkbookRow[] }> {
  if (bytes.length === 0) throw rejectFile('unreadable', 'The uploaded file is empty.');
  // Every .xlsx is a zip archive; anything else (.xls, .csv, .ods saved as such, a PDF) is not ours to guess at.
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') {
    throw rejectFile(
      'unreadable',
      'The uploaded file is not an .xlsx workbook (.xls, .csv and .ods files cannot be imported). Export the assessment to Excel, edit that file and keep it as .xlsx.',
    );
  }
  try {
    // The zip's directory is checked before anything is unpacked; then sheets are read as streams,
    // row by row, and the first row, cell or text over a limit stops the reading.
    const book = await openXlsx(bytes, WORKBOOK_LIMITS);
    const meta = await readMeta(book);
    if (!book.sheets.some((s) => s.name === ASSESSMENT_SHEET))
      throw rejectFile(
        'wrong_template',
        `The workbook has no sheet named "${ASSESSMENT_SHEET}": it must keep the sheets as exported.`,
      );
    const rows: WorkbookRow[] = [];
    let header = false;
    for await (const r of book.rows(ASSESSMENT_SHEET, COLUMNS.length)) {
      if (!header) {
        checkHeader(r.row === 1 ? r.cells : new Map<number, XlsxValue>());
        header = true;
        if (r.row === 1) continue;
      }
      const cells = new Map<string, Plain>();
      COLUMNS.forEach((c, i) => cells.set(c.header, plain(r.cells.get(i + 1) ?? null)));
      const ref = text(cells.get('Ref') ?? null).trim();
      // Rows with nothing to read are what people leave between blocks: not an error.
      if (!ref && COLUMNS.every((c) => c.role === 'guidance' || text(cells.get(c.header) ?? null).trim() === ''))
        continue;
      rows.push({ row: r.row, ref, cells });
    }
    if (!header) checkHeader(new Map<number, XlsxValue>());
    return { meta, rows };
  } catch (err) {
    if (err instanceof XlsxError)
      throw err.kind === 'too_large'
        ? rejectFile('too_large', `${err.message} ${TOO_LARGE_HINT}`)
        : rejectFile('unreadable', UNREADABLE);
    throw err;
  }
}

async function readMeta(book: Xlsx): Promise<WorkbookMeta> {
  const notOurs =
    'This workbook is not a Fortytwo gap assessment export (its hidden "fortytwo" sheet is missing or changed). Export the assessment to Excel, fill in that file and import it.';
  if (!book.sheets.some((s) => s.name === META_SHEET)) throw rejectFile('wrong_template', notOurs);
  const values = new Map<string, string>();
  for await (const r of book.rows(META_SHEET, 2))
    values.set(text(plain(r.cells.get(1) ?? null)), text(plain(r.cells.get(2) ?? null)));
  if (values.get('template') !== WORKBOOK_TEMPLATE || !values.get('assessmentId'))
    throw rejectFile('wrong_template', notOurs);
  const version = values.get('templateVersion');
  if (version !== String(WORKBOOK_TEMPLATE_VERSION)) {
    throw rejectFile(
      'wrong_template',
      `This workbook was made with version ${version ?? '?'} of the gap workbook; this Fortytwo reads version ${WORKBOOK_TEMPLATE_VERSION}. Export the assessment again and copy your answers into the new file.`,
    );
  }
  return {
    assessmentId: values.get('assessmentId')!,
    assessmentName: values.get('assessmentName') ?? '',
    exportedAt: values.get('exportedAt') ?? '',
  };
}

/** The header row's cells by column number (empty when the sheet has no row 1). */
function checkHeader(row: Map<number, XlsxValue>) {
  const fold = (s: string) => s.trim().toLowerCase();
  HEADERS.forEach((expected, i) => {
    const found = text(plain(row.get(i + 1) ?? null));
    if (fold(found) !== fold(expected)) {
      throw rejectFile(
        'wrong_template',
        `Column ${columnLetter(HEADERS[i]!)} of the sheet "${ASSESSMENT_SHEET}" should be headed "${expected}" but is ${found ? `"${shown(found)}"` : 'empty'}: keep the columns as exported (hide a column rather than delete or move it).`,
      );
    }
  });
}

const columnLetter = (header: string) => {
  let n = HEADERS.indexOf(header) + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
/** Text from the file quoted in a message, cut short: a message must not grow with what was uploaded (a cell may hold 32,767 characters). */
export const shown = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max)}…` : s);
export const issueAt = (row: number, ref: string | null, column: string, message: string): ImportIssue => ({
  row,
  ref: ref === null ? null : shown(ref, 40),
  column,
  cell: `${columnLetter(column)}${row}`,
  message,
});

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const FIELD_OF_PATCH_KEY: Record<string, AnswerField> = {
  status: 'status',
  result: 'result',
  maturity: 'maturity',
  justification: 'justification',
  notes: 'notes',
  ownerId: 'owner',
  targetDate: 'targetDate',
  evidenceLinks: 'evidenceLinks',
};
export const columnOfPatchKey = (key: string) => (FIELD_OF_PATCH_KEY[key] ? headerOf(FIELD_OF_PATCH_KEY[key]) : 'Ref');

function maturityOf(p: Plain): number | null | undefined {
  if (p === null || (typeof p === 'string' && p.trim() === '')) return null;
  if (typeof p === 'number') return Number.isInteger(p) && p >= 0 && p <= 5 ? p : undefined;
  const t = text(p).trim();
  if (/^[0-5]$/.test(t)) return Number(t);
  const label = MATURITY_LABELS.findIndex((l) => l.toLowerCase() === t.toLowerCase());
  return label >= 0 ? label : undefined;
}

/**
 * The patch that makes `current` equal to the row, holding only what differs, or the row's problems.
 * `members` maps a lower-case email to the user id of a current member.
 */
export function rowPatch(
  r: WorkbookRow,
  current: GapItem,
  members: Map<string, string>,
): { patch: ImportPatch; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (field: AnswerField | 'Version', message: string) =>
    issues.push(issueAt(r.row, r.ref, field === 'Version' ? 'Version' : headerOf(field), message));
  const cell = (field: AnswerField) => r.cells.get(headerOf(field)) ?? null;
  for (const c of COLUMNS) {
    const v = r.cells.get(c.header);
    if (c.role !== 'guidance' && v && typeof v === 'object' && !(v instanceof Date))
      issues.push(issueAt(r.row, r.ref, c.header, `${c.header}: ${v.error}`));
  }
  if (issues.length) return { patch: {}, issues };

  const patch: ImportPatch & Record<string, unknown> = {};
  const statusText = text(cell('status')).trim();
  const status = statusFromText(statusText);
  if (!status)
    at(
      'status',
      statusText
        ? `Status "${shown(statusText)}" is not one of: Not started, In progress, Done`
        : 'Status is empty: choose Not started, In progress or Done',
    );
  else if (status !== current.status) patch.status = status;

  const resultText = text(cell('result')).trim();
  const result = resultText === '' ? null : resultFromText(resultText);
  if (result === undefined)
    at(
      'result',
      `Result "${shown(resultText)}" is not one of: Conformant, Partially conformant, Nonconformant, Not applicable (or empty when not assessed yet)`,
    );
  else if (result !== current.result) patch.result = result;

  const maturity = maturityOf(cell('maturity'));
  if (maturity === undefined)
    at('maturity', `Maturity "${shown(text(cell('maturity')))}" must be a whole number from 0 to 5, or empty`);
  else if (maturity !== current.maturity) patch.maturity = maturity;

  const justification = text(cell('justification'));
  if (justification.trim() !== current.justification) patch.justification = justification;
  const notes = text(cell('notes'));
  if (notes.trim() !== current.notes) patch.notes = notes;

  const email = text(cell('owner')).trim().toLowerCase();
  if (email === '') {
    if (current.ownerId !== null) patch.ownerId = null;
  } else if (email !== current.owner?.email.toLowerCase()) {
    const userId = members.get(email);
    if (userId) patch.ownerId = userId;
    else
      at(
        'owner',
        `${shown(email)} is not a current member of this organization: invite them first, or choose a member`,
      );
  }

  const date = text(cell('targetDate')).trim();
  if ((date || null) !== current.targetDate) patch.targetDate = date || null;

  const links = text(cell('evidenceLinks'))
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (!sameList(links, current.evidenceLinks)) patch.evidenceLinks = links;

  // The schema the single-item PATCH uses gives the same messages (dates, URLs, lengths).
  const checked = ZGapItemPatch.safeParse({ ...patch, version: current.version });
  if (!checked.success) {
    for (const i of checked.error.issues) {
      const key = String(i.path[0] ?? '');
      const detail =
        key === 'evidenceLinks' && typeof i.path[1] === 'number'
          ? ` (line ${i.path[1] + 1}: "${shown(links[i.path[1]] ?? '')}")`
          : key === 'targetDate'
            ? ` ("${shown(date)}")`
            : '';
      issues.push(issueAt(r.row, r.ref, columnOfPatchKey(key), `${i.message}${detail}`));
    }
  }
  if (issues.length || !checked.success) return { patch: {}, issues };
  const { version: _v, ...clean } = checked.data;

  if (Object.keys(clean).length > 0) {
    const v = r.cells.get('Version') ?? null;
    const rowVersion = typeof v === 'number' ? v : Number(text(v).trim() || NaN);
    if (!Number.isInteger(rowVersion))
      at(
        'Version',
        'Version is missing or changed: it must stay the number exported, so the import can tell whether someone changed this requirement since',
      );
    else if (rowVersion < current.version)
      at(
        'Version',
        `Changed in Fortytwo after this file was exported (now version ${current.version}, this row has ${rowVersion}): export again and redo this row's changes, so no one's answer is silently overwritten`,
      );
    else if (rowVersion > current.version)
      at(
        'Version',
        `Version ${rowVersion} is newer than the requirement's (${current.version}): this row does not come from an export of this assessment`,
      );
  }
  return issues.length ? { patch: {}, issues } : { patch: clean, issues };
}
