import type ExcelJS from 'exceljs';
import { loadExcelJs } from '../../platform/exceljs';
import { ANNEX_A_GROUPS, CLAUSE_NUMBERS, SCORE_FORMULA } from '@fortytwo/domain';
import { requirementByRef } from './requirements';
import type { GapItem } from './schema';
import type { scoresOf } from './service';
import {
  ASSESSMENT_SHEET,
  COLUMNS,
  columnIndex,
  exportRow,
  MATURITY_CHOICES,
  META_SHEET,
  RESULT_CHOICES,
  SCORES_SHEET,
  sectionTitle,
  STATUS_CHOICES,
  WORKBOOK_TEMPLATE,
  WORKBOOK_TEMPLATE_VERSION,
} from './workbook-template';

// The gap assessment as an .xlsx for people who work in Excel or LibreOffice: one row per
// requirement, the guidance beside the answer cells, and a hidden sheet that lets the import
// recognise the file (template, assessment) before it reads a single answer.

export type WorkbookInput = {
  organizationName: string;
  assessment: { id: string; name: string; kind: 'working' | 'snapshot'; frozenAt: string | null };
  items: GapItem[];
  scores: ReturnType<typeof scoresOf>;
  exportedAt: string;
};

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F4F6F' } } as const;
const ANSWER_HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F6F4F' } } as const;
const TOP_WRAP = { vertical: 'top', wrapText: true } as const;
// A font object replaces the default one, so every styled cell names the family again.
const FONT = { name: 'Calibri', size: 11 } as const;
const LINE_HEIGHT = 15; // points per line of 11-point text

/**
 * Excel and LibreOffice do not grow rows to fit wrapped text when opening a file, so the row heights
 * are estimated here: the guidance must be readable without resizing 70 rows by hand.
 */
function rowHeight(values: (string | number | null)[]): number {
  let lines = 1;
  COLUMNS.forEach((c, i) => {
    const text = values[i] === null || values[i] === undefined ? '' : String(values[i]);
    const perLine = Math.max(1, Math.floor(c.width * 1.1)); // a column's width counts "0" digits; text runs a little narrower
    const n = text.split('\n').reduce((sum, para) => sum + Math.max(1, Math.ceil(para.length / perLine)), 0);
    lines = Math.max(lines, n);
  });
  return Math.min(409, lines * LINE_HEIGHT + 4);
}

/** A dropdown that refuses anything else in Excel and LibreOffice; the import checks again anyway. */
const list = (choices: (string | number)[], what: string): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${choices.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'stop',
  errorTitle: `Not a valid ${what}`,
  error: `Choose one of: ${choices.join(', ')}; or leave it empty.`,
});

function assessmentSheet(wb: ExcelJS.Workbook, input: WorkbookInput) {
  const ws = wb.addWorksheet(ASSESSMENT_SHEET, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = ws.getRow(1);
  header.height = 32;
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = c.role === 'answer' ? ANSWER_HEADER_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.note = c.note;
  });

  for (const item of input.items) {
    const req = requirementByRef(item.ref);
    if (!req) continue; // an item whose requirement left the catalogue cannot be matched on import either
    const values = exportRow(req, item);
    const row = ws.addRow(values);
    row.height = rowHeight(values);
    COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.alignment = TOP_WRAP;
      // Guidance, the ref and the version are not answers: grey says "do not type here".
      if (c.role !== 'answer') cell.fill = GREY;
      if (c.role === 'key') cell.font = { ...FONT, bold: true };
    });
    row.getCell(columnIndex('Status') + 1).dataValidation = list(STATUS_CHOICES, 'status');
    row.getCell(columnIndex('Result') + 1).dataValidation = list(RESULT_CHOICES, 'result');
    row.getCell(columnIndex('Maturity (0–5)') + 1).dataValidation = list(MATURITY_CHOICES, 'maturity');
    // Text, so Excel keeps "2027-03-31" as typed instead of turning it into a locale date.
    row.getCell(columnIndex('Target date (YYYY-MM-DD)') + 1).numFmt = '@';
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  ws.pageSetup = { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printTitlesRow = '1:1';
}

const pct = (n: number | null) => (n === null ? 'n/a' : n);

function scoresSheet(wb: ExcelJS.Workbook, input: WorkbookInput) {
  const s = input.scores;
  const ws = wb.addWorksheet(SCORES_SHEET);
  ws.columns = [{ width: 12 }, { width: 46 }, { width: 16 }, { width: 22 }];
  ws.pageSetup = { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.addRow([`Readiness of "${input.assessment.name}" (${input.organizationName})`]).font = {
    ...FONT,
    bold: true,
    size: 13,
  };
  ws.addRow([
    `As exported on ${input.exportedAt.slice(0, 10)}. Fortytwo recomputes these figures after every change and import.`,
  ]);
  ws.addRow([]);
  const head = ws.addRow(['Part', 'Name', 'Readiness (%)', 'Average maturity (0–5)']);
  head.font = { ...FONT, bold: true };
  const rows: [string, string, number | null, number | null][] = [
    ['Overall', `All ${s.counts.total} requirements`, s.overall, s.maturity.overall],
    ['Clauses', 'Clauses 4–10', s.clauses, s.maturity.clauses],
    ['Annex A', 'Annex A controls', s.annexA, s.maturity.annexA],
    ...CLAUSE_NUMBERS.map((c): [string, string, number | null, number | null] => [
      `Clause ${c}`,
      sectionTitle(c),
      s.byClause[c] ?? null,
      s.maturity.byClause[c] ?? null,
    ]),
    ...ANNEX_A_GROUPS.map((g): [string, string, number | null, number | null] => [
      g,
      sectionTitle(g),
      s.byGroup[g] ?? null,
      s.maturity.byGroup[g] ?? null,
    ]),
  ];
  for (const [part, name, readiness, maturity] of rows) ws.addRow([part, name, pct(readiness), pct(maturity)]);
  ws.addRow([]);
  ws.addRow(['How readiness is computed']).font = { ...FONT, bold: true };
  const formula = ws.addRow([SCORE_FORMULA]);
  ws.mergeCells(formula.number, 1, formula.number, 4);
  formula.getCell(1).alignment = TOP_WRAP;
  formula.height = 45;
  ws.addRow(['"n/a" means nothing in that part applies.']);
  ws.addRow([]);
  ws.addRow(['Counts']).font = { ...FONT, bold: true };
  const c = s.counts;
  for (const [label, n] of [
    ['Requirements', c.total],
    ['Applicable', c.applicable],
    ['Answered', c.answered],
    ['Conformant', c.conformant],
    ['Partially conformant', c.partiallyConformant],
    ['Nonconformant', c.nonconformant],
    ['Not applicable', c.notApplicable],
    ['Not assessed yet', c.unanswered],
    ['Documented information still missing', s.documentationGaps],
  ] as const) {
    ws.addRow([label, '', n]).getCell(1).alignment = { wrapText: false };
  }
}

function metaSheet(wb: ExcelJS.Workbook, input: WorkbookInput) {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  ws.columns = [{ width: 20 }, { width: 50 }];
  ws.addRows([
    ['template', WORKBOOK_TEMPLATE],
    ['templateVersion', WORKBOOK_TEMPLATE_VERSION],
    ['assessmentId', input.assessment.id],
    ['assessmentName', input.assessment.name],
    ['assessmentKind', input.assessment.kind],
    ['exportedAt', input.exportedAt],
  ]);
}

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Fortytwo';
  wb.created = new Date(input.exportedAt);
  wb.title = input.assessment.name;
  assessmentSheet(wb, input);
  scoresSheet(wb, input);
  metaSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
