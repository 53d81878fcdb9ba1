// Tiers: unit (see jest.tiers.cjs).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'persistence', ['unit']);
