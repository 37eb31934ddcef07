import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { Role } from '@fortytwo/domain';
import { loadConfig } from '../src/platform/config';
import { connect, type DbHandle } from '../src/platform/db/connect';
import { createServer, type Server } from '../src/server';
import { clockFrom, setClock, today } from '../src/platform/clock';
import { copySqliteTemplate, createTestDatabase } from './templates';

export type DialectName = 'sqlite' | 'postgres';

/**
 * What every test server runs with unless a test says otherwise. The request limits of the abuse-prone
 * routes count per address, and every test request comes from 127.0.0.1: a file that signs in or accepts
 * invitations a few hundred times a minute would meet them, so they are raised here; rate-limit.test.ts
 * runs them as shipped (REQUEST_LIMIT_SCALE=1). NODE_ENV=test makes every answer match its response
 * schema exactly or fail with a 500 naming the route and field (platform/http/serialize.ts).
 */
export const TEST_ENV = { LOG_LEVEL: 'silent', REQUEST_LIMIT_SCALE: '100', NODE_ENV: 'test' } as const;

/**
 * Runs the same suite against a fresh SQLite file and a fresh PostgreSQL database. Without
 * TEST_DATABASE_URL the PostgreSQL half is skipped with its reason in the test name, never silently.
 */
export function describeEachDialect(
  title: string,
  suite: (ctx: () => TestServer) => void,
  opts: { env?: () => NodeJS.ProcessEnv } = {},
) {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && !process.env.TEST_DATABASE_URL) {
      describe.skip(`${title} [postgres] (skipped: TEST_DATABASE_URL not set)`, () => suite(() => undefined as never));
      continue;
    }
    describe(`${title} [${dialect}]`, () => {
      let ts: TestServer | undefined;
      beforeAll(async () => {
        ts = await startTestServer(dialect, { env: opts.env?.() });
      });
      afterAll(async () => {
        await ts?.stop();
      });
      suite(() => {
        if (!ts) throw new Error('test server not started');
        return ts;
      });
    });
  }
}

export type TestServer = Server & {
  dialect: DialectName;
  databaseUrl: string | undefined;
  dataDir: string;
  stop: () => Promise<void>;
};

/**
 * Another server process's view of the same PostgreSQL database: its own pool and app, as when
 * several instances run behind a load balancer. Sessions live in the database, so a client signed
 * in on one instance works on the other (`new Client(other, c.auth, c.user)`).
 */
export async function otherInstance(ts: TestServer, env: NodeJS.ProcessEnv = {}): Promise<Server> {
  if (ts.dialect !== 'postgres' || !ts.databaseUrl)
    throw new Error('a second instance shares a PostgreSQL database; SQLite serves one process');
  const config = {
    ...loadConfig({ DATA_DIR: ts.dataDir, ...TEST_ENV, ...env }),
    databaseUrl: ts.databaseUrl,
    webDist: path.join(ts.dataDir, 'no-web'),
  };
  const server = await createServer(config, { logger: false });
  await server.app.ready();
  return server;
}

/**
 * The database starts as a copy of the one global-setup.ts migrated (the server's own migration then
 * finds nothing to do). `beforeStart` runs on a fresh, empty database instead, before the server migrates
 * it (e.g. to build an older schema); `env` adds configuration (e.g. SMTP_URL of an in-process mail server).
 */
