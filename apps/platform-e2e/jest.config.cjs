// Tiers: e2e (see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'platform-e2e', ['e2e'], {
  testTimeout: 60000,
});
