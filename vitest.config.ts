import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongFirstShuffledSequencer } from './scripts/test-sequencer';

// The test files, and the tests inside each file, run in a shuffled order, a new one each run, so a test
// that leans on what another left behind fails here rather than after an unrelated change. The seed is
// printed once so a failing order can be replayed exactly (issue 22; docs/TESTING.md lists the seeds run).
const seed = process.env.VITEST_SEED ? Number(process.env.VITEST_SEED) : Math.floor(Math.random() * 1_000_000);
if (!Number.isSafeInteger(seed)) throw new Error(`VITEST_SEED must be an integer, got "${process.env.VITEST_SEED}"`);
console.log(`vitest seed: ${seed} (replay with VITEST_SEED=${seed})`);

// `npm test` runs both projects; the browser tests have their own config (e2e/vitest.config.ts).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the CPUs: one on CI's two, where the other CPU then idles
    // while a SQLite test runs in the worker. The suite's files share nothing (each its own data dir,
    // database, server), so two run at once there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Shuffled files, the few long ones first (scripts/test-sequencer.ts), and shuffled tests in each file.
    sequence: { shuffle: { files: true, tests: true }, seed, sequencer: LongFirstShuffledSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // A few tests render PDFs or parse the whole catalogue (~1-2 s alone); with another file running
          // beside them on the same two CPUs, 5 s was too tight a guard against a hang.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['apps/server/test/**/*.test.ts', 'apps/cli/test/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['apps/server/test/global-setup.ts'],
          setupFiles: ['apps/server/test/setup-file.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
