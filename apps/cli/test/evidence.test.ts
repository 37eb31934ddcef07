import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCliWorld, type CliWorld } from './helpers';

describe('fortytwo evidence', () => {
  let w: CliWorld;
  let pkg = '';

  // A world per test: the package test exports what it added itself, whatever ran before it.
  beforeEach(async () => {
    w = await startCliWorld('Evidence CLI Org');
    expect((await w.cli('login', '--url', w.url, '--token', w.token)).code).toBe(0);
  });
  afterEach(async () => {
    await w?.stop();
  });

  /** A file attached to a control, expiring in five days, and a link: EV-1 and EV-2. */
  const addFileAndLink = async () => {
    const file = path.join(w.dir, 'access review.pdf');
    fs.writeFileSync(file, '%PDF-1.7\naccess review\n');
    const added = await w.cli(
      'evidence',
      'add',
      file,
      '--attach',
      'control:A.6.2.4',
      '--expires',
      new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10),
    );
    const link = await w.cli(
      'evidence',
      'add',
      'https://wiki.example/model-card',
      '--title',
      'Model card',
      '--owner',
      w.owner.user!.id,
    );
    return { added, link };
  };

  it('adds a file attached to a control and a link, and lists them with their expiry state', async () => {
    const { added, link } = await addFileAndLink();
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^Added EV-1 "access review.pdf", attached to control:A.6.2.4/);
    expect(link.stdout).toMatch(/Added EV-2 "Model card"/);
    expect((await w.cli('evidence', 'add', 'https://x.example')).code).toBe(2);
    const bad = await w.cli('evidence', 'add', path.join(w.dir, 'nope.exe'));
    expect(bad.code).toBe(2);
    const list = await w.cli('evidence', 'list');
    expect(list.stdout).toMatch(/EV-1\s+access review.pdf.*EXPIRING\s+1/);
    expect(list.stdout).toContain('2 pieces of evidence, 1 expiring or expired');
    // The owner comes from the answer's people map (issue 19), printed by name as before.
    expect(list.stdout).toMatch(new RegExp(`EV-2\\s+Model card.*${w.owner.user!.name}`));
    const all = JSON.parse((await w.cli('evidence', 'list', '--json')).stdout) as {
      reference: string;
      owner: { email: string } | null;
    }[];
    expect(all.find((e) => e.reference === 'EV-2')?.owner).toMatchObject({ email: w.owner.user!.email });
    const expiring = JSON.parse((await w.cli('evidence', 'list', '--expiry', 'expiring', '--json')).stdout) as {
      reference: string;
    }[];
    expect(expiring.map((e) => e.reference)).toEqual(['EV-1']);
  });

  it('exports the package and verifies it offline; a changed file fails with exit code 3', async () => {
    await addFileAndLink();
    pkg = path.join(w.dir, 'evidence.zip');
    expect((await w.cli('evidence', 'export', '--out', pkg)).code).toBe(0);
    const ok = await w.cli('evidence', 'verify', pkg);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toContain('2 pieces of evidence, 1 file listed');
    expect(ok.stdout).toMatch(/Verified: all 1 file match/);
    const files = unzipSync(fs.readFileSync(pkg));
    const name = Object.keys(files).find((n) => n.startsWith('evidence/'))!;
    files[name] = new TextEncoder().encode('%PDF-1.7\nforged\n');
    const forged = path.join(w.dir, 'forged.zip');
    fs.writeFileSync(forged, zipSync(files));
    const bad = await w.cli('evidence', 'verify', forged);
    expect(bad.code).toBe(3);
    expect(bad.stdout).toMatch(/ALTERED\s+evidence\/EV-1-access review.pdf/);
    // A document package is not an evidence package.
    const docPkg = path.join(w.dir, 'doc.zip');
    fs.writeFileSync(
      docPkg,
      zipSync({
        'manifest.json': new TextEncoder().encode(
          JSON.stringify({
            format: 'fortytwo/document-package@1',
            organization: { id: 'x', name: 'x' },
            generatedAt: '2026-01-01T00:00:00Z',
            files: [],
          }),
        ),
      }),
    );
    expect((await w.cli('evidence', 'verify', docPkg)).stdout).toMatch(
      /not the manifest of a Fortytwo evidence package/,
    );
  });
});
