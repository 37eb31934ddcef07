import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The document generators of packages/domain are tested from packages/catalog
// (document-generators.test.ts: every narrative type written for a full and an empty organization),
// since the tests need the shipped catalogue. That file imports `@fortytwo/domain`, which node_modules
// links to the original packages/domain, outside Stryker's sandbox: the alias points it at the
// sandbox's mutated copy instead, or no mutant would ever be seen by the test. The domain's own
// wording test (every generated sentence, pinned in __snapshots__/<type>.txt) runs beside it.
export default defineConfig({
  resolve: {
    alias: { '@fortytwo/domain': fileURLToPath(new URL('../packages/domain/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['packages/catalog/src/document-generators.test.ts', 'packages/domain/src/document-generators/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
    isolate: false,
  },
});
