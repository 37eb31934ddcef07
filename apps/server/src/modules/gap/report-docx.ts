import type { AlignmentType, HeadingLevel, Table, TableCell } from 'docx';
import { loadDocx, type DocxLib } from '../../platform/documents/docx-lib';
import { controlMeta } from '../../platform/documents/control-block';
import { barColour, maturityText, percent, type GapReport, type SectionScore } from './report';

// The docx library, loaded by reportDocx (docx-lib.ts): every builder below runs after it.
let D: DocxLib;

// The gap report as a Word document. The chart is a table whose last 50 grid columns are the bar:
// a shaded cell spanning readiness ÷ 2 of them. It needs no image library, stays sharp at any zoom,
// and Word, LibreOffice and online viewers all draw it the same.

const FONT = 'Arial';
const PAGE_WIDTH = 11906; // A4, twentieths of a point
const MARGIN = 1134; // 2 cm
const CONTENT = PAGE_WIDTH - 2 * MARGIN; // 9638
const BAR_STEPS = 50; // 2 % per grid column
const BAR_STEP_WIDTH = 68;
// docx's BorderStyle values, written out: these are built when the module loads, before docx is.
const LINE = { style: 'single' as const, size: 4, color: 'D9D9D9' };
const NONE = { style: 'none' as const, size: 0, color: 'FFFFFF' };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
type TextOpts = { bold?: boolean; size?: number; color?: string; align?: Align; after?: number; keepNext?: boolean };

const p = (text: string, opts: TextOpts = {}) =>
  new D.Paragraph({
    alignment: opts.align ?? D.AlignmentType.LEFT,
    spacing: { after: opts.after ?? 0 },
    keepNext: opts.keepNext ?? false,
    children: [new D.TextRun({ text, bold: opts.bold ?? false, size: opts.size ?? 18, color: opts.color ?? '000000' })],
  });

