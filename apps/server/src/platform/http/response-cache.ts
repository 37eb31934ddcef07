import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { today } from '../clock';

/**
 * Answers of the heaviest read routes kept per organization data version (issue 19).
 *
 * A route opts in with `config: { cache: true }`. Its answer is built from an organization's records
 * and today's date only, and every change to those records appends to the organization's audit chain
 * in the change's own transaction (platform/transaction.ts): the chain's head `seq` is therefore a
 * version of everything such a page reads, and one indexed read of it per request (made with the
 * membership check, platform/http/access.ts) tells whether a kept answer is still the one the handler
 * would build. The key also holds the day (overdue, expiring), the
 * reader and their role; access is checked before (the access hook), so a kept answer never reaches
 * anyone the route would refuse.
 *
 * The version is read before the handler reads anything: an answer is kept under a version no newer
 * than the records it was built from, so a write committing meanwhile can only make the next request
 * miss, never serve an older answer under the newer version. Instances sharing one PostgreSQL each keep
 * their own answers, all keyed by the same shared chain.
 *
 * Kept in Buffers (outside the JS heap), least recently used first out, bounded by RESPONSE_CACHE_MB.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this route's answers per organization data version (see response-cache.ts). */
    cache?: true;
  }
  interface FastifyRequest {
    responseCacheSlot: CacheSlot | null;
  }
}

type Stamp = { version: number; day: string };
type CacheSlot = { orgId: string; stamp: Stamp; key: string };
type Entry = { orgId: string; body: Buffer };

export const CACHE_HEADER = 'x-response-cache';

const newer = (a: Stamp, b: Stamp) => a.version > b.version || (a.version === b.version && a.day > b.day);
const same = (a: Stamp, b: Stamp) => a.version === b.version && a.day === b.day;

export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  /** Each organization's newest stamp seen, and the keys kept under it. */
  private readonly orgs = new Map<string, { stamp: Stamp; keys: Set<string> }>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * Whether answers stamped so may be used: only under the organization's newest stamp. A newer one
   * drops everything kept under the older (none of it can be asked for again).
   */
  admit(orgId: string, stamp: Stamp): boolean {
    const org = this.orgs.get(orgId);
    if (!org || newer(stamp, org.stamp)) {
      if (org) for (const key of org.keys) this.remove(key);
      this.orgs.set(orgId, { stamp, keys: new Set() });
      return true;
    }
    return same(stamp, org.stamp);
  }

  get(key: string): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  set(slot: CacheSlot, body: Buffer): void {
    if (body.length > this.maxBytes / 4) return; // one answer never crowds out the rest
    const org = this.orgs.get(slot.orgId);
    if (!org || !same(org.stamp, slot.stamp)) return; // a newer version arrived while this one was built
    this.remove(slot.key);
    this.entries.set(slot.key, { orgId: slot.orgId, body });
    org.keys.add(slot.key);
    this.bytes += body.length;
    for (const [key] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(key);
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
    this.orgs.get(entry.orgId)?.keys.delete(key);
  }
}

/**
 * Registers the hooks. Must come before @fastify/compress: the answer is kept as JSON, and compressed
 * per request for the clients that ask, like any other answer.
 */
export function registerResponseCache(app: FastifyInstance, maxBytes: number): void {
  app.decorateRequest('responseCacheSlot', null);
  if (maxBytes <= 0) return;
  const cache = new ResponseCache(maxBytes);

  // After the access hook (onRequest) and validation: a refused or malformed request never gets here.
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config.cache || req.method !== 'GET') return;
    // The access hook read the version with the membership (access.ts): both are set on every route it let through.
    const { membership, dataVersion } = req;
    const userId = req.auth?.user.id;
    if (!membership || !userId || dataVersion === null) return;
    const stamp = { version: dataVersion, day: today() };
    if (!cache.admit(membership.orgId, stamp)) return;
    const key = [membership.orgId, stamp.version, stamp.day, userId, membership.role, req.url].join('\n');
    const kept = cache.get(key);
    if (kept) {
      reply.header(CACHE_HEADER, 'hit').type('application/json; charset=utf-8');
      return reply.send(kept);
    }
    req.responseCacheSlot = { orgId: membership.orgId, stamp, key };
    reply.header(CACHE_HEADER, 'miss');
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.responseCacheSlot;
    if (slot && reply.statusCode === 200 && typeof payload === 'string') cache.set(slot, Buffer.from(payload));
    return payload;
  });
}
