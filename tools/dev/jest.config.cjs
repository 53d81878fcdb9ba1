// Tiers: unit (see jest.tiers.cjs): the demo data against the source documents.
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'dev-stack', ['unit']);
