import type { TokenScope } from '@fortytwo/domain';
import type { Compilable, CompiledQuery, ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import { nowIso } from '../ids';
import { sha256 } from './secrets';

export const SESSION_COOKIE = 'ft_session';

/**
 * How long a session lasts: it ends after `idleDays` without use (sliding), and `maxDays` after
 * sign-in whatever its use (absolute). Each session keeps the policy it was started with (its row
 * says when it ends), so every instance applies the same limits without sharing configuration.
 */
export type SessionPolicy = { idleDays: number; maxDays: number };
export const SESSION_DEFAULTS: SessionPolicy = { idleDays: 14, maxDays: 30 };
const DAY_MS = 86_400_000;
/** Personal API tokens start with this, so secret scanners and people can tell what they are. */
export const TOKEN_PREFIX = 'ft_';

export type AuthUser = { id: string; email: string; name: string };
export type Authentication =
  | { via: 'session'; user: AuthUser; sessionId: string; csrfToken: string }
  | { via: 'token'; user: AuthUser; tokenId: string; scope: TokenScope };

/**
 * On a route of an organization, the caller's membership there (and, for a route whose answers are kept,
 * the organization's data version: platform/http/response-cache.ts) is read in the same statement as the
 * caller: one round trip instead of two or three on every such request.
 */
export type OrgLookup = { orgId: string; withVersion: boolean };
export type MemberRow = { orgId: string; role: string; expiresAt: string | null };
export type Caller = { auth: Authentication; member: MemberRow | null; dataVersion: number | null };

/**
 * The membership and, when asked, the data version, as columns of a query over `users`: scalar
 * subqueries on primary-key and index lookups, so the caller's one row stays one row.
 */
function orgColumns(eb: ExpressionBuilder<Database, 'users'>, org: OrgLookup) {
  const membership = eb
    .selectFrom('memberships')
    .whereRef('memberships.userId', '=', 'users.id')
    .where('memberships.orgId', '=', org.orgId);
  return [
    membership.select('memberships.role').as('memberRole'),
    membership.select('memberships.expiresAt').as('memberExpiresAt'),
    // Only the routes whose answers are kept pay for the version.
    ...(org.withVersion
      ? [
          eb
            .selectFrom('auditEvents')
            .select('seq')
            .where('chain', '=', org.orgId)
            .orderBy('seq', 'desc')
            .limit(1)
            .as('dataVersion'),
        ]
      : []),
  ];
}

/**
 * The caller's statement is compiled once per shape (token or session; no organization, with its
 * membership, or with the version too) and per handle: building it through Kysely cost ~50 µs a
 * request, a fifth of a kept answer (bench/README.md, "One statement per request, compiled once"). It is compiled with stand-in
 * values, which each request swaps for its own secret's hash and organization.
 */
const STAND_IN = { secret: '\u0000secret', orgId: '\u0000orgId' } as const;
const compiledStatements = new WeakMap<Db, Map<string, CompiledQuery>>();
let executions = 0;

async function runCompiled<R>(
  db: Db,
  kind: 'token' | 'session',
  org: OrgLookup | undefined,
  secretHash: string,
  build: (lookup: OrgLookup | undefined) => Compilable<R>,
): Promise<R | undefined> {
  const shape = `${kind} ${org ? (org.withVersion ? 'version' : 'membership') : 'user'}`;
  let byShape = compiledStatements.get(db);
  if (!byShape) compiledStatements.set(db, (byShape = new Map<string, CompiledQuery>()));
  let compiled = byShape.get(shape);
  if (!compiled) {
    compiled = build(org && { orgId: STAND_IN.orgId, withVersion: org.withVersion }).compile();
    byShape.set(shape, compiled);
  }
  const parameters = compiled.parameters.map((p) =>
    p === STAND_IN.secret ? secretHash : p === STAND_IN.orgId ? org!.orgId : p,
  );
  const { rows } = await db.executeQuery<R>({
    ...compiled,
    parameters,
    queryId: { queryId: `caller-${++executions}` },
  });
  return rows[0];
}

function callerOf(
  auth: Authentication,
  row: { memberRole?: string | null; memberExpiresAt?: string | null; dataVersion?: unknown },
  org: OrgLookup | undefined,
): Caller {
  return {
    auth,
    member:
      org && row.memberRole ? { orgId: org.orgId, role: row.memberRole, expiresAt: row.memberExpiresAt ?? null } : null,
    dataVersion: org?.withVersion ? Number(row.dataVersion ?? 0) : null,
  };
}

export async function authenticateBearer(db: Db, token: string, org?: OrgLookup): Promise<Caller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await runCompiled(db, 'token', org, sha256(token), (lookup) =>
    db
      .selectFrom('apiTokens')
      .innerJoin('users', 'users.id', 'apiTokens.userId')
      .select([
        'apiTokens.id as tokenId',
        'apiTokens.lastUsedAt',
        'apiTokens.scope',
        'users.id',
        'users.email',
        'users.name',
      ])
      .where('apiTokens.tokenHash', '=', STAND_IN.secret)
      .where('apiTokens.revokedAt', 'is', null)
      .$if(!!lookup, (qb) => qb.select((eb) => orgColumns(eb, lookup!))),
  );
  if (!row) return null;
  const now = nowIso();
  // Record use at most once a minute: a busy integration should not turn every read into a write.
  if (!row.lastUsedAt || Date.parse(now) - Date.parse(row.lastUsedAt) > 60_000) {
    await db.updateTable('apiTokens').set({ lastUsedAt: now }).where('id', '=', row.tokenId).execute();
  }
  const auth: Authentication = {
    via: 'token',
    tokenId: row.tokenId,
    scope: row.scope as TokenScope,
    user: { id: row.id, email: row.email, name: row.name },
  };
  return callerOf(auth, row, org);
}

