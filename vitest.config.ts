import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // One fixed "today" (engine/clock.ts) under Law 104/2016: suggestions and their bases do not
    // change with the machine's date. Tests of the 2026 law pass their own date.
    env: { MINHBACH_TODAY: '2026-06-01' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Real SQLite files, real workers: two cores, keep the parallelism honest.
    pool: 'forks',
    maxWorkers: 2,
  },
});
