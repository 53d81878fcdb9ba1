// Tiers: unit (publiccode.yml against the standard's rules). No PostgreSQL or NATS.
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'ci', ['unit']);
