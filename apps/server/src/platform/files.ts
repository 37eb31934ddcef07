import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Uploaded files (evidence) stored by content: the SHA-256 of the bytes is the name, so the same
// file uploaded twice is stored once and a stored file can be checked against its name. Local disk
// under DATA_DIR by default; the interface leaves room for an S3-compatible store.

export interface FileStore {
  put(bytes: Buffer): Promise<string>;
  read(sha256: string): Promise<Buffer>;
}

export function localFileStore(dataDir: string): FileStore {
  const root = path.join(dataDir, 'files');
  const where = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error(`not a SHA-256: ${sha}`);
    return path.join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  };
  return {
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = where(sha);
      if (fs.existsSync(file)) return sha;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Write then rename: a crash never leaves a half-written file under its final name.
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await fs.promises.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.promises.rename(tmp, file);
      return sha;
    },
    read: (sha) => fs.promises.readFile(where(sha)),
  };
}

/** Media types a browser may show inline safely; anything else is served as a plain download. */
const SAFE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain', 'text/csv', 'application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.openxmlformats-officedocument.presentationml.presentation']);
export const servedType = (mediaType: string) => (SAFE_TYPES.has(mediaType) ? mediaType : 'application/octet-stream');

/**
 * Control characters (C0, DEL, C1) could split a header or a log line; bidi controls (U+202A–U+202E,
 * U+2066–U+2069, and the marks U+200E, U+200F, U+061C) reorder what a person sees: "invoice\u202Efdp.exe"
 * shows as "invoiceexe.pdf". Neither belongs in a file name.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const withoutControls = (s: string) => s.replace(CONTROLS, '');

/** A file name that is safe on any disk and to show: no directory, no control or bidi characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = path
    .basename(withoutControls(name).normalize('NFC').replace(/\\/g, '/'))
    .replace(/["<>|:*?\\/]+/g, '_')
    .trim();
  // Cut by code points, so a character outside the BMP (an emoji) is never split in half.
  return Array.from(base).slice(0, 200).join('').trim() || 'file';
}
