import type { Action, Role } from '@fortytwo/domain';
import { can, tokenAllows } from '@fortytwo/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, forbidden, notFound } from '../errors';
import {
  authenticateBearer,
  authenticateSession,
  SESSION_COOKIE,
  type Authentication,
  type Caller,
  type MemberRow,
  type OrgLookup,
} from '../auth/authenticate';
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

// An expired membership (an external auditor's time-boxed access) is as good as none.
const active = (row: MemberRow | null): Membership | null =>
  !row || (row.expiresAt !== null && row.expiresAt <= nowIso())
    ? null
    : { orgId: row.orgId, role: row.role as Role, expiresAt: row.expiresAt };

/** The caller, and on an organization's route their membership there, read together (authenticate.ts). */
async function authenticate(db: Db, req: FastifyRequest, org?: OrgLookup): Promise<Caller | null> {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = m ? await authenticateBearer(db, m[1]!, org) : null;
    // A wrong token is an error even if a cookie is present: integrations must learn it is wrong.
    if (!caller) throw new AppError('UNAUTHENTICATED', 'The API token is invalid or has been revoked');
    return caller;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(db, cookie, org) : null;
}

export function accessHook(db: Db) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    req.auth = null;
    req.membership = null;
    req.dataVersion = null;
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // non-API routes (the SPA's files)
    if (access === 'public') {
      req.auth = (await authenticate(db, req).catch(() => null))?.auth ?? null;
      return;
    }
    const orgId = access === 'user' ? undefined : (req.params as { orgId?: string }).orgId;
    if (access !== 'user' && !orgId)
      throw new Error(`Route ${req.routeOptions.url} needs :orgId for access "${access}"`);
    const caller = await authenticate(
      db,
      req,
      orgId ? { orgId, withVersion: req.routeOptions.config.cache === true } : undefined,
    );
    if (!caller)
      throw new AppError('UNAUTHENTICATED', 'Sign in, or send an API token as "Authorization: Bearer <token>"');
    const { auth } = caller;
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
    const membership = active(caller.member);
    // Not a member: answer as if the organization did not exist, never confirm it does.
    if (!membership) throw notFound('Organization');
    if (!can(membership.role, access)) throw forbidden();
    req.membership = membership;
    req.dataVersion = caller.dataVersion;
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
