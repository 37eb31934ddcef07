import { defineConfig } from 'vitest/config';

// The tests the access layer's mutation run uses (platform/http/access.ts): the focused access-layer file
// (every decision of the hook, on a probe app and a few real routes; seconds per mutant) and the
// permission table's unit test. The role × route matrix (apps/server/test/permissions.test.ts) is left
// out: it takes minutes per mutant (9+ hours for the file's mutants here) and checks the table, not the
// hook's other decisions (docs/TESTING.md, "Access layer").
export default defineConfig({
  test: {
    include: ['apps/server/test/access-layer.test.ts', 'packages/domain/src/permissions.test.ts'],
    environment: 'node',
    globalSetup: ['apps/server/test/global-setup.ts'],
    setupFiles: ['apps/server/test/setup-file.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
