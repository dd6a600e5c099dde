import { defineConfig } from 'vitest/config'

// CI asks for a JSON report beside the console one, to print its one-line summary from.
const report = process.env.QUNGUARD_TEST_REPORT

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
})
