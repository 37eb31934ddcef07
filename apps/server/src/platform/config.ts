import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { SESSION_DEFAULTS, type SessionPolicy } from './auth/authenticate';

/**
 * Which proxies may say who the client is (X-Forwarded-For, X-Forwarded-Proto). The sign-in limit
 * per address keys on the answer, so it must never be a value the client chose.
 * - `false` (default): nobody; the address is the connection's.
 * - a comma-separated list of proxy addresses or CIDR ranges (also `loopback`, `linklocal`,
 *   `uniquelocal`): only what those proxies report is believed, from the right, and the client is
 *   the first address that is not one of them. The safe choice behind a reverse proxy.
 * - a number of hops, e.g. `1`: the client is the address the outermost of that many proxies saw.
 *   Sound only if Fortytwo cannot be reached around the proxies (a direct caller would be believed).
 * - `true` is refused: it used to trust every hop, so the leftmost X-Forwarded-For entry, which the
 *   client writes, became the address and rotating it escaped the limit. Which of the two above
 *   is right depends on the deployment, so the operator says it instead of it being guessed.
 */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean);
const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const TRUST_PROXY_HINT =
  'set it to the addresses of your reverse proxies (e.g. 127.0.0.1 or 10.0.0.0/8; the safe choice), or to the number of proxies in front of Fortytwo (e.g. 1) if it cannot be reached around them, or to false';

function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [ip, bits, extra] = entry.split('/');
  const family = isIP(ip ?? '');
  if (!family || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** Trusts the first `hops` proxies from the connection inward (Fastify no longer takes a bare hop count). */
export const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

const ZTrustProxy = z
  .string()
  .default('false')
  .transform((raw, ctx): TrustProxy => {
    const v = raw.trim().toLowerCase();
    if (v === 'false' || v === '0') return false;
    if (v === 'true') {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY=true is no longer accepted, as it let each client choose the address the sign-in limits count: ${TRUST_PROXY_HINT}`,
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(v)) {
      if (Number(v) <= 20) return trustHops(Number(v));
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY=${v}: that is more proxies than any real chain; ${TRUST_PROXY_HINT}`,
      });
      return z.NEVER;
    }
    const entries = v
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `TRUST_PROXY: not an address or CIDR range: ${bad.join(', ') || raw}; ${TRUST_PROXY_HINT}`,
      });
      return z.NEVER;
    }
    return entries;
  });

