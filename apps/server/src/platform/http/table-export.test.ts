import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tableWorkbook } from './table-export';

/** One entry of a zip archive, read through its central directory. */
function entry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < zip.readUInt16LE(eocd + 10); i++) {
    const nameLen = zip.readUInt16LE(at + 28);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const local = zip.readUInt32LE(at + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(at + 20));
      return (zip.readUInt16LE(at + 10) === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name}`);
}

describe('table exports as XLSX', () => {
  it('writes text that looks like a formula as text, never as a formula', async () => {
    const hostile = [
      '=1+1',
      '\uFF1D1+1',
      '+SUM(A1:A9)',
      '-2+3',
      '@SUM(A1)',
      '=HYPERLINK("http://evil.example","click")',
      '\t=1',
      ' =1',
    ];
    const bytes = await tableWorkbook({
      name: 'register',
      sheet: 'Register',
      columns: [
        { key: 'title', header: 'Title' },
        { key: 'score', header: 'Score' },
      ],
      rows: hostile.map((t, i) => [t, i]),
      about: [['=cmd|"/c calc"!A1', '@about']],
    });
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'])
      expect(entry(bytes, sheet)).not.toMatch(/<f[ >]/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Register')!;
    hostile.forEach((t, i) => {
      const cell = ws.getRow(i + 2).getCell(1);
      expect(cell.type, t).toBe(ExcelJS.ValueType.String);
      expect(cell.value, t).toBe(t);
    });
    expect(wb.getWorksheet('About')!.getRow(1).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });
});
