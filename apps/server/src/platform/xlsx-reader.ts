import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { readZipDirectory, ZipError, zipEntryChunks, type ZipEntry, type ZipLimits } from './zip';

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

export type XlsxLimits = ZipLimits & {
  /** Rows with at least one value, per sheet. */
  maxRows: number;
  /** Cells with a value, per row. */
  maxCellsPerRow: number;
  /** Characters of one cell, and of one shared text. */
  maxCellChars: number;
  /** Entries of the shared-strings table. */
  maxSharedStrings: number;
};

/** A cell as an import sees it; `formula` is a formula without a cached result (nothing to read). */
export type XlsxValue = string | number | boolean | Date | null | { error: string } | { formula: string };
/** One row with a value: its spreadsheet row number and its cells by column number (1 = A). */
export type XlsxRow = { row: number; cells: Map<number, XlsxValue> };
export type XlsxSheet = { name: string; state: string };

/** `unreadable`: not a workbook we can read; `too_large`: over a limit. The message is a sentence for a person. */
export class XlsxError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

export type Xlsx = {
  sheets: XlsxSheet[];
  /** The rows of a sheet with a value, in file order; cells right of `maxColumn` count against the limits but are not kept. */
  rows(sheet: string, maxColumn: number): AsyncGenerator<XlsxRow>;
};

const count = (n: number) => n.toLocaleString('en');
/** How far the XML of one value may run: an escaped character takes up to 10 characters (&#x10FFFF;). */
const maxSource = (limits: XlsxLimits) => limits.maxCellChars * 10 + 1024;
const local = (name: string) => name.slice(name.indexOf(':') + 1);
const unreadable = (part: string, why: string) => new XlsxError('unreadable', `The workbook's part ${part} ${why}.`);

/** Excel's built-in number formats that show dates or times (ECMA-376 18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
/** A custom format shows a date when a date or time letter is left after removing [colours], "literals", \escapes and _/* paddings. */
const isDateFormat = (code: string) =>
  /[ymdhsb]/i.test(code.replace(/\[[^\]]*]|"[^"]*"|\\.|[_*]./g, '').replace(/General/gi, ''));
/** Days since 1899-12-30 (or 1904-01-01) → a JS date, as exceljs computes it. */
const excelDate = (serial: number, date1904: boolean) =>
  new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

function columnNumber(ref: string): number | null {
  const letters = /^\$?([A-Za-z]{1,3})/.exec(ref)?.[1];
  if (!letters) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
const cellName = (column: number, row: number) => {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
};

type Handlers = {
  open: (tag: SaxesTagPlain) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain) => void;
};
/**
 * The parser keeps a text until its element closes: `openValue` tells which value element is open
 * (a number that changes with every element), and one may not run on for more than `maxSource`
 * characters of XML, so a value over the limit is refused before its closing tag ever arrives.
 */
type TextGuard = { openValue: () => number | null; maxSource: number; tooLong: () => XlsxError };

const notWellFormed = (part: string, err: unknown) =>
  unreadable(part, `is not well-formed XML (${err instanceof Error ? err.message : String(err)})`);

/** Streams one part through a SAX parser, yielding after each chunk so the caller can hand over what it completed. */
async function* parseChunks(zip: Buffer, entry: ZipEntry, handlers: Handlers, guard?: TextGuard): AsyncGenerator<void> {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw unreadable(entry.name, 'declares a document type, which spreadsheets never write');
  });
  parser.on('opentag', handlers.open);
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) parser.on('closetag', handlers.close);
  const decoder = new StringDecoder('utf8');
  let first = true;
  let open: number | null = null;
  let openSince = 0;
  const write = (s: string) => {
    try {
      parser.write(s);
    } catch (err) {
      throw err instanceof XlsxError ? err : notWellFormed(entry.name, err);
    }
  };
  try {
    for await (const chunk of zipEntryChunks(zip, entry)) {
      let s = decoder.write(chunk);
      if (first && s.length) {
        s = s.replace(/^\uFEFF/, '');
        first = false;
      }
      write(s);
      if (guard) {
        const now = guard.openValue();
        if (now === null || now !== open) {
          open = now;
          openSince = parser.position - s.length; // at most one chunk early: the bound is generous anyway
        } else if (parser.position - openSince > guard.maxSource) throw guard.tooLong();
      }
      yield;
    }
    write(decoder.end());
    try {
      parser.close();
    } catch (err) {
      throw err instanceof XlsxError ? err : notWellFormed(entry.name, err);
    }
    yield;
  } catch (err) {
    if (err instanceof ZipError) throw new XlsxError(err.kind, `The workbook ${err.message}.`);
    throw err;
  }
}

