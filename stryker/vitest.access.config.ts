import { defineConfig } from 'vitest/config';

// The tests that exercise the access layer (platform/http/access.ts) through HTTP: the permission
// matrix, the stale-version and cross-organization sweeps. Integration tests, so far slower per mutant.
export default defineConfig({
  test: {
    include: ['apps/server/test/permissions.test.ts', 'packages/domain/src/permissions.test.ts'],
    environment: 'node',
    globalSetup: ['apps/server/test/global-setup.ts'],
    setupFiles: ['apps/server/test/setup-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
