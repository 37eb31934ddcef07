import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliWorld, type CliWorld } from './helpers';

describe('fortytwo readiness', () => {
  let w: CliWorld;
  let env: Record<string, string>;

  beforeAll(async () => {
    w = await startCliWorld('Readiness CLI Org');
    env = { ...w.env, FORTYTWO_URL: w.url, FORTYTWO_TOKEN: w.token, FORTYTWO_ORG: w.orgId };
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('prints the verdict and blocking findings with fix links, and exits 3 while not ready', async () => {
    const r = await runCli(['readiness'], env);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/^NOT READY for stage 1: Not ready for stage 1/);
    expect(r.stdout).toContain('[BLOCKING] 4.3  The AIMS scope is approved (lacks data; scope-approved)');
    expect(r.stdout).toContain(`fix: ${w.url}/orgs/${w.orgId}/scope`);
    expect(r.stdout).not.toContain('[ok]');
  });

  it('answers JSON for stage 2 with the same exit code, and refuses a bad stage before calling the server', async () => {
    const r = await runCli(['readiness', '--stage', '2', '--json'], env);
    expect(r.code).toBe(3);
    const body = JSON.parse(r.stdout) as { stage: number; verdict: string; findings: { id: string }[] };
    expect(body.stage).toBe(2);
    expect(body.verdict).toBe('not_ready');
    expect(body.findings.map((f) => f.id)).toContain('monitoring-over-period');
    const bad = await runCli(['readiness', '--stage', '3'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--stage must be 1 or 2/);
  });
});
