import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newOrgOwner, startTestServer, tokenClient, type Client, type TestServer } from '../../server/test/harness';
import { run } from '../src/main';

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the CLI in-process with captured output and a private configuration file. */
export async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return { code, stdout, stderr };
}

export type CliWorld = {
  server: TestServer;
  url: string;
  owner: Client;
  orgId: string;
  token: string;
  dir: string;
  configFile: string;
  env: Record<string, string>;
  cli: (...argv: string[]) => Promise<CliResult>;
  stop: () => Promise<void>;
};

/** A real server on a random local port, a first owner with an API token, and a CLI pointed at a temp config. */
export async function startCliWorld(orgName = 'CLI Org'): Promise<CliWorld> {
  const server = await startTestServer('sqlite');
  const url = await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { owner, orgId } = await newOrgOwner(server, orgName);
  const token = (await tokenClient(owner)).auth.bearer!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-cli-'));
  const configFile = path.join(dir, 'config.json');
  const env = { FORTYTWO_CONFIG: configFile, HOME: dir };
  return {
    server,
    url,
    owner,
    orgId,
    token,
    dir,
    configFile,
    env,
    cli: (...argv: string[]) => runCli(argv, env),
    stop: async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}
