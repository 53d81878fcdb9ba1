// Tiers: unit, integration (see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(
  __dirname,
  'messaging',
  ['unit', 'integration'],
  { testTimeout: 30000 },
);
