import path from 'node:path';
import { readZipDirectory, ZipError, type ZipEntry } from './zip';
import { count, local, maxSource, parsePart } from './xlsx-part';
import { readSheetRows } from './xlsx-sheet-rows';
import { XlsxError, type Xlsx, type XlsxLimits, type XlsxRow } from './xlsx-types';

// Reads the cells of an uploaded .xlsx within limits, for imports. exceljs's `xlsx.load` builds the
// whole workbook in memory before anyone can count its rows (a 5 MB file of a million rows took
// tens of seconds and gigabytes), and its streaming reader keeps whole texts and parks sheets in
// temporary files. Here:
// 1. the zip's central directory is checked first (entries, unpacked sizes: platform/zip.ts);
// 2. each part is inflated as a stream that stops at its declared size, and parsed as it arrives
//    (saxes, the XML parser exceljs itself uses) on the event loop, chunk by chunk, so other
//    requests are served in between;
// 3. rows are handed over one by one, and reading stops at the first row, cell or text over a limit.
// Only what an import needs is read: sheet names, shared strings, which styles are dates, and cell
// values (text, numbers, booleans, dates, error values, formulas with their cached result).
//
// This file opens the workbook (its parts, shared strings and date styles); xlsx-part.ts streams one
// part, xlsx-sheet-rows.ts reads a sheet's cells.

export { XlsxError, type Xlsx, type XlsxLimits, type XlsxRow, type XlsxSheet, type XlsxValue } from './xlsx-types';

/** Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
/** A custom format shows a date when a date or time letter is left after removing [colours], "literals", \escapes and _/* paddings. */
const isDateFormat = (code: string) =>
  /[ymdhsb]/i.test(code.replace(/\[[^\]]*]|"[^"]*"|\\.|[_*]./g, '').replace(/General/gi, ''));

/** Opens an .xlsx: checks the zip, reads the workbook part, its relationships, the shared strings and the date styles. */
export async function openXlsx(bytes: Buffer, limits: XlsxLimits): Promise<Xlsx> {
  let entries: Map<string, ZipEntry>;
  try {
    entries = readZipDirectory(bytes, limits);
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxError(err.kind, `The workbook ${err.message}.`);
    throw err;
  }
  // Part names are case-insensitive (OPC); relationship targets are relative to their part.
  const byName = new Map([...entries.values()].map((e) => [e.name.toLowerCase(), e]));
  const part = (name: string) => byName.get(name.replace(/^\//, '').toLowerCase());
  const resolve = (from: string, target: string) =>
    target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
  const relsOf = (name: string) =>
    `${path.posix.dirname(name) === '.' ? '' : `${path.posix.dirname(name)}/`}_rels/${path.posix.basename(name)}.rels`;

  async function relationships(of: string): Promise<{ id: string; type: string; target: string }[]> {
    const entry = part(relsOf(of));
    if (!entry) return [];
    const rels: { id: string; type: string; target: string }[] = [];
    await parsePart(bytes, entry, {
      open: (tag) => {
        if (local(tag.name) === 'Relationship' && tag.attributes.TargetMode !== 'External')
          rels.push({
            id: tag.attributes.Id ?? '',
            type: tag.attributes.Type ?? '',
            target: resolve(of, tag.attributes.Target ?? ''),
          });
      },
    });
    return rels;
  }

  const root = (await relationships('')).find((r) => r.type.endsWith('/officeDocument'));
  const workbookName = root?.target ?? 'xl/workbook.xml';
  const workbookEntry = part(workbookName);
  if (!workbookEntry) throw new XlsxError('unreadable', 'The file has no workbook part: it is not an .xlsx workbook.');
  const sheetRefs: { name: string; state: string; rid: string }[] = [];
  let date1904 = false;
  await parsePart(bytes, workbookEntry, {
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(tag.attributes.date1904 ?? '');
      if (name === 'sheet') {
        const rid = Object.entries(tag.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        sheetRefs.push({ name: tag.attributes.name ?? '', state: tag.attributes.state ?? 'visible', rid });
      }
    },
  });
  const rels = await relationships(workbookEntry.name);
  const target = (type: string) => rels.find((r) => r.type.endsWith(`/${type}`))?.target;

  const shared: string[] = [];
  const sharedEntry = target('sharedStrings') && part(target('sharedStrings')!);
  if (sharedEntry) {
    let text: string | null = null;
    let phonetic = 0;
    let inText = false;
    let opened = 0;
    const tooLong = () =>
      new XlsxError(
        'too_large',
        `The workbook holds a text of more than ${count(limits.maxCellChars)} characters, the most a spreadsheet cell can hold.`,
      );
    await parsePart(
      bytes,
      sharedEntry,
      {
        open: (tag) => {
          const name = local(tag.name);
          if (name === 'si') text = '';
          else if (name === 'rPh')
            phonetic++; // the reading aid of Japanese text, not part of the value
          else if (name === 't' && phonetic === 0) {
            inText = true;
            opened++;
          }
        },
        text: (t) => {
          if (!inText || text === null) return;
          text += t;
          if (text.length > limits.maxCellChars) throw tooLong();
        },
        close: (tag) => {
          const name = local(tag.name);
          if (name === 't') inText = false;
          else if (name === 'rPh') phonetic--;
          else if (name === 'si' && text !== null) {
            shared.push(text);
            text = null;
            if (shared.length > limits.maxSharedStrings)
              throw new XlsxError(
                'too_large',
                `The workbook holds more than ${count(limits.maxSharedStrings)} different texts.`,
              );
          }
        },
      },
      { openValue: () => (inText ? opened : null), maxSource: maxSource(limits), tooLong },
    );
  }

  // Which cell styles show numbers as dates, so that a typed date reads as a date.
  const dateStyles = new Set<number>();
  const stylesEntry = target('styles') && part(target('styles')!);
  if (stylesEntry) {
    const custom = new Map<number, string>();
    const xfs: number[] = [];
    let inCellXfs = false;
    await parsePart(bytes, stylesEntry, {
      open: (tag) => {
        const name = local(tag.name);
        if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), tag.attributes.formatCode ?? '');
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(Number(tag.attributes.numFmtId ?? 0));
      },
      close: (tag) => {
        if (local(tag.name) === 'cellXfs') inCellXfs = false;
      },
    });
    xfs.forEach((id, i) => {
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id)) dateStyles.add(i);
    });
  }

  const sheets = sheetRefs.map((s) => ({ ...s, entry: rels.find((r) => r.id === s.rid)?.target }));

  async function* rows(sheetName: string, maxColumn: number): AsyncGenerator<XlsxRow> {
    const sheet = sheets.find((s) => s.name === sheetName);
    const entry = sheet?.entry && part(sheet.entry);
    if (!sheet || !entry)
      throw new XlsxError('unreadable', `The workbook lists the sheet "${sheetName}" but does not contain it.`);
    yield* readSheetRows(bytes, entry, sheetName, maxColumn, { limits, shared, dateStyles, date1904 });
  }

  return { sheets: sheets.map((s) => ({ name: s.name, state: s.state })), rows };
}
