import http from 'node:http';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import {
  QUIET_MS,
  SAMPLE_GAP_MS,
  SAMPLES,
  START_QUIET_MS,
  isLoad,
  quietMemoryRelease,
  releaseMemoryWhenQuiet,
} from './quiet-memory';

const MiB = 1024 * 1024;

/** V8 and the clock as fakes: the young generation shrinks after `shrinksAfter` young collections. */
function fakeHeap({ shrinksAfter = 11, youngMiB = 32 } = {}) {
  const timers: { at: number; fn: () => void }[] = [];
  const log: string[] = [];
  let now = 0;
  let young = youngMiB * MiB;
  let youngCollections = 0;
  const release = quietMemoryRelease({
    youngGenerationBytes: () => young,
    collectYoung: () => {
      log.push('young');
      if (++youngCollections >= shrinksAfter) young = 1 * MiB;
    },
    collectAll: ({ compact }) => log.push(compact ? 'all+compact' : 'all'),
    setTimer: (fn, ms) => void timers.push({ at: now + ms, fn }),
  });
  /** Runs the timers due until `ms` from now, in order. */
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.fn();
    }
    now = until;
  };
  return {
    release,
    advance,
    log,
    grow: () => {
      young = youngMiB * MiB;
      youngCollections = 0;
    },
  };
}

describe('quietMemoryRelease', () => {
  it('after a quiet second, collects the young generation until it has shrunk, then compacts once', () => {
    const heap = fakeHeap({ shrinksAfter: 11 });
    heap.release.start();
    heap.advance(START_QUIET_MS + SAMPLES * SAMPLE_GAP_MS);
    expect(heap.log).toEqual([...Array<string>(11).fill('young'), 'all+compact']);
  });

  it('does nothing while the young generation is small', () => {
    const heap = fakeHeap({ youngMiB: 1 });
    heap.release.start();
    heap.advance(60_000);
    expect(heap.log).toEqual([]);
  });

  it('never collects while requests keep coming, and stops sampling when one arrives', () => {
    const heap = fakeHeap();
    heap.release.start();
    for (let t = 0; t < 20; t++) {
      heap.release.sawRequest();
      heap.advance(START_QUIET_MS / 2);
    }
    expect(heap.log).toEqual([]);
    heap.advance(START_QUIET_MS + 3 * SAMPLE_GAP_MS); // quiet: sampling starts
    const sampled = heap.log.length;
    expect(sampled).toBeGreaterThan(0);
    heap.release.sawRequest();
    heap.advance(SAMPLE_GAP_MS * 2);
    expect(heap.log).toHaveLength(sampled);
    expect(heap.log).not.toContain('all+compact');
  });

  it('compacts only the first time; after a later burst it waits for five quiet minutes', () => {
    const heap = fakeHeap({ shrinksAfter: 3 });
    heap.release.start();
    heap.advance(START_QUIET_MS + SAMPLES * SAMPLE_GAP_MS);
    heap.grow(); // a burst of requests grew it again
    heap.release.sawRequest();
    heap.advance(QUIET_MS);
    expect(heap.log.filter((e) => e.startsWith('all'))).toEqual(['all+compact']);
    heap.advance(QUIET_MS + SAMPLES * SAMPLE_GAP_MS);
    expect(heap.log.filter((e) => e.startsWith('all'))).toEqual(['all+compact', 'all']);
  });

  it('does nothing once stopped', () => {
    const heap = fakeHeap();
    heap.release.start();
    heap.release.stop();
    heap.advance(60_000);
    expect(heap.log).toEqual([]);
  });

  it('when the young generation will not shrink, tries less and less often', () => {
    const heap = fakeHeap({ shrinksAfter: Infinity });
    heap.release.start();
    heap.advance(3 * 60 * 60_000);
    const fullCollections = heap.log.filter((e) => e.startsWith('all')).length;
    // at start, then 5, 10, 20, 40 and 60 minutes apart
    expect(fullCollections).toBeGreaterThanOrEqual(5);
    expect(fullCollections).toBeLessThanOrEqual(8);
  });
});

describe('isLoad', () => {
  it('counts every request as load but the health check', () => {
    expect(isLoad({ url: '/api/health' })).toBe(false);
    expect(isLoad({ url: '/api/orgs/o1/risks' })).toBe(true);
    expect(isLoad({ url: '/' })).toBe(true);
  });
});

describe('releaseMemoryWhenQuiet (V8 itself)', () => {
  it('gives back the young generation a burst of allocation grew, once the server is quiet', async () => {
    const youngMiB = () =>
      (v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.physical_space_size ?? 0) / MiB;
    // Survivors grow the young generation, as start-up does.
    const keep: unknown[] = [];
    for (let i = 0; i < 400_000; i++) keep.push({ i, s: `item ${i}` });
    expect(youngMiB()).toBeGreaterThan(4);
    keep.length = 0;
    const server = http.createServer();
    const stop = releaseMemoryWhenQuiet([server]);
    try {
      const deadline = Date.now() + 5 * START_QUIET_MS + SAMPLES * SAMPLE_GAP_MS * 3;
      while (youngMiB() > 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(youngMiB()).toBeLessThanOrEqual(4);
    } finally {
      stop(); // no collections in the test files this worker runs next
    }
  });
});