export async function startTestServer(
  dialect: DialectName,
  opts: { beforeStart?: (handle: DbHandle) => Promise<void>; env?: NodeJS.ProcessEnv | undefined } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fortytwo-test-'));
  let dropDb = async () => {};
  let databaseUrl: string | undefined;
  if (dialect === 'postgres') {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `fortytwo_test_${randomBytes(6).toString('hex')}`;
    await createTestDatabase(base, name, { migrated: !opts.beforeStart });
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // The closed pool's sockets may still be saying goodbye: wait for them rather than kill them,
      // since a killed connection surfaces as an uncaught error in the test run. Force only as a last resort.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}${attempt >= 50 ? ' with (force)' : ''}`);
          break;
        } catch (err) {
          if (attempt >= 50 || (err as { code?: string }).code !== '55006') throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    };
  }
  // Starts from the migrated copy (global-setup.ts), unless the test builds its own schema first.
  if (dialect === 'sqlite' && !opts.beforeStart) copySqliteTemplate(dataDir);
  const config = {
    ...loadConfig({ DATA_DIR: dataDir, ...TEST_ENV, ...opts.env }),
    databaseUrl,
    webDist: path.join(dataDir, 'no-web'),
  };
  const handle: DbHandle = connect({ databaseUrl, dataDir });
  await opts.beforeStart?.(handle);
  const server = await createServer(config, { logger: false, handle });
  await server.app.ready();
  return {
    ...server,
    dialect,
    databaseUrl,
    dataDir,
    stop: async () => {
      await server.close();
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Body = Record<string, unknown> | unknown[] | string | undefined;
export type Res<T = any> = { status: number; body: T; headers: Record<string, unknown>; text: string };

/** An HTTP client for app.inject, signed in either with a bearer token or a session cookie + CSRF. */
export class Client {
  constructor(
    readonly server: Server,
    readonly auth: { bearer?: string; cookie?: string; csrf?: string } = {},
    readonly user?: { id: string; email: string; name: string },
  ) {}

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    body?: Body,
    headers: Record<string, string> = {},
  ): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    if (this.auth.cookie) h.cookie = `ft_session=${this.auth.cookie}`;
    if (this.auth.csrf && method !== 'GET') h['x-csrf-token'] = this.auth.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.server.app.inject({
      method,
      url,
      headers: h,
      ...(payload === undefined ? {} : { payload }),
    });
    let parsed: unknown = undefined;
    try {
      parsed = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
  }
  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: Body) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body?: Body) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  put<T = any>(url: string, body?: Body) {
    return this.request<T>('PUT', url, body ?? {});
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export const anonymous = (server: Server) => new Client(server);

let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${Date.now().toString(36)}-${++counter}@example.com`;
export const PASSWORD = 'correct horse battery staple';

/** Signs in with email and password; returns a cookie client (with CSRF) for that user. */
export async function signIn(server: Server, email: string, password = PASSWORD): Promise<Client> {
  const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'ft_session')!.value;
  const body = JSON.parse(res.body) as { csrfToken: string; user: { id: string; email: string; name: string } };
  return new Client(server, { cookie, csrf: body.csrfToken }, body.user);
}

/** A token client for an already signed-in client. */
export async function tokenClient(c: Client): Promise<Client> {
  const res = await c.post<{ token: string }>('/api/tokens', { name: 'test' });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${res.text}`);
  return new Client(c.server, { bearer: res.body.token }, c.user);
}

/**
 * The first-run owner (if the server has no user yet) or a new user with a new organization.
 * Each test builds its own organization instead of sharing or truncating tables.
 */
export async function newOrgOwner(server: Server, orgName = 'Test Org'): Promise<{ owner: Client; orgId: string }> {
  const setUp = (await anonymous(server).get<{ setUp: boolean }>('/api/setup')).body.setUp;
  const email = uniqueEmail('owner');
  if (!setUp) {
    const res = await anonymous(server).post('/api/setup', {
      email,
      password: PASSWORD,
      name: 'Olivia Owner',
      organizationName: orgName,
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${res.text}`);
    return { owner: await signIn(server, email), orgId: res.body.organization.id };
  }
  // Later owners arrive through an invitation to a scratch organization, then create their own.
  const first = await firstOwner(server);
  const scratch = (await first.post('/api/orgs', { name: `scratch ${email}` })).body.id as string;
  const invited = await addMember(server, first, scratch, 'viewer', { email });
  const org = await invited.post('/api/orgs', { name: orgName });
  if (org.status !== 201) throw new Error(`org failed: ${org.status} ${org.text}`);
  return { owner: invited, orgId: org.body.id };
}

const firstOwners = new WeakMap<Server, Client>();
async function firstOwner(server: Server): Promise<Client> {
  const known = firstOwners.get(server);
  if (known) return known;
  const row = await server.handle.db
    .selectFrom('users')
    .select('email')
    .orderBy('createdAt')
    .limit(1)
    .executeTakeFirstOrThrow();
  const c = await signIn(server, row.email);
  firstOwners.set(server, c);
  return c;
}

/** Invites a new user with `role` and accepts as them; returns their signed-in client. */
export async function addMember(
  server: Server,
  inviter: Client,
  orgId: string,
  role: Role,
  opts: { email?: string; expiresAt?: string } = {},
): Promise<Client> {
  const email = opts.email ?? uniqueEmail(role);
  const inv = await inviter.post(`/api/orgs/${orgId}/invitations`, {
    email,
    role,
    ...(opts.expiresAt ? { expiresAt: opts.expiresAt } : {}),
  });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${inv.text}`);
  const acc = await anonymous(server).post(`/api/invitations/${inv.body.token}/accept`, {
    name: `${role} person`,
    password: PASSWORD,
  });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.status} ${acc.text}`);
  return signIn(server, email);
}

export const validAiSystem = (overrides: Record<string, unknown> = {}) => ({
  name: 'Credit scoring model',
  intendedPurpose: 'Estimate default risk for consumer loan applications',
  aiRoles: ['provider'],
  lifecycleStage: 'development',
  ...overrides,
});

/**
 * Pins the server's calendar day for the tests of one file: the server's clock runs at real speed from
 * noon (UTC) of the day the file starts, so no test straddles midnight, and the tests read "today" from
 * that same clock (`serverToday`) instead of computing it apart from the server.
 */
export function pinServerDay() {
  beforeAll(() => setClock(clockFrom(`${new Date().toISOString().slice(0, 10)}T12:00:00.000Z`)));
  afterAll(() => setClock(null));
}
export const serverToday = today;

export { connect };
