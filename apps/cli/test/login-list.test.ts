import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validAiSystem } from '../../server/test/harness';
import { runCli, startCliWorld, type CliWorld } from './helpers';

/** A local port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

describe('fortytwo login and ai-systems list', () => {
  let w: CliWorld;

  beforeAll(async () => {
    w = await startCliWorld('Listing Org');
    const base = `/api/orgs/${w.orgId}/ai-systems`;
    for (const s of [
      validAiSystem({
        name: 'Credit scoring',
        aiRoles: ['provider', 'producer'],
        lifecycleStage: 'operation',
        riskTier: 'high',
        ownerId: w.owner.user!.id,
      }),
      validAiSystem({
        name: 'Anti-fraud engine',
        aiRoles: ['provider'],
        lifecycleStage: 'deployment',
        riskTier: 'minimal',
      }),
      validAiSystem({
        name: 'Support chatbot',
        aiRoles: ['customer'],
        lifecycleStage: 'verification',
        riskTier: 'limited',
        intendedPurpose: 'Answer customer questions',
      }),
    ]) {
      expect((await w.owner.post(base, s)).status).toBe(201);
    }
    // The CLI of `w.cli` is logged in here, not by the login test, so the listing tests read a saved
    // configuration whatever order they run in; the login test saves into a file of its own.
    const login = await w.cli('login', '--url', w.url, '--token', w.token);
    expect(login.code, login.stderr).toBe(0);
  });
  afterAll(async () => {
    await w?.stop();
  });

  it('logs in: checks the token, saves url, token and the only organization (mode 0600)', async () => {
    const configFile = path.join(w.dir, 'login.json');
    const r = await runCli(['login', '--url', `${w.url}/`, '--token', w.token], {
      FORTYTWO_CONFIG: configFile,
      HOME: w.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`as Olivia Owner <${w.owner.user!.email}>`);
    expect(r.stdout).toContain(`* ${w.orgId}  Listing Org (owner)`);
    expect(JSON.parse(fs.readFileSync(configFile, 'utf8'))).toEqual({ url: w.url, token: w.token, orgId: w.orgId });
    expect(fs.statSync(configFile).mode & 0o777).toBe(0o600);
  });

  it('refuses --org of an organization the user does not belong to, saving nothing', async () => {
    const env = { FORTYTWO_CONFIG: path.join(w.dir, 'other.json') };
    const r = await runCli(['login', '--url', w.url, '--token', w.token, '--org', 'not-mine'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a member of organization not-mine/);
    expect(fs.existsSync(env.FORTYTWO_CONFIG)).toBe(false);
  });

  it('lists the inventory as an aligned table sorted by name', async () => {
    const r = await w.cli('ai-systems', 'list');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+LIFECYCLE STAGE\s+AI ROLES\s+RISK TIER\s+OWNER$/);
    expect(lines.slice(1, 4).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'Anti-fraud engine',
      'Credit scoring',
      'Support chatbot',
    ]);
    expect(lines[2]).toMatch(/^Credit scoring\s+operation\s+provider, producer\s+high\s+owner-/);
    expect(lines[1]).toMatch(/minimal\s+-$/);
    // Aligned: every column starts at the same offset on every line.
    const col = (l: string, text: string) => l.indexOf(text);
    expect(col(lines[1]!, 'deployment')).toBe(col(lines[0]!, 'LIFECYCLE STAGE'));
    expect(col(lines[3]!, 'limited')).toBe(col(lines[0]!, 'RISK TIER'));
    expect(lines.at(-1)).toBe('3 AI systems');
  });

  it('prints JSON, follows nextCursor across pages, and applies filters and --limit', async () => {
    const all = await w.cli('ai-systems', 'list', '--json', '--page-size', '1');
    expect(all.code, all.stderr).toBe(0);
    const items = JSON.parse(all.stdout);
    expect(items.map((s: { name: string }) => s.name)).toEqual([
      'Anti-fraud engine',
      'Credit scoring',
      'Support chatbot',
    ]);
    expect(items[1]).toMatchObject({
      aiRoles: ['provider', 'producer'],
      riskTier: 'high',
      owner: { email: w.owner.user!.email },
      version: 1,
    });

    const limited = JSON.parse(
      (await w.cli('ai-systems', 'list', '--json', '--page-size', '2', '--limit', '2')).stdout,
    );
    expect(limited).toHaveLength(2);
    const staged = JSON.parse(
      (await w.cli('ai-systems', 'list', '--json', '--lifecycle-stage', 'verification')).stdout,
    );
    expect(staged.map((s: { name: string }) => s.name)).toEqual(['Support chatbot']);
    const searched = JSON.parse(
      (await w.cli('ai-systems', 'list', '--json', '--q', 'customer questions', '--org', w.orgId)).stdout,
    );
    expect(searched.map((s: { name: string }) => s.name)).toEqual(['Support chatbot']);
    const none = await w.cli('ai-systems', 'list', '--q', 'nothing like this');
    expect(none.stdout).toBe('No AI systems found.\n');
  });

  it('reports a bad token clearly, with exit code 1', async () => {
    const env = { FORTYTWO_CONFIG: path.join(w.dir, 'bad.json') };
    fs.writeFileSync(env.FORTYTWO_CONFIG, JSON.stringify({ url: w.url, token: 'ft_not-a-real-token', orgId: w.orgId }));
    const r = await runCli(['ai-systems', 'list'], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fortytwo: The API token is invalid or has been revoked \(HTTP 401 UNAUTHENTICATED\)/);
    expect(r.stderr).toMatch(/fortytwo login/);

    const login = await runCli(['login', '--url', w.url, '--token', 'ft_wrong'], {
      FORTYTWO_CONFIG: path.join(w.dir, 'never.json'),
    });
    expect(login.code).toBe(1);
    expect(login.stderr).toMatch(/invalid or has been revoked/);
    expect(fs.existsSync(path.join(w.dir, 'never.json'))).toBe(false);
  });

  it('reports an unreachable server with exit code 1 and an organization it cannot see with its 404', async () => {
    const port = await closedPort();
    const down = await runCli(['ai-systems', 'list'], {
      FORTYTWO_URL: `http://127.0.0.1:${port}`,
      FORTYTWO_TOKEN: w.token,
      FORTYTWO_ORG: w.orgId,
    });
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Cannot reach http://127.0.0.1:${port}: ECONNREFUSED`);
    const hidden = await w.cli('ai-systems', 'list', '--org', 'someone-elses-org');
    expect(hidden.code).toBe(1);
    expect(hidden.stderr).toMatch(/HTTP 404 NOT_FOUND/);
  });

  it('explains usage errors with exit code 2, and has --help on every level and --version', async () => {
    for (const argv of [
      ['--help'],
      ['login', '--help'],
      ['ai-systems', '--help'],
      ['ai-systems', 'list', '--help'],
      ['ai-systems', 'import', '-h'],
    ]) {
      const r = await w.cli(...argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout, argv.join(' ')).toMatch(/^Usage: fortytwo/);
    }
    expect((await w.cli('--version')).stdout).toMatch(/^fortytwo \d+\.\d+\.\d+\n$/);
    const cases: [string[], RegExp][] = [
      [[], /Usage: fortytwo <command>/],
      [['nope'], /unknown command "nope"/],
      [['ai-systems', 'delete'], /Unknown command "ai-systems delete"/],
      [['ai-systems', 'list', '--colour'], /Unknown option '--colour'[\s\S]*fortytwo ai-systems list --help/],
      [['ai-systems', 'list', '--lifecycle-stage', 'later'], /--lifecycle-stage must be one of: idea, design/],
      [['ai-systems', 'list', '--limit', '0'], /--limit must be a whole number/],
      [['login', '--url', 'ftp://x', '--token', 'ft_x'], /--url must start with http/],
      [['ai-systems', 'import'], /Name the CSV file/],
    ];
    for (const [argv, message] of cases) {
      const r = await w.cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
    const loggedOut = await runCli(['ai-systems', 'list'], { FORTYTWO_CONFIG: path.join(w.dir, 'missing.json') });
    expect(loggedOut.code).toBe(2);
    expect(loggedOut.stderr).toMatch(/Not logged in\. Run: fortytwo login/);
  });
});