export async function authenticateSession(db: Db, cookieValue: string, org?: OrgLookup): Promise<Caller | null> {
  const row = await runCompiled(db, 'session', org, sha256(cookieValue), (lookup) =>
    db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .select([
        'sessions.id as sessionId',
        'sessions.csrfToken',
        'sessions.createdAt',
        'sessions.expiresAt',
        'sessions.endsAt',
        'sessions.idleSeconds',
        'sessions.lastSeenAt',
        'users.id',
        'users.email',
        'users.name',
      ])
      .where('sessions.id', '=', STAND_IN.secret)
      .$if(!!lookup, (qb) => qb.select((eb) => orgColumns(eb, lookup!))),
  );
  if (!row) return null;
  const now = nowIso();
  // Sessions from before the absolute lifetime existed end at the default one after their sign-in.
  const endsAt = row.endsAt ?? new Date(Date.parse(row.createdAt) + SESSION_DEFAULTS.maxDays * DAY_MS).toISOString();
  if (row.expiresAt <= now || endsAt <= now) {
    await db.deleteFrom('sessions').where('id', '=', row.sessionId).execute();
    return null;
  }
  // Sliding idle expiry, refreshed at most hourly, never past the absolute end.
  if (Date.parse(now) - Date.parse(row.lastSeenAt) > 3_600_000) {
    const idleMs = (row.idleSeconds ?? SESSION_DEFAULTS.idleDays * 86_400) * 1000;
    const slid = new Date(Date.now() + idleMs).toISOString();
    await db
      .updateTable('sessions')
      .set({ lastSeenAt: now, expiresAt: slid < endsAt ? slid : endsAt })
      .where('id', '=', row.sessionId)
      .execute();
  }
  const auth: Authentication = {
    via: 'session',
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.id, email: row.email, name: row.name },
  };
  return callerOf(auth, row, org);
}

/** The expiry columns of a new session under `policy`. */
export function sessionTimes(policy: SessionPolicy, now = Date.now()) {
  const endsAt = new Date(now + policy.maxDays * DAY_MS).toISOString();
  const idle = new Date(now + policy.idleDays * DAY_MS).toISOString();
  return { expiresAt: idle < endsAt ? idle : endsAt, endsAt, idleSeconds: policy.idleDays * 86_400 };
}