const ZDays = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of days` })
    .int(`${name} must be a whole number of days`)
    .min(1, `${name} must be at least 1 day`)
    .max(365, `${name} must be at most 365 days`)
    .default(fallback);

// Read and validated once at boot: a bad value stops the process with a message that says
// which variable is wrong, instead of failing at first use.
const ZConfig = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(4242),
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(
        /^postgres(ql)?:\/\//,
        'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)',
      )
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: ZTrustProxy,
    // A session ends after SESSION_IDLE_DAYS without use, and SESSION_MAX_DAYS after sign-in whatever its use.
    SESSION_IDLE_DAYS: ZDays('SESSION_IDLE_DAYS', SESSION_DEFAULTS.idleDays),
    SESSION_MAX_DAYS: ZDays('SESSION_MAX_DAYS', SESSION_DEFAULTS.maxDays),
    WEB_DIST: z.string().optional(),
    // OpenID Connect single sign-on for the instance (docs/OPERATIONS.md). All three or none.
    OIDC_ISSUER: z
      .url({
        error: "OIDC_ISSUER must be the identity provider's issuer URL, e.g. https://login.example.com/realms/acme",
      })
      .optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPES: z.string().default('openid email profile'),
    OIDC_LABEL: z.string().max(60, 'OIDC_LABEL must be at most 60 characters').default('single sign-on'),
    OIDC_GROUPS_CLAIM: z.string().min(1).default('groups'),
    // Plain http to the identity provider: for a provider on this machine in development and tests only.
    OIDC_ALLOW_HTTP: z.enum(['true', 'false'], { error: 'OIDC_ALLOW_HTTP must be true or false' }).default('false'),
    // Where uploaded files live: disk (DATA_DIR/files), db (the database), or s3://bucket/prefix.
    FILE_STORE: z
      .string()
      .regex(
        /^(disk|db|s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?)$/,
        'FILE_STORE must be "disk", "db" or s3://bucket/prefix',
      )
      .optional(),
    // Email (platform/mail): without SMTP_URL nothing is mailed; notifications stay in the app and
    // invitation and reset links are shown to whoever creates them.
    SMTP_URL: z
      .string()
      .regex(
        /^smtps?:\/\/[^\s/]+/,
        'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.com:587 (leave it unset to keep notifications in the app)',
      )
      .optional(),
    MAIL_FROM: z.string().max(300).optional(),
    // Where people open Fortytwo: the links in emails start with it, and single sign-on sends people back to it.
    PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: 'PUBLIC_URL must be an http:// or https:// address such as https://fortytwo.example.com',
      })
      .optional(),
    // The hour of the day (UTC) the daily digest and expiry checks run.
    DIGEST_HOUR_UTC: z.coerce
      .number({ error: 'DIGEST_HOUR_UTC must be an hour from 0 to 23' })
      .int('DIGEST_HOUR_UTC must be an hour from 0 to 23')
      .min(0, 'DIGEST_HOUR_UTC must be an hour from 0 to 23')
      .max(23, 'DIGEST_HOUR_UTC must be an hour from 0 to 23')
      .default(6),
    // Multiplies the per-address request limits of the abuse-prone routes (platform/http/rate-limit.ts):
    // raise it when many people reach the server from one address (an office behind one NAT).
    REQUEST_LIMIT_SCALE: z.coerce
      .number({ error: 'REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000' })
      .int('REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000')
      .min(1, 'REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000')
      .max(1000, 'REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000')
      .default(1),
    // Memory for the answers of the heaviest pages kept per organization data version
    // (platform/http/response-cache.ts); 0 turns the cache off.
    RESPONSE_CACHE_MB: z.coerce
      .number({ error: 'RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096' })
      .int('RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096')
      .min(0, 'RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096')
      .max(4096, 'RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096')
      .default(32),
  })
  .superRefine((c, ctx) => {
    if (c.SMTP_URL && !c.MAIL_FROM)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'MAIL_FROM is required with SMTP_URL: the sender address, such as "Fortytwo <fortytwo@example.com>"',
      });
    if (c.SMTP_URL && !c.PUBLIC_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message:
          'PUBLIC_URL is required with SMTP_URL: the address people open Fortytwo at, which the links in emails start with (such as https://fortytwo.example.com)',
      });
  });

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  label: string;
  groupsClaim: string;
  allowHttp: boolean;
};

function oidcSettings(c: z.infer<typeof ZConfig>): OidcSettings | undefined {
  const given = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET];
  if (given.every((v) => v === undefined)) return undefined;
  const missing = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const).filter(
    (_, i) => given[i] === undefined,
  );
  if (missing.length)
    throw new ConfigError(
      `Invalid configuration:\n  ${missing.join(', ')}: single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together (set ${missing.join(' and ')}, or unset the others)`,
    );
  const allowHttp = c.OIDC_ALLOW_HTTP === 'true';
  if (!c.OIDC_ISSUER!.startsWith('https://') && !allowHttp) {
    throw new ConfigError(
      `Invalid configuration:\n  OIDC_ISSUER: ${c.OIDC_ISSUER} is not https; an identity provider is reached over https (OIDC_ALLOW_HTTP=true allows http for a provider on this machine in development)`,
    );
  }
  if (!c.OIDC_SCOPES.split(/\s+/).includes('openid'))
    throw new ConfigError('Invalid configuration:\n  OIDC_SCOPES: must include openid');
  return {
    issuer: c.OIDC_ISSUER!,
    clientId: c.OIDC_CLIENT_ID!,
    clientSecret: c.OIDC_CLIENT_SECRET!,
    scopes: c.OIDC_SCOPES,
    label: c.OIDC_LABEL,
    groupsClaim: c.OIDC_GROUPS_CLAIM,
    allowHttp,
  };
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  trustProxy: TrustProxy;
  sessions: SessionPolicy;
  webDist: string;
  publicUrl: string | undefined;
  oidc: OidcSettings | undefined;
  /** FILE_STORE as set (see platform/file-stores.ts); unset means DATA_DIR/files. */
  fileStore?: string | undefined;
  mail: { smtpUrl: string | undefined; from: string | undefined; publicUrl: string };
  jobs: { digestHourUtc: number };
  /** REQUEST_LIMIT_SCALE: the request limits of the abuse-prone routes, multiplied. */
  requestLimitScale: number;
  /** RESPONSE_CACHE_MB in bytes: the answers kept per organization data version (0: none). */
  responseCacheBytes: number;
  /**
   * NODE_ENV=test: every answer must match its response schema exactly, or the request fails
   * (platform/http/serialize.ts). Otherwise answers are sent as the handler built them, unchecked.
   */
  responseCheck: 'plain' | 'strict';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    sessions: { idleDays: Math.min(c.SESSION_IDLE_DAYS, c.SESSION_MAX_DAYS), maxDays: c.SESSION_MAX_DAYS },
    fileStore: c.FILE_STORE,
    webDist: path.resolve(c.WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    oidc: oidcSettings(c),
    mail: {
      smtpUrl: c.SMTP_URL,
      from: c.MAIL_FROM,
      publicUrl: (c.PUBLIC_URL ?? `http://${c.HOST}:${c.PORT}`).replace(/\/+$/, ''),
    },
    jobs: { digestHourUtc: c.DIGEST_HOUR_UTC },
    requestLimitScale: c.REQUEST_LIMIT_SCALE,
    responseCacheBytes: c.RESPONSE_CACHE_MB * 1024 * 1024,
    responseCheck: env.NODE_ENV === 'test' ? 'strict' : 'plain',
  };
}
