import type { IncomingMessage, Server } from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Gives the young generation that V8 grew while the server was busy (start-up, a burst of requests)
 * back to the system once the server is quiet (issue 19: idle RSS < 120 MiB).
 *
 * Why: start-up grows V8's young generation to its 32 MiB maximum, and an idle server runs no
 * collection at all, so those pages stayed committed: ~30 of the ~148 MiB idle RSS (bench/README.md,
 * "Idle memory"). V8 shrinks the young generation at a collection that finds the allocation rate of
 * its last ten samples low, and each collection takes one sample. So once the server is quiet we collect
 * the young generation (well under 1 ms while it is nearly empty) every 50 ms until it has shrunk
 * (about a dozen times), then run one full collection (~40 ms). The first one also compacts the old
 * generation, which start-up leaves a fifth empty (~8 MiB; ~200 ms, once). Capping the young
 * generation with --max-semi-space-size saved as much idle memory but cost 25–40 % of page
 * throughput under load; this never runs under load: a request since the last look, or during the
 * samples, puts it off.
 */
// Quiet: no request for this long. Start-up is over after the first quiet second. After a burst,
// five minutes: the next burst pays for growing the young generation again (in a page's first 5 s
// under load after a release, 13–26 % more CPU per request: bench/README.md), so only a server that
// has really gone idle gives it back.
export const START_QUIET_MS = 1_000;
export const QUIET_MS = 5 * 60_000;
export const LOOK_MS = 1_000; // how often the request count is looked at
export const SAMPLES = 20; // V8 rates allocation over its last 10 samples: enough to replace the busy ones
export const SAMPLE_GAP_MS = 50; // a sample needs time to pass: back-to-back samples measure nothing
export const YOUNG_SMALL_BYTES = 4 * 1024 * 1024; // V8 starts it at 1 MiB; at most this is left alone
const MAX_BACKOFF_MS = 60 * 60_000;
const HEALTH_URL = '/api/health';

export type QuietMemoryDeps = {
  youngGenerationBytes: () => number;
  collectYoung: () => void;
  collectAll: (opts: { compact: boolean }) => void;
  setTimer: (fn: () => void, ms: number) => void;
};

/**
 * The policy, with V8 and the clock passed in (tests drive it with fakes). `sawRequest` is called on
 * every request; it only moves a counter.
 */
export function quietMemoryRelease(deps: QuietMemoryDeps, quietMs = QUIET_MS) {
  let requests = 0;
  let quietFor = 0; // ms since a look last saw a new request (in steps of the looks)
  let released = false;
  let stopped = false;
  let backoffMs = quietMs;

  // The count now, looked at again in `ms`: equal then means no request came in between.
  const lookLater = (ms: number) => {
    const seen = requests;
    deps.setTimer(() => stopped || look(seen, ms), ms);
  };
  const look = (seen: number, sinceMs: number) => {
    quietFor = requests === seen ? quietFor + sinceMs : 0;
    if (quietFor < (released ? quietMs : START_QUIET_MS)) return lookLater(LOOK_MS);
    if (deps.youngGenerationBytes() <= YOUNG_SMALL_BYTES) {
      backoffMs = quietMs;
      return lookLater(LOOK_MS);
    }
    sample(0, requests);
  };
  const sample = (taken: number, seen: number) => {
    if (requests !== seen) return lookLater(LOOK_MS);
    deps.collectYoung();
    if (taken + 1 < SAMPLES && deps.youngGenerationBytes() > YOUNG_SMALL_BYTES)
      return deps.setTimer(() => stopped || sample(taken + 1, seen), SAMPLE_GAP_MS);
    deps.collectAll({ compact: !released });
    released = true;
    // Background work (the scheduled jobs) can keep the rate up: then try less and less often, so an
    // idle server never collects every few seconds for nothing.
    if (deps.youngGenerationBytes() <= YOUNG_SMALL_BYTES) return lookLater(LOOK_MS);
    lookLater(backoffMs);
    backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
  };

  return {
    start: () => lookLater(LOOK_MS),
    sawRequest: () => {
      requests++;
    },
    stop: () => {
      stopped = true;
    },
  };
}

/** A health check polled every few seconds (a load balancer, an orchestrator) is no load. */
export const isLoad = (req: Pick<IncomingMessage, 'url'>) => req.url !== HEALTH_URL;

/** The young generation's committed bytes (V8's "new_space"). */
function youngGenerationBytes(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0;
}

// V8's gc(): no argument runs a full collection; a truthy one, a young-generation collection only.
type Gc = (youngOnly?: true) => void;

/** A full collection; `compact` moves every live old-generation object so that emptied pages go back. */
function collectAll(gc: Gc, { compact }: { compact: boolean }) {
  if (!compact) return gc();
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

/**
 * V8's `gc`, without starting node with --expose-gc: the flag is read when a context is made, so one
 * context is made with it and the flag is put back at once (nothing else gets a global `gc`).
 */
function v8Gc(): Gc {
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as Gc;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/**
 * main.ts: watch the listening servers (one; the benchmarks add their bare route's) and release the
 * young generation whenever they go quiet, until the returned function is called. `quietMs` (after
 * start-up) is shortened only by bench/pages.ts, to measure what a release costs the next burst.
 */
export function releaseMemoryWhenQuiet(servers: Server[], quietMs = QUIET_MS): () => void {
  const gc = v8Gc();
  const release = quietMemoryRelease(
    {
      youngGenerationBytes,
      collectYoung: () => gc(true),
      collectAll: (opts) => collectAll(gc, opts),
      // unref: the timer never keeps a stopping process alive
      setTimer: (fn, ms) => void setTimeout(fn, ms).unref(),
    },
    quietMs,
  );
  const onRequest = (req: IncomingMessage) => {
    if (isLoad(req)) release.sawRequest();
  };
  for (const server of servers) server.on('request', onRequest);
  release.start();
  return () => {
    release.stop();
    for (const server of servers) server.off('request', onRequest);
  };
}
