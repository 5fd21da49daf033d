/**
 * The reliability suites (`npm run test:reliability`): bad input, concurrency, crashes, engine faults and
 * state-file recovery, on the real Docker engine. Files end in .suite.ts so that the main jest run
 * (`npm test`) does not pick them up; see tests/reliability/README.md.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tests/reliability'],
  testMatch: ['**/*.suite.ts'],
  testTimeout: 300000,
};
