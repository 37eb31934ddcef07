import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
  columnShares,
  generatedLabel,
  tableRows,
  type DocBlock,
  type DocSection,
  type DocTable,
  type ReportDocument,
} from './model';
import { pdfmake } from './pdfmake';

// A register as a PDF, the twin of docx.ts: same blocks in the same order, styled like the gap
// report's PDF.

const NAVY = '#1F3864';
const GREY = '#7F7F7F';
const RULE = '#BFBFBF';
const MARGIN = 50; // points
const A4 = { short: 595.28, long: 841.89 };

const rules = (headerFill: string | null): CustomTableLayout => ({
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.6 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (i) => (i === 0 ? headerFill : null),
});

const KEEP_WHOLE_LINES = 30; // a landscape page holds about 40 lines of the tables' text
const CHAR = 4.5; // points: a generous average for 8.5 pt Roboto
const lineCount = (text: string, width: number) => {
  const perLine = Math.max(1, Math.floor((width - 8) / CHAR));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
};

function metaTable(meta: ReportDocument['meta']): Content {
  const body: TableCell[][] = meta.map(([label, value]) => [
    { text: label, bold: true, color: '#404040', fillColor: '#F2F2F2' },
    { text: value },
  ]);
  return {
    table: { widths: ['28%', '72%'], dontBreakRows: true, body },
    layout: rules(null),
    fontSize: 9.5,
    margin: [0, 0, 0, 6],
  };
}

function dataTable(table: DocTable, width: number): Content[] {
  // Percentages, not points: pdfmake subtracts each column's padding from them, so the table
  // spans the text width exactly. A header character of 8.5 pt Roboto Medium needs about 5.1 pt.
  const shares = columnShares(table, (chars) => (chars * 5.1 + 8) / width);
  const widths = shares.map((s) => `${(s * 100).toFixed(3)}%`);
  const head: TableCell[] = table.columns.map((c) => ({ text: c.header, bold: true, color: NAVY }));
  const rows = tableRows(table);
  const body: TableCell[][] = rows.map((row) => row.map((text): TableCell => ({ text })));
  // Rows are kept whole only when every one surely fits on a page: pdfmake silently drops an
  // unbreakable row taller than the page.
  const fits = rows.every((row) => row.every((text, i) => lineCount(text, shares[i]! * width) < KEEP_WHOLE_LINES));
  return [
    {
      table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: fits, widths, body: [head, ...body] },
      layout: rules('#D9E2F3'),
      fontSize: 8.5,
      margin: [0, 2, 0, 4],
    },
    ...(table.rows.length ? [] : [{ text: 'No entries.', color: GREY, fontSize: 9 } as Content]),
  ];
}

const richText = (runs: Extract<DocBlock, { runs: unknown }>['runs']) =>
  runs.map((r) => (r.lineBreak ? { text: '\n' } : { text: r.text, bold: r.bold ?? false, italics: r.italic ?? false }));

function block(b: DocBlock): Content {
  if (b.kind === 'heading') return { text: b.text, style: 'h2' };
  if (b.kind === 'paragraph') return { text: richText(b.runs), margin: [0, 0, 0, 6] };
  const indent = 12 * (b.level + 1);
  return {
    columns: [
      { text: b.ordered ? `${b.number}.` : '•', width: 14 },
      { text: richText(b.runs), width: '*' },
    ],
    columnGap: 2,
    margin: [indent, 0, 0, 3],
  };
}

function section(s: DocSection, width: number): Content[] {
  return [
    { text: s.heading, style: 'h1', headlineLevel: 1 },
    ...(s.blocks ?? []).map(block),
    ...(s.paragraphs ?? []).map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
    // A copy: pdfmake writes its layout into the list it is given (each string becomes an object), and
    // the same document is drawn as a .docx too, maybe at the same time (documents/approval.ts).
    ...(s.bullets?.length ? [{ ul: [...s.bullets], margin: [0, 0, 0, 6] } as Content] : []),
    ...(s.table?.columns.length ? dataTable(s.table, width) : []),
  ];
}

export function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const width = (doc.orientation === 'landscape' ? A4.long : A4.short) - 2 * MARGIN;
  const footerText = `${doc.organizationName} · ${doc.title}`;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: doc.orientation,
    pageMargins: [MARGIN, MARGIN, MARGIN, MARGIN],
    info: { title: doc.title, author: doc.organizationName, creator: 'Fortytwo', subject: doc.subtitle ?? doc.title },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 14, bold: true, color: NAVY, margin: [0, 16, 0, 6] },
      h2: { fontSize: 11.5, bold: true, color: NAVY, margin: [0, 8, 0, 4] },
    },
    ...(doc.pageHeader
      ? {
          header: {
            text: doc.pageHeader,
            alignment: 'right',
            fontSize: 8,
            color: GREY,
            margin: [MARGIN, 20, MARGIN, 0],
          },
        }
      : {}),
    // A heading left alone at the foot of a page moves to the next, with what it introduces.
    pageBreakBefore: (node, query) => node.headlineLevel === 1 && query.getFollowingNodesOnPage().length === 0,
    footer: (page, pages) => ({
      columns: [
        { text: footerText, width: '*' },
        { text: `Page ${page} of ${pages}`, width: 'auto', alignment: 'right' },
      ],
      fontSize: 8,
      color: GREY,
      margin: [MARGIN, 18, MARGIN, 0],
    }),
    content: [
      { text: doc.title, fontSize: 22, bold: true, color: NAVY, margin: [0, 0, 0, 4] },
      ...(doc.subtitle
        ? [{ text: doc.subtitle, fontSize: 12, color: '#404040', margin: [0, 0, 0, 4] } as Content]
        : []),
      { text: doc.organizationName, fontSize: 12, bold: true, margin: [0, 0, 0, 2] },
      { text: `Generated ${generatedLabel(doc.generatedAt)}`, fontSize: 9, color: GREY, margin: [0, 0, 0, 12] },
      ...(doc.meta.length ? [metaTable(doc.meta)] : []),
      ...doc.sections.flatMap((s) => section(s, width)),
    ],
  };
  return pdfmake().createPdf(definition).getBuffer();
}
