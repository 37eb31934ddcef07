import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rowXml, zip, type ZipEntry } from '../../test/workbook-bombs';
import { openXlsx, XlsxError, type XlsxLimits, type XlsxValue } from './xlsx-reader';
import { readZipDirectory, ZipError, zipEntryChunks } from './zip';

const LIMITS: XlsxLimits = {
  maxEntries: 100,
  maxEntryBytes: 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024,
  maxRows: 50,
  maxCellsPerRow: 20,
  maxCellChars: 1000,
  maxSharedStrings: 1000,
};

async function all(book: Awaited<ReturnType<typeof openXlsx>>, sheet: string, maxColumn = 100) {
  const rows: [number, number, XlsxValue][] = [];
  for await (const r of book.rows(sheet, maxColumn)) for (const [c, v] of r.cells) rows.push([r.row, c, v]);
  return rows;
}
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
};

/** A one-sheet workbook around the given sheet XML rows (no styles, no shared strings). */
const book = (rows: string, extra: ZipEntry[] = []) =>
  zip([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from('<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<worksheet><sheetData>${rows}</sheetData></worksheet>`) },
    ...extra,
  ]);

describe('xlsx reader', () => {
  it('reads every kind of value exactly as exceljs does, in both date systems', async () => {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Values');
      ws.addRow([
        'text',
        42,
        -1.5,
        true,
        false,
        new Date('2027-03-31T00:00:00Z'),
        { richText: [{ text: 'rich ' }, { text: 'text', font: { bold: true } }] },
        { text: 'a link', hyperlink: 'https://example.com' },
        { error: '#N/A' } as ExcelJS.CellErrorValue,
        { formula: 'B1+1', result: 43 },
        { formula: 'A1&"x"', result: 'textx' },
        { formula: 'NOW()', result: new Date('2027-01-02T00:00:00Z') },
        { formula: 'B1' } as ExcelJS.CellFormulaValue,
        '  spaced \n multi\r\nline ',
        'ü 履歴 😀 &<>"\'',
        0,
      ]);
      ws.getCell('F1').numFmt = 'yyyy-mm-dd';
      ws.getCell('L1').numFmt = 'dd/mm/yyyy hh:mm';
      const row2 = ws.addRow([5, 6]);
      row2.getCell(1).numFmt = '[Red]#,##0 "days"';
      row2.getCell(2).numFmt = 'mmm-yy';
      ws.getCell('A5').value = 'after a gap';
      const bytes = Buffer.from(await wb.xlsx.writeBuffer());

      const loaded = new ExcelJS.Workbook();
      await loaded.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const expected: [number, number, unknown][] = [];
      const simple = (v: ExcelJS.CellValue): unknown => {
        if (v === null || typeof v !== 'object' || v instanceof Date) return v;
        if ('richText' in v) return v.richText.map((t) => t.text).join('');
        if ('hyperlink' in v) return v.text;
        if ('error' in v) return { error: v.error };
        if ('formula' in v) return v.result === undefined ? { formula: v.formula } : simple(v.result);
        return v;
      };
      loaded
        .getWorksheet('Values')!
        .eachRow((row, n) => row.eachCell((cell, c) => expected.push([n, c, simple(cell.value)])));

      const read = await openXlsx(bytes, LIMITS);
      expect(read.sheets).toEqual([{ name: 'Values', state: 'visible' }]);
      expect(await all(read, 'Values'), `date1904 ${date1904}`).toEqual(expected);
    }
  });

  it('keeps only the columns asked for, but counts the others against the limits', async () => {
    const read = await openXlsx(book(rowXml(1, ['a', 'b', 'c'])), LIMITS);
    expect(await all(read, 'S', 2)).toEqual([
      [1, 1, 'a'],
      [1, 2, 'b'],
    ]);
    const wide = await openXlsx(
      book(
        rowXml(
          3,
          Array.from({ length: 21 }, () => 'x'),
        ),
      ),
      LIMITS,
    );
    expect((await failure(all(wide, 'S', 2))).message).toBe(
      'Row 3 of the sheet "S" has more than 20 cells with a value.',
    );
  });

  it('stops at the first row, cell or shared text over a limit', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => rowXml(i + 1, ['x'])).join('');
    const err = await failure(all(await openXlsx(book(rows), LIMITS), 'S'));
    expect(err).toBeInstanceOf(XlsxError);
    expect(err).toMatchObject({ kind: 'too_large', message: 'The sheet "S" has more than 50 rows with values.' });
    // Empty rows and cells are not counted.
    const sparse = `${'<row r="1"><c r="A1"/></row>'.repeat(100)}${rowXml(200, ['last'])}`;
    expect(await all(await openXlsx(book(sparse), LIMITS), 'S')).toEqual([[200, 1, 'last']]);
    expect((await failure(all(await openXlsx(book(rowXml(7, ['', 'y'.repeat(1001)])), LIMITS), 'S'))).message).toBe(
      'Cell B7 of the sheet "S" holds more than 1,000 characters, the most a spreadsheet cell can hold.',
    );
    const sst = { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst><si><t>${'z'.repeat(1001)}</t></si></sst>`) };
    const withShared = book('', [sst]);
    // The relationship to the shared strings part is what makes it the workbook's.
    const rels = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: Buffer.from(
          '<Relationships><Relationship Id="s" Type="x/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>',
        ),
      },
      sst,
    ]);
    await expect(openXlsx(withShared, LIMITS)).resolves.toBeDefined();
    expect((await failure(openXlsx(rels, LIMITS))).message).toBe(
      'The workbook holds a text of more than 1,000 characters, the most a spreadsheet cell can hold.',
    );
  });

  it('refuses what is not a workbook as unreadable, in words', async () => {
    expect(await failure(openXlsx(Buffer.from('PK\x03\x04 not really'), LIMITS))).toMatchObject({
      kind: 'unreadable',
      message: 'The workbook is not a zip archive, or was cut short (it has no central directory).',
    });
    expect(await failure(openXlsx(zip([{ name: 'a.txt', data: Buffer.from('a') }]), LIMITS))).toMatchObject({
      kind: 'unreadable',
      message: 'The file has no workbook part: it is not an .xlsx workbook.',
    });
    const broken = await openXlsx(book('<row r="1"><c r="A1" t="inlineStr"><is><t>open'), LIMITS);
    expect(await failure(all(broken, 'S'))).toMatchObject({
      kind: 'unreadable',
      message: expect.stringMatching(/^The workbook's part xl\/worksheets\/sheet1\.xml is not well-formed XML/),
    });
    const doctype = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><workbook>&a;</workbook>') },
    ]);
    expect(await failure(openXlsx(doctype, LIMITS))).toMatchObject({
      kind: 'unreadable',
      message: "The workbook's part xl/workbook.xml declares a document type, which spreadsheets never write.",
    });
  });
});

describe('zip directory', () => {
  const entry = (name: string, text: string, more: Partial<ZipEntry> = {}): ZipEntry => ({
    name,
    data: Buffer.from(text),
    ...more,
  });

  it('reads stored and deflated entries, ZIP64 extra fields and an archive comment', async () => {
    const archive = zip(
      [
        entry('a.txt', 'stored', { store: true }),
        entry('b.txt', 'deflated '.repeat(100)),
        entry('c.txt', 'zip64', { zip64: true }),
      ],
      { comment: 'made by hand' },
    );
    const dir = readZipDirectory(archive, LIMITS);
    expect([...dir.values()].map((e) => [e.name, e.method, e.size])).toEqual([
      ['a.txt', 0, 6],
      ['b.txt', 8, 900],
      ['c.txt', 8, 5],
    ]);
    for (const [name, text] of [
      ['a.txt', 'stored'],
      ['b.txt', 'deflated '.repeat(100)],
      ['c.txt', 'zip64'],
    ] as const) {
      const chunks: Buffer[] = [];
      for await (const c of zipEntryChunks(archive, dir.get(name)!)) chunks.push(c);
      expect(Buffer.concat(chunks).toString()).toBe(text);
    }
  });

  it('refuses encrypted, oversized and lying entries before or while unpacking', async () => {
    const refusal = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err as ZipError;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => readZipDirectory(zip([entry('a', 'x', { encrypted: true })]), LIMITS))).toMatchObject({
      kind: 'unreadable',
      message: 'is encrypted (password-protected)',
    });
    expect(
      refusal(() => readZipDirectory(zip([entry('big', 'x', { declaredSize: 2 * 1024 * 1024 })]), LIMITS)),
    ).toMatchObject({
      kind: 'too_large',
      message: 'has a part (big) that unpacks to 2 MB; one part may unpack to at most 1 MB',
    });
    const many = zip(Array.from({ length: 101 }, (_, i) => entry(`f${i}`, '', { store: true })));
    expect(refusal(() => readZipDirectory(many, LIMITS))).toMatchObject({
      kind: 'too_large',
      message: 'holds 101 files; at most 100 are accepted',
    });
    const liar = zip([entry('liar', 'y'.repeat(100_000), { declaredSize: 10 })]);
    const err = await failure(
      (async () => {
        for await (const _ of zipEntryChunks(liar, readZipDirectory(liar, LIMITS).get('liar')!));
      })(),
    );
    expect(err).toMatchObject({
      kind: 'too_large',
      message: 'has a part (liar) that unpacks to more than the 1 KB its directory declares',
    });
  });
});