async function parsePart(zip: Buffer, entry: ZipEntry, handlers: Handlers, guard?: TextGuard): Promise<void> {
  for await (const _ of parseChunks(zip, entry, handlers, guard));
}

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
    const ready: XlsxRow[] = [];
    let rowsWithValues = 0;
    let row: { number: number; cells: Map<number, XlsxValue>; filled: number } | null = null;
    let lastRow = 0;
    // The cell being read.
    let cell: {
      column: number;
      type: string;
      style: number;
      formula: string | null;
      value: string | null;
      inline: string | null;
    } | null = null;
    let nextColumn = 1;
    let into: 'formula' | 'value' | 'inline' | null = null;
    let opened = 0;
    let inInline = false;
    let phonetic = 0;
    const where = () => (cell && row ? `Cell ${cellName(cell.column, row.number)}` : 'A cell');
    const tooLong = () =>
      new XlsxError(
        'too_large',
        `${where()} of the sheet "${sheetName}" holds more than ${count(limits.maxCellChars)} characters, the most a spreadsheet cell can hold.`,
      );

    const valueOf = (c: NonNullable<typeof cell>): XlsxValue => {
      if (c.formula !== null && c.value === null) return { formula: c.formula };
      if (c.type === 'inlineStr' && c.formula === null) return c.inline || null;
      if (c.value === null) return null;
      const v = c.value;
      switch (c.type) {
        case 's': {
          return shared[Number.parseInt(v, 10)] ?? null;
        }
        case 'str':
        case 'inlineStr':
          return v;
        case 'b':
          return Number.parseInt(v, 10) !== 0;
        case 'e':
          return { error: v };
        case 'd': {
          const d = new Date(v);
          return Number.isNaN(d.getTime()) ? v : d;
        }
        default: {
          if (v.trim() === '') return null;
          const n = Number(v);
          if (!Number.isFinite(n)) return v;
          return dateStyles.has(c.style) ? excelDate(n, date1904) : n;
        }
      }
    };

    const handlers: Handlers = {
      open: (tag) => {
        const a = tag.attributes;
        switch (local(tag.name)) {
          case 'row': {
            const n = a.r ? Number.parseInt(a.r, 10) : lastRow + 1;
            if (!Number.isInteger(n) || n < 1 || n > 1_048_576)
              throw unreadable(entry.name, `has a row numbered "${a.r}"`);
            row = { number: n, cells: new Map(), filled: 0 };
            lastRow = n;
            nextColumn = 1;
            break;
          }
          case 'c': {
            const column = a.r ? columnNumber(a.r) : nextColumn;
            if (column === null || column > 16_384) throw unreadable(entry.name, `has a cell named "${a.r}"`);
            cell = { column, type: a.t ?? 'n', style: Number(a.s ?? 0), formula: null, value: null, inline: null };
            nextColumn = column + 1;
            break;
          }
          case 'f':
            if (cell) {
              cell.formula ??= '';
              into = 'formula';
              opened++;
            }
            break;
          case 'v':
            if (cell) {
              cell.value ??= '';
              into = 'value';
              opened++;
            }
            break;
          case 'is':
            inInline = true;
            if (cell) cell.inline ??= '';
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (cell && inInline && phonetic === 0) {
              into = 'inline';
              opened++;
            }
            break;
        }
      },
      text: (t) => {
        if (!cell || !into) return;
        const now = (cell[into] ?? '') + t;
        if (now.length > limits.maxCellChars) throw tooLong();
        cell[into] = now;
      },
      close: (tag) => {
        switch (local(tag.name)) {
          case 'f':
          case 'v':
          case 't':
            into = null;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c': {
            const r = row;
            if (cell && r) {
              const value = valueOf(cell);
              if (value !== null) {
                r.filled++;
                if (r.filled > limits.maxCellsPerRow)
                  throw new XlsxError(
                    'too_large',
                    `Row ${r.number} of the sheet "${sheetName}" has more than ${count(limits.maxCellsPerRow)} cells with a value.`,
                  );
                if (cell.column <= maxColumn) r.cells.set(cell.column, value);
              }
            }
            cell = null;
            break;
          }
          case 'row': {
            const r = row;
            if (r && r.filled > 0) {
              rowsWithValues++;
              if (rowsWithValues > limits.maxRows)
                throw new XlsxError(
                  'too_large',
                  `The sheet "${sheetName}" has more than ${count(limits.maxRows)} rows with values.`,
                );
              ready.push({ row: r.number, cells: r.cells });
            }
            row = null;
            break;
          }
        }
      },
    };
    for await (const _ of parseChunks(bytes, entry, handlers, {
      openValue: () => (into ? opened : null),
      maxSource: maxSource(limits),
      tooLong,
    })) {
      yield* ready.splice(0);
    }
  }

  return { sheets: sheets.map((s) => ({ name: s.name, state: s.state })), rows };
}
