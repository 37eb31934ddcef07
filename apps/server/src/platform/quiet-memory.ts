import type { Server } from 'node:http';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Gives the young generation that V8 grew while the server was busy (start-up, a burst of requests)
 * back to the system once the server is quiet (issue 19: idle RSS < 120 MiB).
 *
 * Why: start-up grows V8's young generation to its 32 MiB maximum, and an idle server runs no
 * collection at all, so those pages stayed committed: ~30 of the ~148 MiB idle RSS (bench/README.md,
 * "Idle memory"). V8 shrinks the young generation at a collection that finds the allocation rate of
 * its last ten samples low, and each collection takes one sample. So after a quiet second we collect
 * the young generation (well under 1 ms while it is nearly empty) every 50 ms until it has shrunk
 * (about a dozen times), then run one full collection (~40 ms). The first one also compacts the old
 * generation, which start-up leaves a fifth empty (~8 MiB; ~200 ms, once). Capping the young
 * generation with --max-semi-space-size saved as much idle memory but cost 25–40 % of page
 * throughput under load; this never runs under load: a request since the last look, or during the
 * samples, puts it off.
 */
export const QUIET_MS = 1_000; // no request for this long: the server is quiet
export const SAMPLES = 20; // V8 rates allocation over its last 10 samples: enough to replace the busy ones
export const SAMPLE_GAP_MS = 50; // a sample needs time to pass: back-to-back samples measure nothing
export const YOUNG_SMALL_BYTES = 4 * 1024 * 1024; // V8 starts it at 1 MiB; at most this is left alone
const MAX_BACKOFF_MS = 10 * 60_000;

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
export function quietMemoryRelease(deps: QuietMemoryDeps) {
  let requests = 0;
  let backoffMs = QUIET_MS;
  let compacted = false;

  // The count now, looked at again in `ms`: equal then means no request came in between.
  const lookLater = (ms: number) => {
    const seen = requests;
    deps.setTimer(() => look(seen), ms);
  };
  const look = (seen: number) => {
    if (requests !== seen) return lookLater(QUIET_MS);
    if (deps.youngGenerationBytes() <= YOUNG_SMALL_BYTES) {
      backoffMs = QUIET_MS;
      return lookLater(QUIET_MS);
    }
    sample(0, seen);
  };
  const sample = (taken: number, seen: number) => {
    if (requests !== seen) return lookLater(QUIET_MS);
    deps.collectYoung();
    if (taken + 1 < SAMPLES && deps.youngGenerationBytes() > YOUNG_SMALL_BYTES)
      return deps.setTimer(() => sample(taken + 1, seen), SAMPLE_GAP_MS);
    deps.collectAll({ compact: !compacted });
    compacted = true;
    // Background work (the scheduled jobs) can keep the rate up: then try less and less often, so an
    // idle server never collects every few seconds for nothing.
    backoffMs = deps.youngGenerationBytes() > YOUNG_SMALL_BYTES ? Math.min(backoffMs * 2, MAX_BACKOFF_MS) : QUIET_MS;
    lookLater(backoffMs);
  };

  return {
    start: () => lookLater(QUIET_MS),
    sawRequest: () => {
      requests++;
    },
  };
}

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
 * young generation whenever they go quiet.
 */
export function releaseMemoryWhenQuiet(...servers: Server[]): void {
  const gc = v8Gc();
  const release = quietMemoryRelease({
    youngGenerationBytes,
    collectYoung: () => gc(true),
    collectAll: (opts) => collectAll(gc, opts),
    // unref: the timer never keeps a stopping process alive
    setTimer: (fn, ms) => void setTimeout(fn, ms).unref(),
  });
  for (const server of servers) server.on('request', release.sawRequest);
  release.start();
}
