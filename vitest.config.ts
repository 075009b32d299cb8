import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'pipeline/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // CLI tests start Node processes; on a loaded 2-core machine that takes seconds.
    testTimeout: 30_000,
  },
});
