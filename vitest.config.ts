import { defineConfig } from 'vitest/config'

// Tiers: unit (pure, fast), int (Payload + a real database), http (the Express server on a
// random port), e2e (Chromium). Each integration file gets its own database.
// With TEST_RESULTS_DIR set (CI), each run also writes a JSON report for the summary line.
const resultsDir = process.env.TEST_RESULTS_DIR
const runName = `${process.env.npm_lifecycle_event ?? 'vitest'}${process.env.TEST_DB ? `-${process.env.TEST_DB}` : ''}`

export default defineConfig({
  test: {
    pool: 'forks',
    reporters: resultsDir
      ? ['default', ['json', { outputFile: `${resultsDir}/${runName}.json` }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/int/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: ['tests/http/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
