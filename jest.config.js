/** Unit tests run on the fake runtime; e2e tests drive the built CLI against the real Docker engine. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: { module: 'commonjs', esModuleInterop: true, resolveJsonModule: true, isolatedModules: true, target: 'ES2022' } }] },
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/summary-reporter.js'],
};