type CellOpts = TextOpts & { fill?: string; span?: number; top?: boolean; note?: string };
const cell = (text: string, width: number, opts: CellOpts = {}) =>
  new D.TableCell({
    width: { size: width, type: D.WidthType.DXA },
    columnSpan: opts.span ?? 1,
    verticalAlign: opts.top ? D.VerticalAlign.TOP : D.VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(opts.fill ? { shading: { type: D.ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
    children: [
      p(text, opts),
      ...(opts.note ? [p(opts.note, { size: 14, color: '7F7F7F', keepNext: opts.keepNext ?? false })] : []),
    ],
  });

/** Score table with its bar chart: section, title, readiness, maturity, then the bar. */
function scoreChart(rows: SectionScore[], heading: string): Table {
  const widths = [1050, 3038, 1150, 1000];
  // Every row but the last keeps with the next, so the small table never splits across pages.
  const keep = { keepNext: true };
  const head = new D.TableRow({
    tableHeader: true,
    children: [
      cell(heading, widths[0]!, { bold: true, fill: 'F2F2F2', ...keep }),
      cell('Title', widths[1]!, { bold: true, fill: 'F2F2F2', ...keep }),
      cell('Readiness', widths[2]!, { bold: true, fill: 'F2F2F2', align: D.AlignmentType.RIGHT, ...keep }),
      cell('Maturity', widths[3]!, { bold: true, fill: 'F2F2F2', align: D.AlignmentType.RIGHT, ...keep }),
      // The scale: three header cells over the bar's 50 columns, at 0, 50 and 100 %.
      cell('0%', 17 * BAR_STEP_WIDTH, { span: 17, fill: 'F2F2F2', color: '7F7F7F', size: 15, ...keep }),
      cell('50%', 16 * BAR_STEP_WIDTH, {
        span: 16,
        fill: 'F2F2F2',
        color: '7F7F7F',
        size: 15,
        align: D.AlignmentType.CENTER,
        ...keep,
      }),
      cell('100%', 17 * BAR_STEP_WIDTH, {
        span: 17,
        fill: 'F2F2F2',
        color: '7F7F7F',
        size: 15,
        align: D.AlignmentType.RIGHT,
        ...keep,
      }),
    ],
  });
  const body = rows.map((r, i) => {
    const k = { keepNext: i < rows.length - 1 };
    const filled = r.readiness === null ? 0 : Math.round(r.readiness / (100 / BAR_STEPS));
    const bar: TableCell[] = [];
    if (filled > 0) bar.push(cell('', filled * BAR_STEP_WIDTH, { span: filled, fill: barColour(r.readiness), ...k }));
    if (filled < BAR_STEPS)
      bar.push(
        cell(r.readiness === null ? 'nothing applies' : '', (BAR_STEPS - filled) * BAR_STEP_WIDTH, {
          span: BAR_STEPS - filled,
          fill: 'EEEEEE',
          color: '7F7F7F',
          ...k,
        }),
      );
    return new D.TableRow({
      cantSplit: true,
      height: { value: 320, rule: D.HeightRule.ATLEAST },
      children: [
        cell(r.label, widths[0]!, { bold: true, ...k }),
        cell(r.title, widths[1]!, k),
        cell(percent(r.readiness), widths[2]!, { align: D.AlignmentType.RIGHT, ...k }),
        cell(maturityText(r.maturity), widths[3]!, { align: D.AlignmentType.RIGHT, ...k }),
        ...bar,
      ],
    });
  });
  return new D.Table({
    width: { size: CONTENT, type: D.WidthType.DXA },
    columnWidths: [...widths, ...Array<number>(BAR_STEPS).fill(BAR_STEP_WIDTH)],
    layout: D.TableLayoutType.FIXED,
    // White row rules separate the bars; no vertical rules, so each bar reads as one shape.
    borders: {
      top: LINE,
      bottom: LINE,
      left: NONE,
      right: NONE,
      insideHorizontal: { style: D.BorderStyle.SINGLE, size: 12, color: 'FFFFFF' },
      insideVertical: NONE,
    },
    rows: [head, ...body],
  });
}

function gapTable(r: GapReport): Table {
  const widths = [800, 3038, 1500, 1500, 1200, 1600];
  const headers = ['Ref', 'Requirement', 'Result', 'Owner', 'Target date', 'Open actions'];
  return new D.Table({
    width: { size: CONTENT, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
    rows: [
      new D.TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, widths[i]!, { bold: true, fill: 'F2F2F2' })),
      }),
      ...r.gaps.map(
        (g) =>
          new D.TableRow({
            cantSplit: true,
            children: [
              cell(g.ref, widths[0]!, { bold: true, top: true }),
              cell(g.title, widths[1]!, { top: true, ...(g.documentation ? { note: 'documented information' } : {}) }),
              cell(g.result, widths[2]!, { top: true, color: g.result === 'Not assessed' ? '7F7F7F' : '000000' }),
              cell(g.owner, widths[3]!, { top: true }),
              cell(g.targetDate, widths[4]!, { top: true }),
              cell(g.openActions, widths[5]!, { top: true }),
            ],
          }),
      ),
    ],
  });
}

const heading = (
  text: string,
  level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = D.HeadingLevel.HEADING_1,
  newPage = false,
) => new D.Paragraph({ heading: level, pageBreakBefore: newPage, keepNext: true, children: [new D.TextRun(text)] });
const body = (text: string) =>
  new D.Paragraph({ spacing: { after: 120 }, children: [new D.TextRun({ text, size: 20 })] });

