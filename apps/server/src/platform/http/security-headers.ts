import type { FastifyReply, FastifyRequest } from 'fastify';

// A strict CSP for the SPA: everything from our own origin. Mantine sets inline style attributes,
// hence 'unsafe-inline' for styles only; scripts never run inline.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The onSend hook of every answer. */
export function securityHeaders(
  req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (err: null, p: unknown) => void,
) {
  setSecurityHeaders(req, reply);
  done(null, payload);
}

/** Also called directly where Fastify answers without running hooks (a malformed address: see error-handler.ts). */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply) {
  reply.header('content-security-policy', CSP);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
  if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
  // API answers carry personal and audit data: never cache them in shared caches.
  if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  reply.removeHeader('x-powered-by');
}
