// Tiers: integration only (real PostgreSQL; see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'audit', ['integration'], {
  testTimeout: 30000,
});
