import type { Paragraph, Table } from 'docx';
import { loadDocx, type DocxLib } from './docx-lib';
import {
  columnShares,
  generatedLabel,
  tableRows,
  type DocBlock,
  type DocSection,
  type DocTable,
  type ReportDocument,
} from './model';

// The docx library, loaded by renderDocx (docx-lib.ts): every builder below runs after it.
let D: DocxLib;

// A register as a Word document, styled like the gap report (Arial, navy headings, light rules)
// so every file Fortytwo hands an auditor looks like it came from the same place.

const FONT = 'Arial';
const NAVY = '1F3864';
const GREY = '7F7F7F';
const A4 = { short: 11906, long: 16838 }; // twentieths of a point
const MARGIN = 1134; // 2 cm
// docx's BorderStyle values, written out: these are built when the module loads, before docx is.
const LINE = { style: 'single' as const, size: 4, color: 'BFBFBF' };
const NONE = { style: 'none' as const, size: 0, color: 'FFFFFF' };
const BORDERS = { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE };
// A row is kept on one page only when it surely fits on one, because Word clips an unsplittable
// row taller than the page instead of continuing it. A landscape page holds about 40 lines.
const KEEP_WHOLE_LINES = 30;
const CHAR = 90; // twips: a generous average for 9 pt Arial

type RunOpts = { bold?: boolean; size?: number; color?: string };

/** '\n' becomes a line break inside the same paragraph, so a cell keeps one paragraph's spacing. */
const runs = (text: string, opts: RunOpts = {}) =>
  text.split('\n').map(
    (line, i) =>
      new D.TextRun({
        text: line,
        break: i > 0 ? 1 : 0,
        bold: opts.bold ?? false,
        size: opts.size ?? 18,
        color: opts.color ?? '000000',
      }),
  );

const para = (text: string, opts: RunOpts & { after?: number } = {}) =>
  new D.Paragraph({ spacing: { after: opts.after ?? 0 }, children: runs(text, opts) });

const cell = (text: string, width: number, opts: RunOpts & { fill?: string } = {}) =>
  new D.TableCell({
    width: { size: width, type: D.WidthType.DXA },
    verticalAlign: D.VerticalAlign.TOP,
    margins: { top: 50, bottom: 50, left: 80, right: 80 },
    ...(opts.fill ? { shading: { type: D.ShadingType.CLEAR, fill: opts.fill, color: 'auto' } } : {}),
    children: [para(text, opts)],
  });

const lineCount = (text: string, width: number) => {
  const perLine = Math.max(1, Math.floor((width - 160) / CHAR));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
};

function metaTable(meta: ReportDocument['meta'], content: number): Table {
  const widths = [Math.round(content * 0.28), content - Math.round(content * 0.28)];
  return new D.Table({
    width: { size: content, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    borders: BORDERS,
    rows: meta.map(
      ([label, value]) =>
        new D.TableRow({
          cantSplit: true,
          children: [
            cell(label, widths[0]!, { bold: true, color: '404040', fill: 'F2F2F2', size: 19 }),
            cell(value, widths[1]!, { size: 19 }),
          ],
        }),
    ),
  });
}

function dataTable(table: DocTable, content: number): Table {
  // Bold 9 pt Arial averages under 0.6 em (108 twips) a character; 160 twips are the cell's margins.
  const shares = columnShares(table, (chars) => (chars * 108 + 160) / content);
  const widths = shares.map((s) => Math.floor(s * content));
  // Rounding leftovers go to the last column so the table spans the page exactly.
  widths[widths.length - 1]! += content - widths.reduce((a, b) => a + b, 0);
  const head = new D.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.header, widths[i]!, { bold: true, fill: 'D9E2F3', color: NAVY })),
  });
  const body = tableRows(table).map(
    (row) =>
      new D.TableRow({
        cantSplit: Math.max(...row.map((text, i) => lineCount(text, widths[i]!))) < KEEP_WHOLE_LINES,
        children: row.map((text, i) => cell(text, widths[i]!)),
      }),
  );
  return new D.Table({
    width: { size: content, type: D.WidthType.DXA },
    columnWidths: widths,
    layout: D.TableLayoutType.FIXED,
    borders: BORDERS,
    rows: [head, ...body],
  });
}

