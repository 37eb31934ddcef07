import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Uploaded files (evidence) stored by content: the SHA-256 of the bytes is the name, so the same
// file uploaded twice is stored once and a stored file can be checked against its name. Local disk
// under DATA_DIR by default; the interface leaves room for an S3-compatible store.

export interface FileStore {
  put(bytes: Buffer): Promise<string>;
  read(sha256: string): Promise<Buffer>;
}

/** The store's directory under DATA_DIR (backups copy it, restores fill it). */
export const filesRoot = (dataDir: string) => path.join(dataDir, 'files');
export const isSha256 = (name: string) => /^[0-9a-f]{64}$/.test(name);
/** Where the bytes of `sha` live, relative to DATA_DIR: files/ab/cd/<sha256>. */
export function contentPath(sha: string): string {
  if (!isSha256(sha)) throw new Error(`not a SHA-256: ${sha}`);
  return path.join('files', sha.slice(0, 2), sha.slice(2, 4), sha);
}

// A temporary file is named after the content it will become and the process writing it:
// <sha256>.<host>.<pid>.<incarnation>.<random>.tmp. The name lets a process at start tell the
// leftovers of a killed writer (same host, process gone) from a live upload of another instance
// sharing the volume. The incarnation tells this process from an earlier one that had the same
// pid (a restarted container is often pid 1 again).
const HOST_TAG =
  os
    .hostname()
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 63) || 'host';
const INCARNATION = randomBytes(4).toString('hex');
const TEMP_NAME = /^[0-9a-f]{64}\.(?:([A-Za-z0-9-]+)\.(\d+)\.([0-9a-f]+)\.)?[0-9a-f]+\.tmp$/;
/** The temporary name under which `file` (…/<sha256>) is written before it is renamed into place. */
export const tempPathFor = (file: string) =>
  `${file}.${HOST_TAG}.${process.pid}.${INCARNATION}.${randomBytes(6).toString('hex')}.tmp`;

export function localFileStore(dataDir: string): FileStore {
  const where = (sha: string) => path.join(dataDir, contentPath(sha));
  return {
    async put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = where(sha);
      if (fs.existsSync(file)) return sha;
      await fs.promises.mkdir(path.dirname(file), { recursive: true });
      // Write, flush, then rename: a crash never leaves a half-written file under its final name,
      // and the bytes are on disk before the database row that points at them commits.
      const tmp = tempPathFor(file);
      const handle = await fs.promises.open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.promises.rename(tmp, file);
      await syncDir(path.dirname(file));
      return sha;
    },
    // async: a name that is not a SHA-256 rejects like a missing file, never throws synchronously.
    read: async (sha) => fs.promises.readFile(where(sha)),
  };
}

/** Makes a rename in `dir` durable (a no-op where directories cannot be flushed). */
async function syncDir(dir: string): Promise<void> {
  const h = await fs.promises.open(dir, 'r').catch(() => null);
  try {
    await h?.sync().catch(() => {});
  } finally {
    await h?.close();
  }
}

/** Every content file of the store (name = SHA-256 of the bytes), as paths relative to DATA_DIR. Temporary files are skipped. */
export async function listContentFiles(dataDir: string): Promise<{ sha256: string; relPath: string }[]> {
  const out: { sha256: string; relPath: string }[] = [];
  for (const file of await walkStore(filesRoot(dataDir))) {
    if (isSha256(file.name) && file.name.startsWith(file.dir))
      out.push({ sha256: file.name, relPath: contentPath(file.name) });
  }
  return out.sort((a, b) => a.sha256.localeCompare(b.sha256));
}

/** Files two directory levels down (ab/cd/name), the only place the store writes. */
async function walkStore(root: string): Promise<{ dir: string; name: string; abs: string }[]> {
  const out: { dir: string; name: string; abs: string }[] = [];
  const dirs = async (p: string) =>
    (await fs.promises.readdir(p, { withFileTypes: true }).catch(() => [])).filter(
      (d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name),
    );
  for (const a of await dirs(root)) {
    for (const b of await dirs(path.join(root, a.name))) {
      const dir = path.join(root, a.name, b.name);
      for (const f of await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (f.isFile()) out.push({ dir: a.name + b.name, name: f.name, abs: path.join(dir, f.name) });
      }
    }
  }
  return out;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/** A temporary file older than this is abandoned whoever wrote it: an upload is written in seconds. */
export const STALE_TEMP_MS = 15 * 60_000;

/**
 * Removes the temporary files a killed process left in DATA_DIR/files (a write is
 * temp-file-then-rename, so a kill -9 mid-upload leaves one behind). Only names that match the
 * temporary pattern are touched, never a content file. A temporary file is removed when its
 * writer is known dead (this host, a pid that is not running, or this pid in an earlier
 * incarnation) or when it is older than STALE_TEMP_MS; a recent one from another host or a
 * running process is kept, since another instance sharing the volume may be writing it.
 */
export async function removeTempFiles(dataDir: string, now = Date.now()): Promise<{ removed: number; kept: number }> {
  let removed = 0;
  let kept = 0;
  for (const file of await walkStore(filesRoot(dataDir))) {
    const m = TEMP_NAME.exec(file.name);
    if (!m) continue;
    const [, host, pidText, incarnation] = m;
    const pid = Number(pidText);
    const writerGone =
      host === HOST_TAG &&
      pidText !== undefined &&
      (pid === process.pid ? incarnation !== INCARNATION : !processAlive(pid));
    const stat = await fs.promises.stat(file.abs).catch(() => null);
    if (!stat) continue; // renamed or removed meanwhile
    if (writerGone || now - stat.mtimeMs > STALE_TEMP_MS) {
      await fs.promises.rm(file.abs, { force: true });
      removed++;
    } else kept++;
  }
  return { removed, kept };
}

/** Media types a browser may show inline safely; anything else is served as a plain download. */
const SAFE_TYPES = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/plain',
  'text/csv',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);
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
