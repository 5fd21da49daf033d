/**
 * Mutation testing of the reconciler (`npm run test:mutation`, not part of `npm test`): every mutant of the
 * controllers, kinds, pod backends and the convergence wait runs against the unit suite (fake runtime, no
 * Docker). The globs name folders, not files, so they keep matching as files move inside them.
 * Reports (clear text, html, json) and the incremental cache land in reports/.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'jest',
  // Every unit test in the dry run, and perTest coverage picks each mutant's tests: jest's findRelatedTests
  // cannot follow the commands' lazy requires, so it would leave out the CLI tests that reach the controllers.
  jest: { projectType: 'custom', configFile: 'tests/unit/jest.config.js', enableFindRelatedTests: false },
  // A few unit tests run the built CLI (dist/) in a child process, as `npm test` builds it first.
  buildCommand: 'npm run build',
  // Mutants that do not compile are discarded by tsc, not run (ts-jest transpiles without type checks).
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: ['src/controllers/**/*.ts', 'src/kinds/**/*.ts', 'src/backends/**/*.ts', 'src/ops/converge.ts'],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'html', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: 'reports/.stryker-tmp',
};
