import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The order `npm test` runs the test files in: shuffled by the run's seed (issue 22), except the few
// files that take far longer than the rest, which start first. A shuffle could otherwise start the
// permission matrix (~140 s, a third of the phase) last, when the other worker has nothing left to
// run: CI then waits on one file. Starting a file early changes nothing it could depend on: every file
// runs its own server and database. The list is the slowest files of a CI run, longest first.
export const LONG_FIRST = [
  'apps/server/test/permissions.test.ts',
  'apps/server/test/fuzz.test.ts',
  'apps/server/test/backup.test.ts',
  'apps/server/test/crash.test.ts',
  'apps/server/test/risk-exports.test.ts',
];

/** mulberry32: a small seeded generator, so one seed always gives one order. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The files shuffled by `seed` (Fisher–Yates), then the long ones moved to the front in LONG_FIRST's order. */
export function orderFiles<T>(files: readonly T[], idOf: (f: T) => string, seed: number): T[] {
  const next = random(seed);
  const out = [...files];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  const rank = (f: T) => {
    const i = LONG_FIRST.findIndex((long) => idOf(f).endsWith(long));
    return i === -1 ? LONG_FIRST.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b)); // stable: the shuffled order stays among the rest
}

export class LongFirstShuffledSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve(orderFiles(files, (f) => f.moduleId, this.ctx.config.sequence.seed));
  }
}
