import type { CanvasElement, Content, CustomTableLayout, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { controlMeta } from '../../platform/documents/control-block';
import { pdfmake } from '../../platform/documents/pdfmake';
import { barColour, maturityText, percent, type GapReport, type SectionScore } from './report';

// The gap report as a PDF, drawn with pdfmake: the bar chart is vector shapes (canvas), so it
// prints sharp, and pdfmake is pure JavaScript, so the server needs no native library.

const NAVY = '#1F3864';
const GREY = '#7F7F7F';
const RULE = '#D9D9D9';
const BAR = 170; // points: the chart column's width

const rules: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.3),
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingTop: () => 3,
  paddingBottom: () => 3,
  fillColor: (i) => (i === 0 ? '#F2F2F2' : null),
};

function bar(readiness: number | null): Content {
  const shapes: CanvasElement[] = [{ type: 'rect', x: 0, y: 1, w: BAR, h: 9, color: '#EEEEEE' }];
  if (readiness !== null && readiness > 0)
    shapes.push({ type: 'rect', x: 0, y: 1, w: (BAR * readiness) / 100, h: 9, color: `#${barColour(readiness)}` });
  // Quarter marks help read the length without a grid behind the table.
  for (const q of [0.25, 0.5, 0.75])
    shapes.push({ type: 'line', x1: BAR * q, y1: 1, x2: BAR * q, y2: 10, lineWidth: 0.6, lineColor: '#FFFFFF' });
  return { canvas: shapes };
}

function scoreChart(rows: SectionScore[], heading: string): Content {
  const head: TableCell[] = [
    { text: heading, bold: true },
    { text: 'Title', bold: true },
    { text: 'Readiness', bold: true, alignment: 'right' },
    { text: 'Maturity', bold: true, alignment: 'right' },
    {
      columns: [
        { text: '0%', width: '*' },
        { text: '50%', width: '*', alignment: 'center' },
        { text: '100%', width: '*', alignment: 'right' },
      ],
      color: GREY,
      fontSize: 7.5,
    },
  ];
  const body: TableCell[][] = rows.map((r) => [
    { text: r.label, bold: true },
    { text: r.title },
    { text: percent(r.readiness), alignment: 'right' },
    { text: maturityText(r.maturity), alignment: 'right' },
    r.readiness === null ? { text: 'nothing applies', color: GREY, fontSize: 7.5 } : bar(r.readiness),
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [48, 152, 45, 40, BAR], body: [head, ...body] },
    layout: rules,
    fontSize: 9,
    margin: [0, 4, 0, 14],
  };
}

function gapTable(r: GapReport): Content {
  const head: TableCell[] = ['Ref', 'Requirement', 'Result', 'Owner', 'Target date', 'Open actions'].map((h) => ({
    text: h,
    bold: true,
  }));
  const body: TableCell[][] = r.gaps.map((g) => [
    { text: g.ref, bold: true },
    { text: [g.title, ...(g.documentation ? [{ text: '\ndocumented information', color: GREY, fontSize: 7 }] : [])] },
    { text: g.result, color: g.result === 'Not assessed' ? GREY : '#000000' },
    { text: g.owner },
    { text: g.targetDate },
    { text: g.openActions },
  ]);
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [36, '*', 70, 78, 52, 70], body: [head, ...body] },
    layout: rules,
    fontSize: 8.5,
  };
}

const label = (text: string): Content => ({ text, color: GREY, fontSize: 9, margin: [0, 14, 0, 2] });

