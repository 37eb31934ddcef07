import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: a real server in-process and Chromium through playwright-core.
// `npm run test:e2e` builds the web app first (apps/web/dist), which the server serves.
// global-setup.ts finds the browser once per run (or says why every file is skipped).
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    retry: 0,
    // A page settles after a click: assertions on what it shows poll (expect.poll) instead of reading once.
    expect: { poll: { timeout: 10_000, interval: 100 } },
    // Each file runs its own server, data directory and browser, so two files run at once: the suite spends
    // much of its time waiting on pages (one file at a time: ~530 s in CI; two: ~430 s on a loaded machine).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
