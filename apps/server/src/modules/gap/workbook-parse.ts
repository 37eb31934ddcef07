import ExcelJS from 'exceljs';
import { MATURITY_LABELS, ZGapItemPatch, type GapItemPatch } from '@fortytwo/domain';
import { AppError } from '../../platform/errors';
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

/** The most rows an honest upload has: 70 requirements and the blank rows people leave. */
const MAX_ROWS = 2000;

export const rejectFile = (reason: 'unreadable' | 'wrong_template' | 'other_assessment' | 'too_large' | 'not_multipart', message: string) => new AppError('IMPORT_REJECTED', `${message} Nothing was changed.`, { reason, issues: [] });

type Plain = string | number | boolean | Date | null | { error: string };

/** A cell's value without Excel's wrappers: rich text joined, hyperlinks as shown, formulas as their last result. */
function plain(v: ExcelJS.CellValue): Plain {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : v.hyperlink;
  if ('error' in v) return { error: `the cell shows the error ${v.error}: type a value instead` };
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? { error: 'the cell holds a formula without a computed value: type the value instead' } : plain(v.result);
  return null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function text(p: Plain): string {
  if (p === null || typeof p === 'object') return p instanceof Date ? isoDay(p) : '';
  return String(p).replace(/\r\n?/g, '\n');
}

export async function readWorkbook(bytes: Buffer): Promise<{ meta: WorkbookMeta; rows: WorkbookRow[] }> {
  if (bytes.length === 0) throw rejectFile('unreadable', 'The uploaded file is empty.');
  // Every .xlsx is a zip archive; anything else (.xls, .csv, .ods saved as such, a PDF) is not ours to guess at.
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') {
    throw rejectFile('unreadable', 'The uploaded file is not an .xlsx workbook (.xls, .csv and .ods files cannot be imported). Export the assessment to Excel, edit that file and keep it as .xlsx.');
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw rejectFile('unreadable', 'The uploaded file is not a readable .xlsx workbook. Export the assessment to Excel, edit that file and save it as .xlsx.');
  }
  const meta = readMeta(wb);
  const ws = wb.getWorksheet(ASSESSMENT_SHEET);
  if (!ws) throw rejectFile('wrong_template', `The workbook has no sheet named "${ASSESSMENT_SHEET}": it must keep the sheets as exported.`);
  checkHeader(ws);
  if (ws.actualRowCount > MAX_ROWS) throw rejectFile('wrong_template', `The sheet "${ASSESSMENT_SHEET}" has ${ws.actualRowCount} rows; an assessment has at most ${MAX_ROWS}.`);

  const rows: WorkbookRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return;
    const cells = new Map<string, Plain>();
    COLUMNS.forEach((c, i) => cells.set(c.header, plain(r.getCell(i + 1).value)));
    const ref = text(cells.get('Ref') ?? null).trim();
    // Rows with nothing to read are what people leave between blocks: not an error.
    if (!ref && COLUMNS.every((c) => c.role === 'guidance' || text(cells.get(c.header) ?? null).trim() === '')) return;
    rows.push({ row: n, ref, cells });
  });
  return { meta, rows };
}

function readMeta(wb: ExcelJS.Workbook): WorkbookMeta {
  const ws = wb.getWorksheet(META_SHEET);
  const notOurs = 'This workbook is not a Fortytwo gap assessment export (its hidden "fortytwo" sheet is missing or changed). Export the assessment to Excel, fill in that file and import it.';
  if (!ws) throw rejectFile('wrong_template', notOurs);
  const values = new Map<string, string>();
  ws.eachRow((r) => values.set(text(plain(r.getCell(1).value)), text(plain(r.getCell(2).value))));
  if (values.get('template') !== WORKBOOK_TEMPLATE || !values.get('assessmentId')) throw rejectFile('wrong_template', notOurs);
  const version = values.get('templateVersion');
  if (version !== String(WORKBOOK_TEMPLATE_VERSION)) {
    throw rejectFile('wrong_template', `This workbook was made with version ${version ?? '?'} of the gap workbook; this Fortytwo reads version ${WORKBOOK_TEMPLATE_VERSION}. Export the assessment again and copy your answers into the new file.`);
  }
  return { assessmentId: values.get('assessmentId')!, assessmentName: values.get('assessmentName') ?? '', exportedAt: values.get('exportedAt') ?? '' };
}