export function reportPdf(r: GapReport): Promise<Buffer> {
  const overall: TableCell[][] = [
    [
      { text: '' },
      { text: 'Readiness', bold: true, alignment: 'right' },
      { text: 'Maturity', bold: true, alignment: 'right' },
    ],
    ...r.overall.map((o): TableCell[] => [
      { text: o.label, bold: true },
      { text: percent(o.readiness), alignment: 'right' },
      { text: maturityText(o.maturity), alignment: 'right' },
    ]),
  ];
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [50, 56, 50, 50],
    info: {
      title: `Gap analysis report — ${r.assessmentName}`,
      author: r.organizationName,
      creator: 'Fortytwo',
      subject: 'ISO/IEC 42001 gap analysis',
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 16, bold: true, color: NAVY, margin: [0, 16, 0, 8] },
      h2: { fontSize: 12, bold: true, color: NAVY, margin: [0, 10, 0, 4] },
    },
    header: (page) =>
      page === 1
        ? null
        : {
            text: `${r.control.documentId} · ${r.organizationName} · ${r.assessmentName} · gap analysis report`,
            fontSize: 8,
            color: GREY,
            margin: [50, 24, 50, 0],
          },
    footer: (page, pages) =>
      page === 1
        ? null
        : { text: `Page ${page} of ${pages}`, fontSize: 8, color: GREY, alignment: 'right', margin: [50, 16, 50, 0] },
    content: [
      { text: 'Gap analysis report', fontSize: 28, bold: true, color: NAVY, margin: [0, 90, 0, 6] },
      { text: 'ISO/IEC 42001 — AI management system', fontSize: 14, color: '#404040', margin: [0, 0, 0, 40] },
      label('Organization'),
      { text: r.organizationName, fontSize: 15, bold: true },
      label('Assessment'),
      { text: r.assessmentName, fontSize: 15, bold: true },
      { text: r.assessmentState, margin: [0, 2, 0, 0] },
      label('Report date'),
      { text: r.reportDate, fontSize: 15, bold: true },
      {
        text: 'Prepared with Fortytwo. Requirement references and titles are those of ISO/IEC 42001:2023; every other word in this report is our own, not the text of the standard.',
        fontSize: 8,
        color: GREY,
        margin: [0, 160, 0, 0],
        pageBreak: 'after',
      },
      { text: 'Document control', style: 'h1' },
      {
        table: {
          widths: [130, '*'],
          body: controlMeta(r.control).map(([k, v]): TableCell[] => [{ text: k, bold: true }, { text: v }]),
        },
        layout: rules,
        fontSize: 9,
        margin: [0, 0, 0, 10],
      },
      { text: 'Summary', style: 'h1' },
      ...r.summary.map((s): Content => ({ text: s, margin: [0, 0, 0, 6] })),
      { table: { widths: [110, 60, 60], body: overall }, layout: rules, fontSize: 9.5, margin: [0, 6, 0, 0] },
      { text: 'How readiness is computed', style: 'h2' },
      { text: r.formula, margin: [0, 0, 0, 4] },
      {
        text: 'Maturity is the average of the ratings given, from 0 (absent) to 5 (optimizing); "–" means no rating yet.',
      },
      { text: 'Readiness by clause and Annex A group', style: 'h1', pageBreak: 'before' },
      {
        text: 'Bars: red below 50%, amber from 50% to 79%, green from 80%. "n/a": nothing in that part applies.',
        fontSize: 9,
        color: GREY,
        margin: [0, 0, 0, 6],
      },
      scoreChart(r.clauses, 'Clause'),
      scoreChart(r.groups, 'Annex A'),
      { text: 'Gap list', style: 'h1', pageBreak: 'before' },
      { text: r.gapIntro, margin: [0, 0, 0, 8] },
      ...(r.gaps.length ? [gapTable(r)] : []),
      { text: 'Change log', style: 'h1' },
      r.control.changeLog.length
        ? {
            table: {
              headerRows: 1,
              widths: [40, 60, 110, '*'],
              body: [
                ['Version', 'Date', 'By', 'Change'].map((h): TableCell => ({ text: h, bold: true })),
                ...r.control.changeLog.map((e): TableCell[] => [e.version, e.date, e.by, e.change]),
              ],
            },
            layout: rules,
            fontSize: 9,
          }
        : { text: 'No snapshot frozen yet: this report shows the working assessment.' },
    ],
  };
  return pdfmake().createPdf(doc).getBuffer();
}
