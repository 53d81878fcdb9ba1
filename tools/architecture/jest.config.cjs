// Tiers: unit (see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'architecture', ['unit'], {
  testTimeout: 60000,
});
