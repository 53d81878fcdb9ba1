// Tiers: integration (see jest.tiers.cjs): the command against real NATS, PostgreSQL and consumers.
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'dlq', ['integration'], {
  testTimeout: 60000,
});
