// The container images against the test run's PostgreSQL and NATS (tools/images/check.sh builds them
// first). Tier e2e, run by its own step of the test command, not by `nx run-many -t test-e2e`.
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'images', ['e2e'], {
  testTimeout: 600000,
});
