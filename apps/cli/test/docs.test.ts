import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client } from '../../server/test/harness';
import { zipEntries } from '../src/zip';
import { startCliWorld, type CliWorld } from './helpers';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/fortytwo.mjs');

function spawnCli(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FORTYTWO_')));
    execFile(process.execPath, [BIN, ...argv], { env: { ...clean, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('fortytwo docs', () => {
  let w: CliWorld;
  let approver: Client;
  const codes: string[] = [];
  const url = (p: string) => `/api/orgs/${w.orgId}${p}`;

  /** A register document (nothing to write): submitted with no reviewers, approved by the approver, published. */
  async function publish(typeId: string) {
    const doc = (await w.owner.post(url('/documents'), { typeId })).body;
    const vUrl = url(`/documents/${doc.id}/versions/${doc.latest.id}`);
    const v = (
      await w.owner.post(`${vUrl}/submit`, { version: 1, reviewerIds: [], dueDate: null, changeSummary: 'First issue' })
    ).body;
    const approved = await approver.post(`${vUrl}/approve`, { version: v.version });
    expect(approved.status, approved.text).toBe(200);
    expect((await w.owner.post(`${vUrl}/publish`, { version: approved.body.version })).status).toBe(200);
    codes.push(doc.code);
  }

  /** Downloads the evidence package to a file of its own: no test reads a package another test wrote. */
  async function exportPackage(name: string): Promise<string> {
    const out = path.join(w.dir, name);
    const r = await w.cli('docs', 'export', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    return out;
  }

  /** A copy of the package `pkg` with its entries changed by `edit`, written next to it. */
  function rezip(pkg: string, name: string, edit: (files: Record<string, Uint8Array>) => void): string {
    const files = unzipSync(fs.readFileSync(pkg));
    edit(files);
    const out = path.join(w.dir, name);
    fs.writeFileSync(out, zipSync(files));
    return out;
  }

  beforeAll(async () => {
    w = await startCliWorld('Docs CLI Org');
    expect((await w.cli('login', '--url', w.url, '--token', w.token)).code).toBe(0);
    approver = await addMember(w.server, w.owner, w.orgId, 'approver');
    await publish('roles-responsibilities');
    await publish('objectives-plan');
    await w.owner.post(url('/documents'), { typeId: 'communication-plan' });
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('lists the documents with code, title, the version in force and the state', async () => {
    const r = await w.cli('docs', 'list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^CODE\s+TITLE\s+IN FORCE\s+STATE\s+NEXT REVIEW\s+NOTES$/);
    expect(lines.find((l) => l.startsWith(codes[0]!))).toMatch(
      /AI roles and responsibilities.*\s1\.0\s+published\s+\d{4}-\d{2}-\d{2}\s+-$/,
    );
    expect(lines.find((l) => l.startsWith('AIMS-COM-001'))).toMatch(/\s-\s+1\.0 draft\s+-\s+-$/);
    expect(r.stdout).toContain('\n3 documents, 2 in force\n');
    const json = await w.cli('docs', 'list', '--json');
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { code: string }[]).map((d) => d.code).sort()).toEqual(
      ['AIMS-COM-001', ...codes].sort(),
    );
  });

  it('prints the master list with the problems of each line', async () => {
    const r = await w.cli('docs', 'master-list');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('Mandatory documented information (ISO/IEC 42001)\nCLAUSES')).toBe(true);
    expect(r.stdout).toMatch(
      /\n4\.3\s+Scope of the AI management system\s+MISSING\s+-\n {4}! No document yet: create “Scope of the AI management system” from its template in Documents\.\n/,
    );
    expect(r.stdout).toMatch(new RegExp(`AI objectives.*published\\s+${codes[1]} v1\\.0\\n`));
    expect(r.stdout).toContain('The organization’s other documents');
    expect(r.stdout).toMatch(
      /\n21 mandatory items, \d+ met \(published or kept as records\), \d+ open; \d+ problems\n$/,
    );
    const json = await w.cli('docs', 'master-list', '--json');
    expect((JSON.parse(json.stdout) as { mandatory: boolean }[]).filter((i) => i.mandatory)).toHaveLength(21);
  });

  it('downloads the evidence package to --out, and verifies it untouched (exit 0)', async () => {
    const pkg = path.join(w.dir, 'package.zip');
    const r = await w.cli('docs', 'export', '--out', pkg);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote the document package \(2 documents in force, 5 files\) to .*package\.zip \(\d+\.\d KB\)\.\nCheck it offline with: fortytwo docs verify .*package\.zip\n$/,
    );
    const v = await w.cli('docs', 'verify', pkg);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toContain('Package of Docs CLI Org, generated ');
    expect(v.stdout).toMatch(/\nmanifest\.json SHA-256 [0-9a-f]{64}\n/);
    for (const c of codes) expect(v.stdout).toContain(`  ok       documents/${c}-v1.0.pdf\n`);
    expect(v.stdout).toContain(
      'Verified: all 5 files match manifest.json (SHA-256 and size), and nothing else is in the package.\n',
    );
    // Verifying needs no login.
    const offline = await spawnCli(['docs', 'verify', pkg], {
      FORTYTWO_CONFIG: path.join(w.dir, 'nowhere.json'),
      HOME: w.dir,
    });
    expect(offline.code, offline.stderr).toBe(0);
  });

  it('names the altered file when one byte of it changes in the zip (exit 3)', async () => {
    const pkg = await exportPackage('to-alter.zip');
    const bytes = fs.readFileSync(pkg);
    const target = `documents/${codes[0]}-v1.0.pdf`;
    const entry = zipEntries(bytes).find((e) => e.name === target)!;
    expect(entry.method).toBe(0); // stored as it is: the byte changed is a byte of the PDF itself
    const start =
      entry.localOffset + 30 + bytes.readUInt16LE(entry.localOffset + 26) + bytes.readUInt16LE(entry.localOffset + 28);
    bytes[start + Math.floor(entry.size / 2)]! ^= 0x01;
    const altered = path.join(w.dir, 'altered.zip');
    fs.writeFileSync(altered, bytes);
    const r = await w.cli('docs', 'verify', altered);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(
      new RegExp(
        `\\n  ALTERED  ${target.replace(/\./g, '\\.')}: its SHA-256 is [0-9a-f]{64}, manifest\\.json says [0-9a-f]{64}\\n`,
      ),
    );
    expect(r.stdout).toContain(`  ok       documents/${codes[0]}-v1.0.docx\n`);
    expect(r.stdout).toContain(
      'NOT VERIFIED: 1 altered (of 5 files listed). Do not rely on this package; ask for a new one.\n',
    );
    // The real executable exits with the same code.
    expect((await spawnCli(['docs', 'verify', altered], w.env)).code).toBe(3);

    // Unzipped, edited and zipped again by another tool: the same verdict.
    const rezipped = rezip(pkg, 'edited.zip', (files) => {
      const docx = files[`documents/${codes[1]}-v1.0.docx`]!;
      docx[100] = docx[100]! ^ 0xff;
    });
    const again = await w.cli('docs', 'verify', rezipped);
    expect(again.code).toBe(3);
    expect(again.stdout).toContain(`  ALTERED  documents/${codes[1]}-v1.0.docx: its SHA-256 is `);
  });

  it('names a missing file and an extra file (exit 3)', async () => {
    const pkg = await exportPackage('to-cut.zip');
    const missing = rezip(pkg, 'missing.zip', (files) => delete files[`documents/${codes[1]}-v1.0.docx`]);
    const r = await w.cli('docs', 'verify', missing);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`  MISSING  documents/${codes[1]}-v1.0.docx: listed in manifest.json, not in the zip\n`);
    expect(r.stdout).toContain('NOT VERIFIED: 1 missing (of 5 files listed).');

    const extra = rezip(
      pkg,
      'extra.zip',
      (files) => (files['documents/notes.txt'] = new TextEncoder().encode('added later')),
    );
    const e = await w.cli('docs', 'verify', extra);
    expect(e.code).toBe(3);
    expect(e.stdout).toContain('  EXTRA    documents/notes.txt: in the zip, not listed in manifest.json\n');
    expect(e.stdout).toContain('NOT VERIFIED: 1 extra (of 5 files listed).');

    const json = await w.cli('docs', 'verify', extra, '--json');
    expect(json.code).toBe(3);
    const result = JSON.parse(json.stdout) as { verified: boolean; files: { fileName: string; status: string }[] };
    expect(result.verified).toBe(false);
    expect(result.files.filter((f) => f.status !== 'ok')).toEqual([
      expect.objectContaining({ fileName: 'documents/notes.txt', status: 'extra' }),
    ]);
  });

  it('refuses a manifest edited to match an altered file when SHA256SUMS disagrees, and anything that is not a package', async () => {
    const pkg = await exportPackage('to-forge.zip');
    const forged = rezip(pkg, 'forged.zip', (files) => {
      const name = `documents/${codes[0]}-v1.0.pdf`;
      files[name] = new TextEncoder().encode('%PDF-1.7 forged');
      const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
        files: { fileName: string; sha256: string; size: number }[];
      };
      const f = manifest.files.find((x) => x.fileName === name)!;
      f.sha256 = '0d2b6bd1e8e4c5a4f9b8b3d8c1c0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192';
      f.size = files[name].length;
      files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
    });
    const r = await w.cli('docs', 'verify', forged);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  ALTERED  SHA256SUMS: it does not list the same files and hashes as manifest.json\n');

    const notZip = path.join(w.dir, 'not.zip');
    fs.writeFileSync(notZip, 'hello');
    const bad = await w.cli('docs', 'verify', notZip);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toBe(
      `NOT VERIFIED: ${notZip} cannot be checked: it is not a zip archive, or it was cut short (no central directory at its end).\n`,
    );
    const noManifest = rezip(pkg, 'no-manifest.zip', (files) => delete files['manifest.json']);
    expect((await w.cli('docs', 'verify', noManifest)).stdout).toContain(
      'cannot be checked: it has no manifest.json: it is not a Fortytwo document package.',
    );

    const absent = await w.cli('docs', 'verify', path.join(w.dir, 'absent.zip'));
    expect(absent.code).toBe(2);
    expect(absent.stderr).toContain('Cannot read');
    expect((await w.cli('docs', 'verify')).code).toBe(2);
    expect((await w.cli('docs', 'print')).stderr).toContain('Unknown command "docs print"');
    const help = await w.cli('docs', '--help');
    expect(help.stdout).toContain('verify <zip>');
  });
});