const richRuns = (runs: Extract<DocBlock, { runs: unknown }>['runs']) =>
  runs.map((r) =>
    r.lineBreak
      ? new D.TextRun({ text: '', break: 1, size: 20 })
      : new D.TextRun({ text: r.text, bold: r.bold ?? false, italics: r.italic ?? false, size: 20 }),
  );

function block(b: DocBlock): Paragraph {
  if (b.kind === 'heading')
    return new D.Paragraph({ heading: D.HeadingLevel.HEADING_2, keepNext: true, children: [new D.TextRun(b.text)] });
  if (b.kind === 'paragraph') return new D.Paragraph({ spacing: { after: 120 }, children: richRuns(b.runs) });
  // Numbered items carry their number as text: Word numbering definitions would restart or run on across lists.
  if (b.ordered)
    return new D.Paragraph({
      indent: { left: 360 * (b.level + 1), hanging: 300 },
      spacing: { after: 60 },
      children: [new D.TextRun({ text: `${b.number}.\t`, size: 20 }), ...richRuns(b.runs)],
    });
  return new D.Paragraph({
    bullet: { level: Math.min(b.level, 8) },
    spacing: { after: 60 },
    children: richRuns(b.runs),
  });
}

function section(s: DocSection, content: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new D.Paragraph({ heading: D.HeadingLevel.HEADING_1, keepNext: true, children: [new D.TextRun(s.heading)] }),
    ...(s.blocks ?? []).map(block),
  ];
  for (const text of s.paragraphs ?? [])
    out.push(new D.Paragraph({ spacing: { after: 120 }, children: runs(text, { size: 20 }) }));
  for (const text of s.bullets ?? [])
    out.push(new D.Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: runs(text, { size: 20 }) }));
  // A table without columns has nothing to draw, and Word rejects an empty grid.
  if (s.table?.columns.length) {
    out.push(dataTable(s.table, content));
    if (!s.table.rows.length) out.push(para('No entries.', { size: 18, color: GREY }));
  }
  return out;
}

export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  D = await loadDocx();
  const landscape = doc.orientation === 'landscape';
  const content = (landscape ? A4.long : A4.short) - 2 * MARGIN;
  const footerText = `${doc.organizationName} · ${doc.title}`;
  const document = new D.Document({
    creator: 'Fortytwo',
    title: doc.title,
    description: `${doc.title} of ${doc.organizationName}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: 20 } },
        heading1: {
          run: { font: FONT, size: 28, bold: true, color: NAVY },
          paragraph: { spacing: { before: 360, after: 140 } },
        },
        heading2: {
          run: { font: FONT, size: 22, bold: true, color: NAVY },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    sections: [
      {
        // docx swaps width and height itself when the orientation is landscape.
        properties: {
          page: {
            size: {
              width: A4.short,
              height: A4.long,
              orientation: landscape ? D.PageOrientation.LANDSCAPE : D.PageOrientation.PORTRAIT,
            },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        ...(doc.pageHeader
          ? {
              headers: {
                default: new D.Header({
                  children: [
                    new D.Paragraph({
                      alignment: 'right',
                      children: [new D.TextRun({ text: doc.pageHeader, size: 16, color: GREY })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new D.Footer({
            children: [
              new D.Paragraph({
                tabStops: [{ type: D.TabStopType.RIGHT, position: content }],
                children: [
                  new D.TextRun({ text: footerText, size: 16, color: GREY }),
                  new D.TextRun({
                    size: 16,
                    color: GREY,
                    children: ['\tPage ', D.PageNumber.CURRENT, ' of ', D.PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          para(doc.title, { size: 44, bold: true, color: NAVY, after: 80 }),
          ...(doc.subtitle ? [para(doc.subtitle, { size: 24, color: '404040', after: 80 })] : []),
          para(doc.organizationName, { size: 24, bold: true, after: 60 }),
          para(`Generated ${generatedLabel(doc.generatedAt)}`, { size: 18, color: GREY, after: 240 }),
          ...(doc.meta.length ? [metaTable(doc.meta, content)] : []),
          ...doc.sections.flatMap((s) => section(s, content)),
        ],
      },
    ],
  });
  return D.Packer.toBuffer(document);
}
