import { defineConfig } from 'vitest/config';

// Two lanes. `npm test` is the fast one; `npm run test:hostile` sets READINESS_TEST_LANE=slow and
// runs the hostile suite and every *.slow.test.ts (real-time waits, thousands of inputs). CI runs both.
const SLOW_LANE = ['test/hostile/**/*.test.ts', 'test/**/*.slow.test.ts'];
const slow = process.env.READINESS_TEST_LANE === 'slow';

export default defineConfig({
  test: {
    include: slow ? SLOW_LANE : ['test/**/*.test.ts'],
    exclude: ['test/eval/corpus/**', 'examples/**', 'node_modules/**', ...(slow ? [] : SLOW_LANE)],
    testTimeout: 30_000,
    // The CLI is bundled once per run; tests that run it start plain Node processes.
    globalSetup: ['test/support/cli-bundle.setup.ts'],
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Most
    // files wait on git and child processes, so two workers halve the wall time there.
    maxWorkers: 2,
    // Files in a worker share loaded modules instead of importing zod, remark and Octokit again
    // for each of ~150 files: test/core went from 49 s to 9.5 s here. No test mocks modules or
    // changes process-wide state, so sharing them changes no result.
    isolate: false,
  },
});
