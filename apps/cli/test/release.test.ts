import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCliWorld, writeFile, type CliWorld } from './helpers';

describe('fortytwo ai-systems release add', () => {
  let w: CliWorld;
  let ciEnv: Record<string, string>;
  let systemId: string;

  beforeAll(async () => {
    w = await startCliWorld('Release CLI Org');
    const sys = await w.owner.post(`/api/orgs/${w.orgId}/ai-systems`, {
      name: 'Credit scoring model',
      intendedPurpose: 'Estimate default risk',
      aiRoles: ['provider'],
      lifecycleStage: 'development',
    });
    expect(sys.status, sys.text).toBe(201);
    systemId = sys.body.id;
    const token = await w.owner.post('/api/tokens', { name: 'ci', scope: 'releases' });
    expect(token.status, token.text).toBe(201);
    ciEnv = { ...w.env, FORTYTWO_URL: w.url, FORTYTWO_TOKEN: token.body.token, FORTYTWO_ORG: w.orgId };
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('records a release with its test results from a CI job with a releases token', async () => {
    const results = writeFile(
      w.dir,
      'results.json',
      JSON.stringify([
        { area: 'performance', criterion: 'AUC >= 0.80', result: '0.83', passed: true },
        { area: 'fairness', criterion: 'Approval gap <= 5 points', result: '6.2', passed: false },
        { area: 'robustness', criterion: 'Drop <= 0.02 under noise', result: '0.01', passed: true },
        { area: 'security', criterion: 'No high finding', result: 'none', passed: true },
      ]),
    );
    const r = await runCli(
      [
        'ai-systems',
        'release',
        'add',
        systemId,
        '--version',
        '2.1.0',
        '--date',
        '2026-12-03',
        '--model-version',
        'run-8812',
        '--what-changed',
        'Retrained on Q3 data',
        '--results',
        results,
        '--decision',
        'deploy_with_conditions',
        '--decided-by',
        'Release manager',
      ],
      ciEnv,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      'Recorded release 2.1.0 of 2026-12-03 with 4 tests (3 passed), decision: deploy_with_conditions.\n',
    );
    const list = (await w.owner.get(`/api/orgs/${w.orgId}/ai-systems/${systemId}/releases`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      releaseVersion: '2.1.0',
      modelVersion: 'run-8812',
      source: 'api',
      verification: { decision: 'deploy_with_conditions', decidedBy: { name: 'Release manager' } },
    });

    // The same version again: the server's 409, exit 1.
    const again = await runCli(['ai-systems', 'release', 'add', systemId, '--version', '2.1.0'], ciEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a release "2.1.0"/);
  });

  it('says what to fix before calling the server', async () => {
    const noVersion = await runCli(['ai-systems', 'release', 'add', systemId], ciEnv);
    expect(noVersion.code).toBe(2);
    expect(noVersion.stderr).toMatch(/--version is required/);
    const bad = writeFile(
      w.dir,
      'bad.json',
      JSON.stringify([{ area: 'speed', criterion: 'x', result: 'y', passed: true }]),
    );
    const wrongArea = await runCli(
      [
        'ai-systems',
        'release',
        'add',
        systemId,
        '--version',
        '3',
        '--results',
        bad,
        '--decision',
        'deploy',
        '--decided-by',
        'A',
      ],
      ciEnv,
    );
    expect(wrongArea.code).toBe(2);
    expect(wrongArea.stderr).toMatch(/verification.tests.0.area: area must be one of: performance, fairness/);
    const noDecision = await runCli(
      ['ai-systems', 'release', 'add', systemId, '--version', '3', '--results', bad],
      ciEnv,
    );
    expect(noDecision.stderr).toMatch(/--decision is required with --results/);
    const missing = await runCli(
      ['ai-systems', 'release', 'add', systemId, '--version', '3', '--results', `${w.dir}/nope.json`],
      ciEnv,
    );
    expect(missing.stderr).toMatch(/no such file/);
    const noOrg = await runCli(['ai-systems', 'release', 'add', systemId, '--version', '3'], {
      ...ciEnv,
      FORTYTWO_ORG: '',
    });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toMatch(/pass --org <id> or set FORTYTWO_ORG/);
  });
});
