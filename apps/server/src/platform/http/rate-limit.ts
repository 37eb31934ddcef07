import fastifyRateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Db } from '../db/connect';
import { AppError } from '../errors';

// Request limits per client address on the routes a stranger can call again and again (issue 20,
// item 5): @fastify/rate-limit, with its counters in our database so that every instance sharing
// it counts the same requests. The failure rules of sign-in (5 failed checks per account, 30 per
// address, in 15 sliding minutes: modules/identity/sessions.ts) stay ours: they count failures
// only, so a good password from a busy office's address is never refused, and the library counts
// requests in a fixed window and cannot take a request back once it turned out right.

const MINUTE = 60_000;

/** Requests per client address and route; far above what a person does, low enough to stop a script. */
export const REQUEST_LIMITS = {
  /** Each sign-in costs an argon2 hash, right or wrong. */
  signIn: { max: 100, timeWindow: MINUTE },
  setUp: { max: 10, timeWindow: MINUTE },
  /** Links that carry a secret token (a password reset, an invitation): guessing one is refused early. */
  tokenLink: { max: 30, timeWindow: MINUTE },
  /** Asking for a reset link sends mail. */
  resetRequest: { max: 10, timeWindow: MINUTE },
  /** The single sign-on flow's start and return. */
  sso: { max: 60, timeWindow: MINUTE },
} as const;

type Counted = { current: number; ttl: number };
type Done = (err: Error | null, res?: Counted) => void;

/**
 * Counts one request under `key` in one statement: the insert or the increment, and the start of a
 * new window once the old one ended, happen as one atomic upsert, so parallel requests on any
 * number of instances each see a different count.
 */
export async function countRequest(db: Db, key: string, timeWindow: number): Promise<Counted> {
  const nowMs = Date.now();
  const now = new Date(nowMs).toISOString();
  const ends = new Date(nowMs + timeWindow).toISOString();
  const row = await db
    .insertInto('rateLimitCounters')
    .values({ key, count: 1, windowEndsAt: ends })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => {
        const ended = eb('rateLimitCounters.windowEndsAt', '<=', now);
        return {
          count: eb
            .case()
            .when(ended)
            .then(eb.lit(1))
            .else(eb('rateLimitCounters.count', '+', eb.lit(1)))
            .end(),
          windowEndsAt: eb.case().when(ended).then(ends).else(eb.ref('rateLimitCounters.windowEndsAt')).end(),
        };
      }),
    )
    .returning(['count', 'windowEndsAt'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, Date.parse(row.windowEndsAt) - nowMs) };
}

const SWEEP_EVERY = 500;

/** The store @fastify/rate-limit asks for (`new Store(options)`, `incr`, `child`), on our database. */
export function databaseStore(db: Db) {
  let calls = 0;
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly route = '',
    ) {}

    incr(key: string, done: Done, timeWindow: number) {
      // Ended windows are swept now and then; a key that comes back restarts its own row anyway.
      // A failed sweep is left to the next one: unhandled, its rejection would end the process.
      if (++calls % SWEEP_EVERY === 0)
        db.deleteFrom('rateLimitCounters')
          .where('windowEndsAt', '<', new Date().toISOString())
          .execute()
          .catch(() => undefined);
      countRequest(db, `${this.route}${key}`, timeWindow).then(
        (counted) => done(null, counted),
        (err: Error) => done(err),
      );
    }

    /** One store per limited route: each route counts its own requests. */
    child(options: RouteOptions & { path: string; prefix: string }) {
      // Typed as the route's options; what the plugin passes is its merged settings, the route under routeInfo.
      const route = (options as unknown as { routeInfo?: Partial<RouteOptions> }).routeInfo ?? options;
      const method = [route.method ?? ''].flat().join(',');
      return new DatabaseRateLimitStore(undefined, `${method} ${route.url ?? ''} `);
    }
  };
}

/**
 * Registers the limiter for the routes that ask for it (`config.rateLimit`); no route is limited otherwise.
 * `scale` (REQUEST_LIMIT_SCALE) multiplies each route's `max`, before the library reads it: this hook is
 * added first, so it runs before the library's own.
 */
export async function registerRateLimit(app: FastifyInstance, db: Db, scale = 1) {
  if (scale !== 1)
    app.addHook('onRoute', (route) => {
      const limit: unknown = route.config?.rateLimit;
      if (limit && typeof limit === 'object' && 'max' in limit && typeof limit.max === 'number')
        route.config = { ...route.config, rateLimit: { ...limit, max: limit.max * scale } };
    });
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseStore(db),
    // The address as TRUST_PROXY lets it be known (config.ts), never a header the client chose.
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Too many requests from your address. Wait ${ctx.after} and try again.`),
  });
}
