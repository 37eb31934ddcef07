import { randomBytes } from 'node:crypto';

/** UUIDv7 (RFC 9562): opaque in URLs, and time-ordered so it also serves as a stable sort key. */
export function newId(now = Date.now()): string {
  const b = randomBytes(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A secret for cookies, tokens and invitation links: 256 bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

// The server's clock (tests may pin it): re-exported where the modules have always read it.
export { nowIso } from './clock';
