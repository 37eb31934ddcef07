import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UsageError } from './errors';
import type { Io } from './io';

/** What `fortytwo login` stores: the server, the API token (a secret: the file is mode 0600) and the default organization. */
export type StoredConfig = { url: string; token: string; orgId?: string | undefined };

export function configPath(env: Io['env']): string {
  if (env.FORTYTWO_CONFIG) return path.resolve(env.FORTYTWO_CONFIG);
  const base = env.XDG_CONFIG_HOME || path.join(env.HOME || os.homedir(), '.config');
  return path.join(base, 'fortytwo', 'config.json');
}

export function readConfig(env: Io['env']): StoredConfig | null {
  const file = configPath(env);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`Cannot read the configuration ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(`The configuration ${file} is not valid JSON. Delete it and run "fortytwo login" again.`);
  }
  const c = data as Partial<Record<keyof StoredConfig, unknown>>;
  if (typeof c !== 'object' || c === null || typeof c.url !== 'string' || typeof c.token !== 'string') {
    throw new UsageError(`The configuration ${file} lacks url or token. Run "fortytwo login" again.`);
  }
  return { url: c.url, token: c.token, orgId: typeof c.orgId === 'string' ? c.orgId : undefined };
}

/** Writes through a temporary file created 0600, so the token is never readable by others, even briefly. */
export function writeConfig(env: Io['env'], config: StoredConfig): string {
  const file = configPath(env);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
  return file;
}

/** Server URL without a trailing slash; only http and https. */
export function normalizeUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`--url must be a URL like http://localhost:4242, not "${raw}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new UsageError(`--url must start with http:// or https://, not "${u.protocol}"`);
  return u.toString().replace(/\/+$/, '');
}

export type Connection = { url: string; token: string; orgId: string | undefined };

/** The stored login, overridden by FORTYTWO_URL, FORTYTWO_TOKEN and FORTYTWO_ORG (handy in CI). */
export function connection(env: Io['env']): Connection {
  const stored = readConfig(env);
  const url = env.FORTYTWO_URL || stored?.url;
  const token = env.FORTYTWO_TOKEN || stored?.token;
  if (!url || !token) {
    throw new UsageError(
      'Not logged in. Run: fortytwo login --url http://localhost:4242 --token ft_... (create the token under "API tokens" in the web app)',
    );
  }
  return { url: normalizeUrl(url), token, orgId: env.FORTYTWO_ORG || stored?.orgId };
}
