import type { Action, Role } from '@fortytwo/domain';
import { can, tokenAllows } from '@fortytwo/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, notFound } from '../errors';
import { authenticateBearer, authenticateSession, SESSION_COOKIE, type Authentication } from '../auth/authenticate';
import type { Db } from '../db/connect';
import { nowIso } from '../ids';

/**
 * Every /api route declares who may call it, and this one hook enforces it before validation runs:
 * - public: anyone (health, setup, login, accepting an invitation by its secret link);
 * - user: any signed-in user (their own account, tokens, organizations);
 * - an Action: a member of the route's :orgId whose role allows it in the permission table.
 */
export type Access = 'public' | 'user' | Action;

export type Membership = { orgId: string; role: Role; expiresAt: string | null };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    auth: Authentication | null;
    membership: Membership | null;
    /** Read with the membership on routes whose answers are kept (platform/http/response-cache.ts). */
    dataVersion: number | null;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function findActiveMembership(db: Db, orgId: string, userId: string): Promise<Membership | null> {
  const row = await db
    .selectFrom('memberships')
    .select(['orgId', 'role', 'expiresAt'])
    .where('orgId', '=', orgId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return active(row);
}

// An expired membership (an external auditor's time-boxed access) is as good as none.
const active = (row: { orgId: string; role: string; expiresAt: string | null } | undefined): Membership | null =>
  !row || (row.expiresAt !== null && row.expiresAt <= nowIso())
    ? null
    : { orgId: row.orgId, role: row.role as Role, expiresAt: row.expiresAt };

/**
 * The membership and the organization's data version (its audit chain's head, response-cache.ts) in
 * one statement, for the routes whose answers are kept: a kept answer costs only its reads, so one
 * round trip fewer is a quarter to a third of it.
 */
async function findActiveMembershipAndVersion(db: Db, orgId: string, userId: string) {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => [
      'orgId',
      'role',
      'expiresAt',
      eb
        .selectFrom('auditEvents')
        .select('seq')
        .where('chain', '=', orgId)
        .orderBy('seq', 'desc')
        .limit(1)
        .as('dataVersion'),
    ])
    .where('orgId', '=', orgId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  const membership = active(row);
  return membership && { membership, dataVersion: Number(row?.dataVersion ?? 0) };
}

async function authenticate(db: Db, req: FastifyRequest): Promise<Authentication | null> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const auth = m ? await authenticateBearer(db, m[1]!) : null;
    // A wrong token is an error even if a cookie is present: integrations must learn it is wrong.
    if (!auth) throw new AppError('UNAUTHENTICATED', 'The API token is invalid or has been revoked');
    return auth;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(db, cookie) : null;
}

export function accessHook(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    req.auth = null;
    req.membership = null;
    req.dataVersion = null;
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // non-API routes (the SPA's files)
    if (access === 'public') {
      req.auth = await authenticate(db, req).catch(() => null);
      return;
    }
    const auth = await authenticate(db, req);
    if (!auth)
      throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
    req.auth = auth;
    if (auth.via === 'session' && WRITE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (sent !== auth.csrfToken)
        throw new AppError('CSRF', 'Missing or wrong X-CSRF-Token header: send the csrfToken returned at login');
    }
    // A narrow token (a monitoring pipeline's) reaches only the routes its scope names, whatever its user's role.
    if (auth.via === 'token' && !tokenAllows(auth.scope, access))
      throw forbidden(
        auth.scope === 'releases'
          ? 'This API token may only record AI system releases; use a full token for anything else'
          : 'This API token may only record measurements; use a full token for anything else',
      );
    if (access === 'user') return;
    const orgId = (req.params as { orgId?: string }).orgId;
    if (!orgId) throw new Error(`Route ${req.routeOptions.url} needs :orgId for access "${access}"`);
    const found = req.routeOptions.config.cache
      ? await findActiveMembershipAndVersion(db, orgId, auth.user.id)
      : await findActiveMembership(db, orgId, auth.user.id).then((m) => m && { membership: m, dataVersion: null });
    // Not a member: answer as if the organization did not exist, never confirm it does.
    if (!found) throw notFound('Organization');
    if (!can(found.membership.role, access)) throw forbidden();
    req.membership = found.membership;
    req.dataVersion = found.dataVersion;
  };
}

/** For handlers behind an Action: the caller's membership, which the hook has already checked. */
export function membershipOf(req: FastifyRequest): Membership {
  if (!req.membership) throw new Error('membershipOf() used on a route without an org action');
  return req.membership;
}

export function authOf(req: FastifyRequest): Authentication {
  if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return req.auth;
}

/** Who the audit trail names for this request. */
export function actorOf(req: FastifyRequest) {
  const { user } = authOf(req);
  return { userId: user.id, name: user.name };
}
