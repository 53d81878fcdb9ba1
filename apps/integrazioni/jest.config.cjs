// Tiers: unit, integration (see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(
  __dirname,
  'integrazioni',
  ['unit', 'integration'],
  { testTimeout: 90000 },
);
