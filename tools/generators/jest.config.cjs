// Tiers: unit (the generator on the workspace files, in memory), integration (the generator run with
// `nx g` on a copy of the workspace, then the new service's type checks, lint and tests there).
// This project needs no PostgreSQL/NATS of its own: the generated service's tests start theirs.
const config = require('../../jest.tiers.cjs').tieredJestConfig(
  __dirname,
  'generators',
  ['unit', 'integration'],
  {
    testTimeout: 180000,
  },
);
delete config.globalSetup;
delete config.globalTeardown;
module.exports = config;
