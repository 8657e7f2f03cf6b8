import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // Vitest's default leaves one core free: on a 2-core machine, one file at a time. The test files
    // spend much of their time waiting (on PGlite, PostgreSQL, Chromium, argon2), so two at a time
    // there took the suite on PGlite from about 600 s to 450 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A worker keeps its loaded modules from one test file to the next: with isolation each file
    // imported the service again (150-210 s of each gate phase). Every file starts services of its
    // own, and the service's module-level state is keyed by context or read as differences (the
    // password-hash counter), so nothing one file does is seen by the next.
    // Without it: PGlite phase 461 s, PostgreSQL 614-664 s; with it 275 s and 464 s (2 cores).
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
