import path from 'node:path';

export interface JestInfraConfig {
  globalSetup: string;
  globalTeardown: string;
  testTimeout: number;
}

/**
 * The Jest settings that give a project one real PostgreSQL and one real NATS per test run (see
 * global-setup.ts). From a CommonJS `jest.config.cjs`, which cannot load this TypeScript file, use
 * the twin in `libs/testing/jest-infra.cjs`:
 *
 *   module.exports = {
 *     ...require('../../jest.preset.cjs'),
 *     ...require('../../libs/testing/jest-infra.cjs').jestInfraConfig(),
 *     displayName: 'my-project',
 *     rootDir: __dirname,
 *   };
 *
 * or write the same entries by hand:
 *
 *   globalSetup: '<rootDir>/../../libs/testing/src/jest/global-setup.ts',
 *   globalTeardown: '<rootDir>/../../libs/testing/src/jest/global-teardown.ts',
 *   testTimeout: 30000,
 */
export function jestInfraConfig(): JestInfraConfig {
  return {
    globalSetup: path.join(__dirname, 'global-setup.ts'),
    globalTeardown: path.join(__dirname, 'global-teardown.ts'),
    testTimeout: 30_000,
  };
}
