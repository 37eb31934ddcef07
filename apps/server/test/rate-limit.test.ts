import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { countRequest, REQUEST_LIMITS } from '../src/platform/http/rate-limit';
import type { Server } from '../src/server';
import { describeEachDialect } from './harness';
import { sameDatabaseServer, tally } from './identity-support';

// Issue 20, item 5: the request limits of the abuse-prone routes come from @fastify/rate-limit, with
// their counters in the database: one count for every instance sharing it, each request counted atomically.

const previewReset = (server: Server, remoteAddress: string) =>
  server.app.inject({
    method: 'GET',
    url: `/api/password-resets/${randomBytes(24).toString('base64url')}`,
    remoteAddress,
  });

// The limits as shipped, not the harness's raised ones.
const AS_SHIPPED = { REQUEST_LIMIT_SCALE: '1' };

describeEachDialect(
  'request limits of the abuse-prone routes',
  (ctx) => {
    it('answers 429 RATE_LIMITED past the limit, with Retry-After, and only to that address', async () => {
      const { max } = REQUEST_LIMITS.tokenLink;
      for (let i = 0; i < max; i++) expect((await previewReset(ctx(), '10.70.0.1')).statusCode).toBe(404);
      const limited = await previewReset(ctx(), '10.70.0.1');
      expect(limited.statusCode).toBe(429);
      const body = limited.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('RATE_LIMITED');
      expect(body.error.message).toMatch(
        /^Too many requests from your address\. Wait \d+ (seconds?|minutes?) and try again\.$/,
      );
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(limited.headers['content-security-policy']).toContain("default-src 'self'");
      expect((await previewReset(ctx(), '10.70.0.2')).statusCode).toBe(404);
      // Each route counts its own requests: the invitation link of the same address is not limited yet.
      const invitation = await ctx().app.inject({
        method: 'GET',
        url: `/api/invitations/${randomBytes(24).toString('base64url')}`,
        remoteAddress: '10.70.0.1',
      });
      expect(invitation.statusCode).not.toBe(429);
    });

    it('lets exactly the limit of 80 parallel requests on two instances through', async () => {
      const { max } = REQUEST_LIMITS.tokenLink;
      const other = await sameDatabaseServer(ctx(), AS_SHIPPED);
      try {
        const servers = [ctx(), other];
        const answers = await Promise.all(
          Array.from({ length: 80 }, (_, i) => previewReset(servers[i % 2]!, '10.71.0.1')),
        );
        const counts = tally(answers.map((a) => a.statusCode));
        expect(counts[404]).toBe(max);
        expect(counts[429]).toBe(80 - max);
      } finally {
        await other.close();
      }
    });

    it('starts a new window once the last one ended', async () => {
      const db = ctx().handle.db;
      const key = `test ${randomBytes(8).toString('hex')}`;
      expect((await countRequest(db, key, 200)).current).toBe(1);
      const second = await countRequest(db, key, 200);
      expect(second.current).toBe(2);
      expect(second.ttl).toBeGreaterThan(0);
      expect(second.ttl).toBeLessThanOrEqual(200);
      await new Promise((r) => setTimeout(r, 250));
      expect((await countRequest(db, key, 200)).current).toBe(1);
    });
  },
  { env: () => AS_SHIPPED },
);

describeEachDialect(
  'request limits, scaled (REQUEST_LIMIT_SCALE=2)',
  (ctx) => {
    it('lets twice the shipped limit through before answering 429', async () => {
      const { max } = REQUEST_LIMITS.tokenLink;
      for (let i = 0; i < 2 * max; i++) expect((await previewReset(ctx(), '10.72.0.1')).statusCode).toBe(404);
      expect((await previewReset(ctx(), '10.72.0.1')).statusCode).toBe(429);
    });
  },
  { env: () => ({ REQUEST_LIMIT_SCALE: '2' }) },
);
