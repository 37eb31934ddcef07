import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validAiSystem } from '../../server/test/harness';
import { startCliWorld, type CliWorld } from './helpers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Spawns `node apps/cli/bin/fortytwo.mjs` (asynchronously: the test server answers from this process). */
function spawnCli(
  argv: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FORTYTWO_')));
    execFile(
      process.execPath,
      ['apps/cli/bin/fortytwo.mjs', ...argv],
      { cwd: root, env: { ...clean, ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('the fortytwo executable', () => {
  let w: CliWorld;

  beforeAll(async () => {
    w = await startCliWorld('Bin Org');
    await w.owner.post(`/api/orgs/${w.orgId}/ai-systems`, validAiSystem({ name: 'Spawned system' }));
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('is an executable node script', () => {
    const bin = path.join(root, 'apps/cli/bin/fortytwo.mjs');
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('runs the TypeScript sources: version, login, list, and exit codes of a real process', async () => {
    const version = await spawnCli(['--version'], w.env);
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'apps/cli/package.json'), 'utf8'));
    expect(version).toMatchObject({ code: 0, stdout: `fortytwo ${pkg.version}\n` });

    const login = await spawnCli(['login', '--url', w.url, '--token', w.token], w.env);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('Bin Org');

    const list = await spawnCli(['ai-systems', 'list', '--json'], w.env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).map((s: { name: string }) => s.name)).toEqual(['Spawned system']);

    const usage = await spawnCli(['ai-systems', 'list', '--bogus'], w.env);
    expect(usage.code).toBe(2);
    const denied = await spawnCli(['ai-systems', 'list'], { ...w.env, FORTYTWO_TOKEN: 'ft_revoked' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/invalid or has been revoked/);
  });
});
