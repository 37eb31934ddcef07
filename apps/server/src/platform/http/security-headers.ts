import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

// The security headers come from helmet (issue 20, item 5), configured at least as strict as the
// hand-written set it replaced: a CSP with everything from our own origin (Mantine sets inline style
// attributes, hence 'unsafe-inline' for styles only; scripts never run inline, not even in
// attributes), frames refused, no referrer, a same-origin opener and resource policy, and helmet's
// other defaults (nosniff, no DNS prefetch, Origin-Agent-Cluster...). No upgrade-insecure-requests:
// a self-hosted instance may be served over plain http on a private network, where it would break
// every request for a script. HSTS is sent always; browsers heed it only over https.
export const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
  // `satisfies`, not a type annotation: @fastify/helmet types helmet's options from its CommonJS
  // declarations, this file from the ESM ones, and only the literal object fits both.
} satisfies HelmetOptions;

const applyHelmet = helmet(HELMET_OPTIONS);

/** What helmet has no option for: device features off, and API answers never in shared caches. */
function ourHeaders(req: FastifyRequest, reply: FastifyReply) {
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  // API answers carry personal and audit data: never cache them in shared caches.
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
}

/**
 * Registers helmet (its onRequest hooks come first, so even a request refused by a later hook has the
 * headers) and ours, on send so that no route's own cache-control can undo the API's no-store.
 */
export async function registerSecurityHeaders(app: FastifyInstance) {
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  app.addHook('onSend', (req, reply, payload, done) => {
    ourHeaders(req, reply);
    done(null, payload);
  });
}

/** Called directly where Fastify answers without running hooks (a malformed address: see error-handler.ts). */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply) {
  applyHelmet(req.raw, reply.raw, () => {});
  ourHeaders(req, reply);
}
