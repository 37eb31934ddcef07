import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listContentFiles, localFileStore, removeTempFiles, STALE_TEMP_MS, tempPathFor } from './files';

const HOST =
  os
    .hostname()
    .replace(/[^A-Za-z0-9-]/g, '-')
    .slice(0, 63) || 'host';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function dataDir() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-files-'));
  dirs.push(d);
  return d;
}

/** A dead pid: a process that ran and exited. */
function deadPid(): number {
  let pid = 999_999;
  while (pid > 2) {
    try {
      process.kill(pid, 0);
      pid--;
    } catch {
      return pid;
    }
  }
  throw new Error('no free pid');
}

describe('file store', () => {
  it('stores bytes under their SHA-256 with no temporary file left, and lists content files only', async () => {
    const d = dataDir();
    const store = localFileStore(d);
    const bytes = Buffer.from('evidence');
    const sha = await store.put(bytes);
    expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await store.read(sha)).equals(bytes)).toBe(true);
    const folder = path.join(d, 'files', sha.slice(0, 2), sha.slice(2, 4));
    expect(fs.readdirSync(folder)).toEqual([sha]);
    fs.writeFileSync(path.join(folder, `${sha}.x.tmp`), '');
    fs.writeFileSync(path.join(d, 'files', sha), 'not in its place');
    expect(await listContentFiles(d)).toEqual([
      { sha256: sha, relPath: path.join('files', sha.slice(0, 2), sha.slice(2, 4), sha) },
    ]);
  });

  it('removes at start the temporary files of dead writers and old ones, never content files or live uploads', async () => {
    const d = dataDir();
    const sha = 'ab'.repeat(32);
    const folder = path.join(d, 'files', 'ab', 'ab');
    fs.mkdirSync(folder, { recursive: true });
    const put = (name: string, ageMs = 0) => {
      const p = path.join(folder, name);
      fs.writeFileSync(p, 'x');
      if (ageMs) fs.utimesSync(p, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
      return name;
    };
    const content = put(sha, STALE_TEMP_MS * 10);
    const otherFile = put('notes.tmp', STALE_TEMP_MS * 10); // not a store temp name: not ours to remove
    const gone = [
      put(`${sha}.${HOST}.${deadPid()}.0badc0de.0123456789ab.tmp`), // this host, process gone
      put(`${sha}.${HOST}.${process.pid}.0badc0de.0123456789ab.tmp`), // this pid, an earlier incarnation
      put(`${sha}.elsewhere.123.0badc0de.0123456789ab.tmp`, STALE_TEMP_MS + 60_000), // another host, abandoned
      put(`${sha}.0123456789ab.tmp`, STALE_TEMP_MS + 60_000), // the earlier naming, abandoned
    ];
    const kept = [
      put(path.basename(tempPathFor(path.join(folder, sha)))), // this process, writing now
      put(`${sha}.${HOST}.${process.ppid}.0badc0de.0123456789ab.tmp`), // this host, a running process
      put(`${sha}.elsewhere.123.0badc0de.0123456789ab.tmp`.replace('123', '124')), // another instance, recent
      put(`${sha}.0123456789ac.tmp`), // the earlier naming, recent
    ];
    expect(await removeTempFiles(d)).toEqual({ removed: gone.length, kept: kept.length });
    expect(fs.readdirSync(folder).sort()).toEqual([content, otherFile, ...kept].sort());
    expect(await removeTempFiles(path.join(d, 'nowhere'))).toEqual({ removed: 0, kept: 0 });
  });
});