function checkHeader(ws: ExcelJS.Worksheet) {
  const fold = (s: string) => s.trim().toLowerCase();
  const row = ws.getRow(1);
  HEADERS.forEach((expected, i) => {
    const found = text(plain(row.getCell(i + 1).value));
    if (fold(found) !== fold(expected)) {
      throw rejectFile(
        'wrong_template',
        `Column ${row.getCell(i + 1).address.replace(/\d+$/, '')} of the sheet "${ASSESSMENT_SHEET}" should be headed "${expected}" but is ${found ? `"${found}"` : 'empty'}: keep the columns as exported (hide a column rather than delete or move it).`,
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
export const issueAt = (row: number, ref: string | null, column: string, message: string): ImportIssue => ({ row, ref, column, cell: `${columnLetter(column)}${row}`, message });

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const FIELD_OF_PATCH_KEY: Record<string, AnswerField> = { status: 'status', result: 'result', maturity: 'maturity', justification: 'justification', notes: 'notes', ownerId: 'owner', targetDate: 'targetDate', evidenceLinks: 'evidenceLinks' };
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
export function rowPatch(r: WorkbookRow, current: GapItem, members: Map<string, string>): { patch: ImportPatch; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const at = (field: AnswerField | 'Version', message: string) => issues.push(issueAt(r.row, r.ref, field === 'Version' ? 'Version' : headerOf(field), message));
  const cell = (field: AnswerField) => r.cells.get(headerOf(field)) ?? null;
  for (const c of COLUMNS) {
    const v = r.cells.get(c.header);
    if (c.role !== 'guidance' && v && typeof v === 'object' && !(v instanceof Date)) issues.push(issueAt(r.row, r.ref, c.header, `${c.header}: ${v.error}`));
  }
  if (issues.length) return { patch: {}, issues };

  const patch: ImportPatch & Record<string, unknown> = {};
  const statusText = text(cell('status')).trim();
  const status = statusFromText(statusText);
  if (!status) at('status', statusText ? `Status "${statusText}" is not one of: Not started, In progress, Done` : 'Status is empty: choose Not started, In progress or Done');
  else if (status !== current.status) patch.status = status;

  const resultText = text(cell('result')).trim();
  const result = resultText === '' ? null : resultFromText(resultText);
  if (result === undefined) at('result', `Result "${resultText}" is not one of: Conformant, Partially conformant, Nonconformant, Not applicable (or empty when not assessed yet)`);
  else if (result !== current.result) patch.result = result;

  const maturity = maturityOf(cell('maturity'));
  if (maturity === undefined) at('maturity', `Maturity "${text(cell('maturity'))}" must be a whole number from 0 to 5, or empty`);
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
    else at('owner', `${email} is not a current member of this organization: invite them first, or choose a member`);
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
      const detail = key === 'evidenceLinks' && typeof i.path[1] === 'number' ? ` (line ${i.path[1] + 1}: "${links[i.path[1]]}")` : key === 'targetDate' ? ` ("${date}")` : '';
      issues.push(issueAt(r.row, r.ref, columnOfPatchKey(key), `${i.message}${detail}`));
    }
  }
  if (issues.length || !checked.success) return { patch: {}, issues };
  const { version: _v, ...clean } = checked.data;

  if (Object.keys(clean).length > 0) {
    const v = r.cells.get('Version') ?? null;
    const rowVersion = typeof v === 'number' ? v : Number(text(v).trim() || NaN);
    if (!Number.isInteger(rowVersion)) at('Version', 'Version is missing or changed: it must stay the number exported, so the import can tell whether someone changed this requirement since');
    else if (rowVersion < current.version) at('Version', `Changed in Fortytwo after this file was exported (now version ${current.version}, this row has ${rowVersion}): export again and redo this row's changes, so no one's answer is silently overwritten`);
    else if (rowVersion > current.version) at('Version', `Version ${rowVersion} is newer than the requirement's (${current.version}): this row does not come from an export of this assessment`);
  }
  return issues.length ? { patch: {}, issues } : { patch: clean, issues };
}
