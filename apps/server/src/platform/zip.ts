import { createInflateRaw } from 'node:zlib';

// Reading an uploaded zip archive (an .xlsx) without trusting it. The central directory at the end
// of the file lists every entry with its unpacked size, so an archive that would unpack to too much
// is refused before a byte is inflated; entries are then inflated as streams that stop at the size
// the directory declared, so an archive that lies about its sizes cannot unpack to more either.
// A few dozen lines of our own instead of a library: we need only the directory and raw inflate
// (node:zlib), and the checks are the point of the code, not a side option of it.

export type ZipLimits = {
  /** The most entries the archive may list. */
  maxEntries: number;
  /** The most bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** The most bytes all entries together may unpack to. */
  maxTotalBytes: number;
};

export type ZipEntry = { name: string; method: 0 | 8; compressedSize: number; size: number; localOffset: number };

/**
 * `unreadable`: not a zip, damaged, encrypted or of a kind we do not read; `too_large`: over a limit.
 * The message is what the archive does, without a subject ("unpacks to more than 50 MB"), so the
 * caller can say what the archive is ("The workbook unpacks to more than 50 MB").
 */
export class ZipError extends Error {
  constructor(
    readonly kind: 'unreadable' | 'too_large',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** "820 KB", "12.5 MB", "4096 MB": sizes in the words of a message. */
export const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const damaged = (what: string) => new ZipError('unreadable', `is damaged (${what})`);

function u64(buf: Buffer, at: number): number {
  const n = buf.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw damaged('a size beyond any real file');
  return Number(n);
}

/** Where the central directory is and how many entries it lists (ZIP64 records included). */
function endRecord(zip: Buffer): { count: number; offset: number; size: number } {
  // The end record is the last 22 bytes, plus a comment of at most 65,535 bytes.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) !== EOCD || at + 22 + zip.readUInt16LE(at + 20) !== zip.length) continue;
    let count = zip.readUInt16LE(at + 10);
    let size = zip.readUInt32LE(at + 12);
    let offset = zip.readUInt32LE(at + 16);
    if (zip.readUInt16LE(at + 4) !== 0 || zip.readUInt16LE(at + 6) !== 0)
      throw new ZipError('unreadable', 'is split over several files');
    if (count === 0xffff || size === MAX32 || offset === MAX32) {
      const locator = at - 20;
      if (locator < 0 || zip.readUInt32LE(locator) !== ZIP64_LOCATOR) throw damaged('no ZIP64 end record');
      const record = u64(zip, locator + 8);
      if (record + 56 > zip.length || zip.readUInt32LE(record) !== ZIP64_EOCD) throw damaged('no ZIP64 end record');
      count = u64(zip, record + 32);
      size = u64(zip, record + 40);
      offset = u64(zip, record + 48);
    }
    if (offset + size > zip.length) throw damaged('the directory points past the end of the file');
    return { count, offset, size };
  }
  throw new ZipError('unreadable', 'is not a zip archive, or was cut short (it has no central directory)');
}

/**
 * The entries of the archive, by name, from its central directory alone (nothing is inflated);
 * throws a ZipError when the archive is unreadable or over a limit.
 */
export function readZipDirectory(zip: Buffer, limits: ZipLimits): Map<string, ZipEntry> {
  const { count, offset, size } = endRecord(zip);
  if (count > limits.maxEntries)
    throw new ZipError(
      'too_large',
      `holds ${count.toLocaleString('en')} files; at most ${limits.maxEntries.toLocaleString('en')} are accepted`,
    );
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || zip.readUInt32LE(at) !== CENTRAL) throw damaged('a directory entry is missing');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    let compressedSize = zip.readUInt32LE(at + 20);
    let unpacked = zip.readUInt32LE(at + 24);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    let localOffset = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen);
    // ZIP64: sizes and offset that do not fit in 32 bits move to an extra field, in this order.
    const extra = zip.subarray(at + 46 + nameLen, at + 46 + nameLen + extraLen);
    for (let e = 0; e + 4 <= extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
      if (extra.readUInt16LE(e) !== 0x0001) continue;
      let p = e + 4;
      const next = () => {
        if (p + 8 > e + 4 + extra.readUInt16LE(e + 2)) throw damaged('a short ZIP64 field');
        const v = u64(extra, p);
        p += 8;
        return v;
      };
      if (unpacked === MAX32) unpacked = next();
      if (compressedSize === MAX32) compressedSize = next();
      if (localOffset === MAX32) localOffset = next();
    }
    if (flags & 0x1) throw new ZipError('unreadable', 'is encrypted (password-protected)');
    if (method !== 0 && method !== 8)
      throw new ZipError(
        'unreadable',
        `uses a compression method (${method}) that spreadsheets do not write, in ${name}`,
      );
    if (unpacked > limits.maxEntryBytes)
      throw new ZipError(
        'too_large',
        `has a part (${name}) that unpacks to ${sizeText(unpacked)}; one part may unpack to at most ${sizeText(limits.maxEntryBytes)}`,
      );
    total += unpacked;
    if (localOffset + 30 > zip.length) throw damaged(`the entry ${name} points past the end of the file`);
    entries.set(name, { name, method, compressedSize, size: unpacked, localOffset });
    at += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.maxTotalBytes)
    throw new ZipError(
      'too_large',
      `unpacks to ${sizeText(total)}; at most ${sizeText(limits.maxTotalBytes)} are accepted`,
    );
  return entries;
}

/**
 * The unpacked bytes of an entry, chunk by chunk as they are inflated (never the whole entry at
 * once); stops with a ZipError as soon as the entry unpacks to more than its directory declared.
 */
export async function* zipEntryChunks(zip: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const local = entry.localOffset;
  if (zip.readUInt32LE(local) !== LOCAL) throw damaged(`the entry ${entry.name} is missing`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + entry.compressedSize > zip.length) throw damaged(`the entry ${entry.name} is cut short`);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw damaged(`the stored entry ${entry.name} has the wrong size`);
    for (let at = 0; at < data.length; at += 64 * 1024) {
      yield data.subarray(at, at + 64 * 1024);
      await new Promise((resolve) => setImmediate(resolve)); // let other requests in, as inflating does
    }
    return;
  }
  const inflate = createInflateRaw();
  inflate.end(data);
  let unpacked = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > entry.size)
        throw new ZipError(
          'too_large',
          `has a part (${entry.name}) that unpacks to more than the ${sizeText(entry.size)} its directory declares`,
        );
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw damaged(`the entry ${entry.name} does not inflate`);
  } finally {
    inflate.destroy();
  }
}
