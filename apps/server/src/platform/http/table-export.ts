import { loadExcelJs } from '../exceljs';
import { toCsv } from '../csv';
import type { FastifyReply } from 'fastify';
import { attachment } from './content-disposition';
import { now, today } from '../clock';

// Every register exports the same rows as CSV (for scripts) or XLSX (for people in Excel or
// LibreOffice): one helper so the two formats never drift apart and every file is named alike.

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export type TableColumn = { key: string; header: string; width?: number };
export type Table = {
  name: string;
  sheet: string;
  columns: readonly TableColumn[];
  rows: (string | number)[][];
  /** Facts about the export (version, status, approval) on a second sheet of the workbook; CSV stays pure rows. */
  about?: [label: string, value: string][];
};

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F4F6F' } } as const;

/** The workbook: a bold frozen header row, filters, wrapped text, and widths that fit. */
export async function tableWorkbook(table: Table): Promise<Buffer> {
  const wb = new (await loadExcelJs()).Workbook();
  wb.creator = 'Fortytwo';
  wb.created = now();
  const ws = wb.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? Math.min(60, Math.max(12, c.header.length + 2)),
  }));
  const header = ws.getRow(1);
  header.font = { name: 'Calibri', size: 11, bold: true, color: { argb: 'FFFFFFFF' } };
  header.eachCell((cell) => (cell.fill = HEADER_FILL));
  for (const row of table.rows) ws.addRow(row).alignment = { vertical: 'top', wrapText: true };
  if (table.columns.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  if (table.about?.length) {
    const about = wb.addWorksheet('About');
    about.columns = [{ width: 24 }, { width: 60 }];
    for (const [label, value] of table.about)
      about.addRow([label, value]).getCell(1).font = { name: 'Calibri', size: 11, bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function sendTable(reply: FastifyReply, format: TableFormat, table: Table) {
  const filename = `${table.name}-${today()}.${format}`;
  reply.header('content-disposition', attachment(filename));
  if (format === 'csv')
    return reply.type('text/csv; charset=utf-8').send(
      toCsv(
        table.columns.map((c) => c.key),
        table.rows.map((r) => r.map(String)),
      ),
    );
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .send(await tableWorkbook(table));
}
