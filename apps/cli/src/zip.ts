import { inflateRawSync } from 'node:zlib';

// Reading a zip archive to verify it: the central directory lists every entry (a name that appears
// twice is reported, not silently resolved), and each entry is unpacked on its own, so one damaged
// entry is named instead of making the whole archive unreadable. Stored and deflated entries only
// (what every zip tool writes by default); no ZIP64, no encryption. A few dozen lines instead of
// a dependency: the CLI is a thin client, and the verifier must decide itself what it trusts.

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

export class ZipReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipReadError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** No entry of a document package comes near this; larger ones are refused rather than unpacked. */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

/** Every entry of the archive, in the order of its central directory, directories included. */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === EOCD && at + 22 + zip.readUInt16LE(at + 20) === zip.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('it is not a zip archive, or it was cut short (no central directory at its end)');
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || size === MAX32 || offset === MAX32)
    throw new ZipReadError('it is a ZIP64 archive, which this verifier does not read');
  if (offset + size > end) throw new ZipReadError('its central directory points past the end of the file');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || zip.readUInt32LE(at) !== CENTRAL)
      throw new ZipReadError('its central directory is damaged');
    const flags = zip.readUInt16LE(at + 8);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLen),
      method: zip.readUInt16LE(at + 10),
      flags,
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The unpacked bytes of one entry; a ZipReadError says why they cannot be had. */
export function zipEntryBytes(zip: Buffer, entry: ZipEntry): Buffer {
  if (entry.flags & 0x1) throw new ZipReadError('it is encrypted');
  if (entry.size > MAX_ENTRY_BYTES)
    throw new ZipReadError(`it unpacks to more than ${MAX_ENTRY_BYTES / 1024 / 1024} MB`);
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
    throw new ZipReadError('its local header is missing');
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + entry.compressedSize > zip.length) throw new ZipReadError('it is cut short');
  const data = zip.subarray(start, start + entry.compressedSize);
  let bytes: Buffer;
  if (entry.method === 0) bytes = Buffer.from(data);
  else if (entry.method === 8) {
    try {
      bytes = inflateRawSync(data, { maxOutputLength: entry.size + 1 });
    } catch {
      throw new ZipReadError('it does not unpack (the compressed data is damaged)');
    }
  } else throw new ZipReadError(`it uses a compression method (${entry.method}) this verifier does not read`);
  if (bytes.length !== entry.size)
    throw new ZipReadError(`it unpacks to ${bytes.length} bytes where the archive says ${entry.size}`);
  return bytes;
}
