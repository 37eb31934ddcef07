import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliWorld, type CliWorld } from './helpers';

describe('fortytwo metrics push', () => {
  let w: CliWorld;
  let pipelineEnv: Record<string, string>;

  /** A metric of the test's own (its ref, M-n), so no test reads the measurements another pushed. */
  async function newMetric(): Promise<string> {
    const metric = await w.owner.post(`/api/orgs/${w.orgId}/metrics`, {
      name: 'Fairness ratio',
      frequency: 'weekly',
      lowerThreshold: 0.8,
      ownerId: w.owner.user!.id,
    });
    expect(metric.status, metric.text).toBe(201);
    return metric.body.ref as string;
  }

  beforeAll(async () => {
    w = await startCliWorld('Metrics CLI Org');
    const token = await w.owner.post('/api/tokens', { name: 'pipeline', scope: 'measurements' });
    pipelineEnv = { ...w.env, FORTYTWO_URL: w.url, FORTYTWO_TOKEN: token.body.token, FORTYTWO_ORG: w.orgId };
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('records a value with a measurements token and says when it opens a breach', async () => {
    const ref = await newMetric();
    const ok = await runCli(['metrics', 'push', ref, '0.91', '--at', '2027-01-07'], pipelineEnv);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toBe(
      `Recorded 0.91 for ${ref} Fairness ratio at 2027-01-07T00:00:00.000Z (within the thresholds).\n`,
    );
    const low = await runCli(
      ['metrics', 'push', ref, '0.7', '--at', '2027-01-14T09:00:00Z', '--note', 'new model'],
      pipelineEnv,
    );
    expect(low.code, low.stderr).toBe(0);
    expect(low.stdout).toContain('a breach was opened');
    const actions = (await w.owner.get(`/api/orgs/${w.orgId}/actions?sourceType=metric_breach`)).body.items;
    expect(actions.filter((a: { sourceRef: string | null }) => a.sourceRef === ref)).toHaveLength(1);
  });

  it('counts a retried push once (--key, or the same --at and value)', async () => {
    const ref = await newMetric();
    const first = await runCli(['metrics', 'push', ref, '0.91', '--at', '2027-01-07'], pipelineEnv);
    expect(first.stdout).toMatch(new RegExp(`^Recorded 0.91 for ${ref} `));
    const args = ['metrics', 'push', ref, '0.95', '--key', 'run-17'];
    expect((await runCli(args, pipelineEnv)).stdout).toMatch(new RegExp(`^Recorded 0.95 for ${ref} `));
    const again = await runCli(args, pipelineEnv);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`^Already recorded: ${ref} Fairness ratio has 0.95 at .*; nothing was added\\.\\n$`),
    );
    const sameAt = await runCli(['metrics', 'push', ref, '0.91', '--at', '2027-01-07'], pipelineEnv);
    expect(sameAt.stdout).toBe(
      `Already recorded: ${ref} Fairness ratio has 0.91 at 2027-01-07T00:00:00.000Z; nothing was added.\n`,
    );
    const values = (await w.owner.get(`/api/orgs/${w.orgId}/metrics/${ref}/measurements`)).body.items.map(
      (m: { value: number }) => m.value,
    );
    expect(values.filter((v: number) => v === 0.95 || v === 0.91)).toHaveLength(2);
  });

  it('refuses a value that is not a number or a bad --at before calling the server, and asks a measurements token for --org', async () => {
    const bad = await runCli(['metrics', 'push', 'M-1', 'high'], pipelineEnv);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/<value> must be a number/);
    expect((await runCli(['metrics', 'push', 'M-1', '1', '--at', 'yesterday'], pipelineEnv)).stderr).toMatch(
      /--at must be a date or a time/,
    );
    const noOrg = await runCli(['metrics', 'push', 'M-1', '1'], { ...pipelineEnv, FORTYTWO_ORG: '' });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toMatch(/pass --org <id> or set FORTYTWO_ORG/);
  });

  it("reports an unknown metric as the server's 404", async () => {
    const r = await runCli(['metrics', 'push', 'M-99', '1'], pipelineEnv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Metric was not found/);
  });
});
