import { defineConfig } from 'vitest/config';

// The unit tests of packages/domain, alone: what StrykerJS runs against each mutant of the domain.
export default defineConfig({
  test: {
    include: ['packages/domain/src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 15_000,
  },
});
