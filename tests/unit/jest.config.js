/**
 * The unit suite alone (tests/unit, fake runtime, no Docker): what `npm run test:mutation` (Stryker) runs
 * against every mutant. `npx jest tests/unit` runs the same tests through the top-level config.
 */
const base = require('../../jest.config.js');

module.exports = {
  ...base,
  rootDir: '../..',
  roots: ['<rootDir>/tests/unit'],
};
