// Test tiers. A project's jest.config.cjs names the tiers it has; AMBITO_TEST_TIER (set by the Nx
// targets test-unit, test-integration and test-e2e, see nx.json) picks one, and unset means all of them:
//  - unit         *.spec.ts                                  no infrastructure (no global setup)
//  - integration  *.medium-spec.ts (real PostgreSQL),        one embedded PostgreSQL and one
//                 *.integration-spec.ts (+ NATS JetStream)   nats-server -js per run (libs/testing)
//  - e2e          *.e2e-spec.ts (apps/platform-e2e)          same, with the built apps as processes
const preset = require('./jest.preset.cjs');
const { jestInfraConfig } = require('./libs/testing/jest-infra.cjs');

const TEST_MATCH = {
  unit: ['*.spec.ts'],
  integration: ['*.medium-spec.ts', '*.integration-spec.ts'],
  e2e: ['*.e2e-spec.ts'],
};

/**
 * @param {string} rootDir the project's directory (`__dirname` of its jest.config.cjs)
 * @param {string} displayName
 * @param {Array<'unit' | 'integration' | 'e2e'>} tiers the tiers this project has tests for
 * @param {{ testTimeout?: number }} [options]
 */
function tieredJestConfig(rootDir, displayName, tiers, options = {}) {
  const wanted = process.env.AMBITO_TEST_TIER || undefined;
  if (wanted && !TEST_MATCH[wanted]) {
    throw new Error(`AMBITO_TEST_TIER=${wanted}: expected one of ${Object.keys(TEST_MATCH).join(', ')}`);
  }
  const selected = wanted ? tiers.filter((tier) => tier === wanted) : tiers;
  const needsInfra = selected.some((tier) => tier !== 'unit');
  return {
    ...preset,
    displayName,
    rootDir,
    testMatch: selected.flatMap((tier) => TEST_MATCH[tier].map((glob) => `<rootDir>/src/**/${glob}`)),
    // PostgreSQL and NATS start only for the tiers that use them.
    ...(needsInfra ? jestInfraConfig() : {}),
    ...(options.testTimeout ? { testTimeout: options.testTimeout } : {}),
    // A project without tests of the wanted tier (e.g. a lib tested only against PostgreSQL) passes it.
    ...(selected.length === 0 ? { passWithNoTests: true, testMatch: ['<rootDir>/__nessun_test__'] } : {}),
  };
}

module.exports = { tieredJestConfig, TEST_MATCH };
