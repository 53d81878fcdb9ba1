// Tiers: unit (see jest.tiers.cjs). The fuzz run itself is apps/platform-e2e/src/fuzz.e2e-spec.ts.
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'fuzz', ['unit']);
