import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    // Three workers on the 2-core machine: many test files wait on a real client (pandoc, LibreOffice, Chromium,
    // git) rather than compute, so a third worker overlaps that waiting (suite 3m48s → 2m25s, same results).
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
