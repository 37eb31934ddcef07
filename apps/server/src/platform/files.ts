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

/** A file name that is safe in a Content-Disposition header and on any disk. */
export function safeFileName(name: string): string {
  // Control characters are exactly what must go: they could split a header.
  // eslint-disable-next-line no-control-regex
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f"<>|:*?\\/]+/g, '_').trim();
  return (base || 'file').slice(0, 200);
}
