/** Unit tests run on the fake runtime; e2e tests drive the built CLI against the real Docker engine. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: { module: 'commonjs', esModuleInterop: true, resolveJsonModule: true } }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
