import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinServerDay, serverToday, validAiSystem } from '../../server/test/harness';
import { startCliWorld, type CliWorld } from './helpers';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/fortytwo.mjs');

/** The real executable, run in `cwd` (asynchronously: the test server answers from this process). */
function spawnCli(
  argv: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('FORTYTWO_')));
    execFile(process.execPath, [BIN, ...argv], { cwd, env: { ...clean, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// The file name carries the server's day, pinned so a run across midnight cannot name it a day apart.
pinServerDay();
const day = serverToday;

describe('fortytwo soa export', () => {
  let w: CliWorld;
  let riskRef = '';

  // A world per test: the approval test decides every open control, which the CSV test must not see.
  beforeEach(async () => {
    w = await startCliWorld('SoA CLI Org');
    expect((await w.cli('login', '--url', w.url, '--token', w.token)).code).toBe(0);
    const system = await w.owner.post(
      `/api/orgs/${w.orgId}/ai-systems`,
      validAiSystem({ name: 'Claims triage model' }),
    );
    expect(system.status).toBe(201);
    const risk = await w.owner.post(`/api/orgs/${w.orgId}/risks`, {
      title: 'Unfair triage of claims',
      source: 'C.3.4',
      likelihood: 4,
      consequence: 4,
      aiSystemId: system.body.id,
    });
    expect(risk.status, risk.text).toBe(201);
    riskRef = risk.body.ref;
    const treatment = await w.owner.post(`/api/orgs/${w.orgId}/risks/${risk.body.id}/treatments`, {
      option: 'modify',
      description: 'Document the lifecycle',
      controlRefs: ['A.6.2.4'],
      actions: [{ title: 'Write the life-cycle procedure', ownerId: w.owner.user!.id, dueDate: '2099-03-31' }],
    });
    expect(treatment.status, treatment.text).toBe(201);
  });
  afterEach(async () => {
    await w?.stop();
  });

  it('writes the SoA as CSV to --out, with the treated control included and the risk as its reason', async () => {
    const out = path.join(w.dir, 'soa.csv');
    const r = await w.cli('soa', 'export', '--format', 'csv', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^Wrote the Statement of Applicability as CSV to ${out.replace(/[.\\/]/g, '\\$&')} \\(\\d+(\\.\\d)? (bytes|KB)\\)\\.\\n$`,
      ),
    );
    const csv = fs.readFileSync(out, 'utf8');
    const row = csv.split(/\r?\n/).find((l) => l.startsWith('A.6.2.4,'));
    expect(row).toBeDefined();
    expect(row).toContain('Included');
    expect(row).toContain(`Treats risk ${riskRef}: Unfair triage of claims`);
    expect(csv.split(/\r?\n/).find((l) => l.startsWith('A.2.2,'))).toContain('Undecided');
  });

  it('writes XLSX, DOCX and PDF files that are what they claim to be', async () => {
    for (const [format, magic] of [
      ['xlsx', 'PK'],
      ['docx', 'PK'],
      ['pdf', '%PDF'],
    ] as const) {
      const out = path.join(w.dir, `soa.${format}`);
      const r = await w.cli('soa', 'export', '--format', format, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`as ${format.toUpperCase()} to ${out}`);
      expect(fs.readFileSync(out).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
  });

  it('refuses an unknown or missing format with exit code 2, and a bad version', async () => {
    const bad = await w.cli('soa', 'export', '--format', 'odt');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('fortytwo: --format must be one of: xlsx, docx, csv, pdf (not "odt")\n');
    const missing = await w.cli('soa', 'export');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--format is required (xlsx, docx, csv, pdf)');
    const version = await w.cli('soa', 'export', '--format', 'pdf', '--version', 'latest');
    expect(version.code).toBe(2);
    expect(version.stderr).toContain('--version must be a whole number of at least 1, not "latest"');
    const unknown = await w.cli('soa', 'print');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "soa print"');
    const help = await w.cli('soa', 'export', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: fortytwo soa export --format xlsx|docx|csv|pdf');
  });

  it('says when the version asked for was never approved (exit 1), then exports an approved version under the server’s file name', async () => {
    const none = await w.cli(
      'soa',
      'export',
      '--format',
      'xlsx',
      '--version',
      '1',
      '--out',
      path.join(w.dir, 'never.xlsx'),
    );
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Version 1 of the Statement of Applicability was not found');
    expect(fs.existsSync(path.join(w.dir, 'never.xlsx'))).toBe(false);

    // Decide every control still open, then approve version 1.
    const soa = (
      await w.owner.get<{ items: { ref: string; included: boolean | null; version: number }[] }>(
        `/api/orgs/${w.orgId}/soa`,
      )
    ).body;
    for (const i of soa.items.filter((x) => x.included === null))
      expect(
        (await w.owner.patch(`/api/orgs/${w.orgId}/soa/items/${i.ref}`, { version: i.version, included: true })).status,
      ).toBe(200);
    // The SoA rests on approved risk criteria and an approved treatment plan (issue 15's rules).
    const criteria = (await w.owner.get<{ draft: { version: number } }>(`/api/orgs/${w.orgId}/risk-criteria`)).body;
    expect(
      (await w.owner.post(`/api/orgs/${w.orgId}/risk-criteria/approve`, { version: criteria.draft.version })).status,
    ).toBe(200);
    const plan = (await w.owner.get<{ number: number }>(`/api/orgs/${w.orgId}/risk-treatment-plan`)).body;
    const planApproved = await w.owner.post(`/api/orgs/${w.orgId}/risk-treatment-plan/approve`, {
      number: plan.number,
      acknowledgement: 'Owners are named at the next risk review',
    });
    expect(planApproved.status, planApproved.text).toBe(200);
    const approved = await w.owner.post(`/api/orgs/${w.orgId}/soa/approve`, {
      version: 1,
      acknowledgement: 'Implementation statuses are set at the first control review',
    });
    expect(approved.status, approved.text).toBe(200);

    // The real executable, in a directory of its own: the file takes the name the server gives it.
    const cwd = fs.mkdtempSync(path.join(w.dir, 'cwd-'));
    const r = await spawnCli(['soa', 'export', '--format', 'xlsx', '--version', '1'], w.env, cwd);
    expect(r.code, r.stderr).toBe(0);
    const expected = path.join(fs.realpathSync(cwd), `statement-of-applicability-v1-${day()}.xlsx`);
    expect(r.stdout).toContain(`Wrote the Statement of Applicability (version 1) as XLSX to `);
    expect(fs.readdirSync(cwd)).toEqual([path.basename(expected)]);
    expect(fs.readFileSync(expected).subarray(0, 2).toString('latin1')).toBe('PK');

    const refused = await spawnCli(['soa', 'export', '--format', 'html'], w.env, cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--format must be one of: xlsx, docx, csv, pdf');
  });
});
