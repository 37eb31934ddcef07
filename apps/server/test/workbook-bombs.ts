import { deflateRawSync } from 'node:zlib';
import {
  HEADERS,
  META_SHEET,
  ASSESSMENT_SHEET,
  WORKBOOK_TEMPLATE,
  WORKBOOK_TEMPLATE_VERSION,
} from '../src/modules/gap/workbook-template';

// Hostile gap workbooks, built byte by byte (tests and bench/workbook-bomb.ts): a zip writer small
// enough to lie on purpose, and a minimal .xlsx that Excel's file layout would accept (a workbook
// part, its relationships, an "Assessment" sheet and the hidden "fortytwo" sheet the import reads).

export type ZipEntry = {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  store?: boolean;
  /** The uncompressed size written into the headers, when it should not be the truth. */
  declaredSize?: number;
  /** Sizes and offset in a ZIP64 extra field, as some writers do even for small files. */
  zip64?: boolean;
  /** Marks the entry encrypted (the bytes are not). */
  encrypted?: boolean;
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive (no data descriptors; ZIP64 extra fields on request, never a ZIP64 end record). */
export function zip(entries: ZipEntry[], opts: { comment?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const body = e.store ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    const flags = 0x0800 | (e.encrypted ? 0x1 : 0); // UTF-8 names
    const extra = Buffer.alloc(e.zip64 ? 28 : 0);
    if (e.zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : body.length, 20);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(e.zip64 ? 0xffffffff : offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = Buffer.from(opts.comment ?? '');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
/** One `<row>` of inline strings. */
export const rowXml = (r: number, cells: string[]) =>
  `<row r="${r}">${cells.map((v, i) => `<c r="${column(i)}${r}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`).join('')}</row>`;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const sheetXml = (rows: string | Buffer) =>
  Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}"><sheetData>`),
    Buffer.isBuffer(rows) ? rows : Buffer.from(rows),
    Buffer.from('</sheetData></worksheet>'),
  ]);

/** The rows of the hidden sheet that make a workbook "ours", for the given assessment. */
export const metaRows = (assessmentId: string) =>
  [
    ['template', WORKBOOK_TEMPLATE],
    ['templateVersion', String(WORKBOOK_TEMPLATE_VERSION)],
    ['assessmentId', assessmentId],
    ['assessmentName', 'Bomb'],
    ['exportedAt', '2026-01-01T00:00:00.000Z'],
  ]
    .map((cells, i) => rowXml(i + 1, cells))
    .join('');

/**
 * A gap workbook for `assessmentId` whose "Assessment" sheet holds the header and then `dataRows`
 * (XML of `<row>` elements, rows 2 and on). `extra` entries are added as they are; `sheetDeclaredSize`
 * makes the sheet's headers lie about its unpacked size.
 */
export function gapWorkbook(
  assessmentId: string,
  dataRows: string | Buffer,
  opts: { extra?: ZipEntry[]; sheetDeclaredSize?: number } = {},
): Buffer {
  const rows = Buffer.isBuffer(dataRows)
    ? Buffer.concat([Buffer.from(rowXml(1, [...HEADERS])), dataRows])
    : rowXml(1, [...HEADERS]) + dataRows;
  return zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${ASSESSMENT_SHEET}" sheetId="1" r:id="rId1"/><sheet name="${META_SHEET}" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheetXml(rows),
      ...(opts.sheetDeclaredSize !== undefined ? { declaredSize: opts.sheetDeclaredSize } : {}),
    },
    { name: 'xl/worksheets/sheet2.xml', data: sheetXml(metaRows(assessmentId)) },
    ...(opts.extra ?? []),
  ]);
}

/** `n` data rows, each with a ref (refs repeat: the file is refused long before that matters). */
export function manyRowsXml(n: number): Buffer {
  const parts: Buffer[] = [];
  for (let r = 2; r < n + 2; r++)
    parts.push(Buffer.from(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>4.1</t></is></c></row>`));
  return Buffer.concat(parts);
}

/** One data row whose notes cell holds `chars` characters. */
export const hugeCellXml = (chars: number) =>
  Buffer.concat([
    Buffer.from('<row r="2"><c r="A2" t="inlineStr"><is><t>4.1</t></is></c><c r="K2" t="inlineStr"><is><t>'),
    Buffer.alloc(chars, 'a'),
    Buffer.from('</t></is></c></row>'),
  ]);
