import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Client, Res } from './harness';

// Binary requests for the harness's clients: downloads as bytes, uploads as multipart/form-data.

function authHeaders(c: Client, method: string): Record<string, string> {
  const h: Record<string, string> = {};
  if (c.auth.bearer) h.authorization = `Bearer ${c.auth.bearer}`;
  if (c.auth.cookie) h.cookie = `ft_session=${c.auth.cookie}`;
  if (c.auth.csrf && method !== 'GET') h['x-csrf-token'] = c.auth.csrf;
  return h;
}

export async function download(
  c: Client,
  url: string,
): Promise<{ status: number; bytes: Buffer; headers: Record<string, unknown> }> {
  const res = await c.server.app.inject({ method: 'GET', url, headers: authHeaders(c, 'GET') });
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers };
}

/** The first sheet of a downloaded workbook as rows of text, header row first. */
export async function sheetRows(bytes: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))),
    ),
  );
  return rows;
}

/** POSTs one file as multipart/form-data (field "file" unless told otherwise). */
export async function upload(
  c: Client,
  url: string,
  bytes: Buffer,
  opts: { field?: string; fileName?: string } = {},
): Promise<Res> {
  const boundary = `----fortytwo${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.fileName ?? 'assessment.xlsx'}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await c.server.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...authHeaders(c, 'POST'), 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, body, headers: res.headers, text: res.body };
}

/** One entry of a zip archive (an .xlsx or .docx), read through its central directory. */
export function unzipEntry(zip: Buffer, name: string): string | undefined {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return undefined;
  let at = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return undefined;
}