export async function reportDocx(r: GapReport): Promise<Buffer> {
  D = await loadDocx();
  const titlePage = [
    p('Gap analysis report', { size: 52, bold: true, color: '1F3864', after: 240 }),
    p('ISO/IEC 42001 — AI management system', { size: 28, color: '404040', after: 720 }),
    p('Organization', { size: 18, color: '7F7F7F' }),
    p(r.organizationName, { size: 28, bold: true, after: 240 }),
    p('Assessment', { size: 18, color: '7F7F7F' }),
    p(r.assessmentName, { size: 28, bold: true, after: 60 }),
    p(r.assessmentState, { size: 20, after: 240 }),
    p('Report date', { size: 18, color: '7F7F7F' }),
    p(r.reportDate, { size: 28, bold: true, after: 1440 }),
    p(
      'Prepared with Fortytwo. Requirement references and titles are those of ISO/IEC 42001:2023; every other word in this report is our own, not the text of the standard.',
      {
        size: 16,
        color: '7F7F7F',
      },
    ),
  ];
  const twoColumns = (rows: string[][], widths: number[], head = false) =>
    new D.Table({
      width: { size: CONTENT, type: D.WidthType.DXA },
      columnWidths: widths,
      layout: D.TableLayoutType.FIXED,
      borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
      rows: rows.map(
        (row, i) =>
          new D.TableRow({
            tableHeader: head && i === 0,
            children: row.map((text, j) =>
              cell(text, widths[j]!, {
                bold: head ? i === 0 : j === 0,
                ...(head && i === 0 ? { fill: 'F2F2F2' } : {}),
              }),
            ),
          }),
      ),
    });
  const content = [
    heading('Document control'),
    twoColumns(controlMeta(r.control), [2600, CONTENT - 2600]),
    heading('Summary'),
    ...r.summary.map(body),
    new D.Table({
      width: { size: 5000, type: D.WidthType.DXA },
      columnWidths: [2400, 1300, 1300],
      layout: D.TableLayoutType.FIXED,
      borders: { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE },
      rows: [
        new D.TableRow({
          children: [
            cell('', 2400, { fill: 'F2F2F2' }),
            cell('Readiness', 1300, { bold: true, fill: 'F2F2F2', align: D.AlignmentType.RIGHT }),
            cell('Maturity', 1300, { bold: true, fill: 'F2F2F2', align: D.AlignmentType.RIGHT }),
          ],
        }),
        ...r.overall.map(
          (o) =>
            new D.TableRow({
              children: [
                cell(o.label, 2400, { bold: true }),
                cell(percent(o.readiness), 1300, { align: D.AlignmentType.RIGHT }),
                cell(maturityText(o.maturity), 1300, { align: D.AlignmentType.RIGHT }),
              ],
            }),
        ),
      ],
    }),
    heading('How readiness is computed', D.HeadingLevel.HEADING_2),
    body(r.formula),
    body('Maturity is the average of the ratings given, from 0 (absent) to 5 (optimizing); "–" means no rating yet.'),
    heading('Readiness by clause and Annex A group', D.HeadingLevel.HEADING_1, true),
    body('Bars: red below 50%, amber from 50% to 79%, green from 80%. "n/a": nothing in that part applies.'),
    scoreChart(r.clauses, 'Clause'),
    p('', { after: 240 }),
    scoreChart(r.groups, 'Annex A'),
    heading('Gap list', D.HeadingLevel.HEADING_1, true),
    body(r.gapIntro),
    ...(r.gaps.length ? [gapTable(r)] : []),
    heading('Change log'),
    r.control.changeLog.length
      ? twoColumns(
          [['Version', 'Date', 'By', 'Change'], ...r.control.changeLog.map((e) => [e.version, e.date, e.by, e.change])],
          [1000, 1400, 2400, CONTENT - 4800],
          true,
        )
      : body('No snapshot frozen yet: this report shows the working assessment.'),
  ];
  const doc = new D.Document({
    creator: 'Fortytwo',
    title: `Gap analysis report — ${r.assessmentName}`,
    description: `ISO/IEC 42001 gap analysis of ${r.organizationName}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 } },
        heading1: {
          run: { font: FONT, size: 32, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { font: FONT, size: 24, bold: true, color: '1F3864' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: 16838 },
            margin: { top: 2268, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: titlePage,
      },
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: 16838 },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: {
          default: new D.Header({
            children: [
              p(`${r.control.documentId} · ${r.organizationName} · ${r.assessmentName} · gap analysis report`, {
                size: 16,
                color: '7F7F7F',
              }),
            ],
          }),
        },
        footers: {
          default: new D.Footer({
            children: [
              new D.Paragraph({
                alignment: D.AlignmentType.RIGHT,
                children: [
                  new D.TextRun({
                    size: 16,
                    color: '7F7F7F',
                    children: ['Page ', D.PageNumber.CURRENT, ' of ', D.PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: content,
      },
    ],
  });
  return D.Packer.toBuffer(doc);
}
