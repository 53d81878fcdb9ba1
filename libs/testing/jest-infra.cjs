// Jest settings that give a project one real PostgreSQL and one real NATS (JetStream) per test run.
// Twin of src/jest/infra-config.ts for CommonJS jest configs:
//
//   module.exports = {
//     ...require('../../jest.preset.cjs'),
//     ...require('../../libs/testing/jest-infra.cjs').jestInfraConfig(),
//     displayName: 'my-project',
//     rootDir: __dirname,
//   };
//
// Equivalent by hand (paths relative to the project's rootDir, two levels below the workspace):
//   globalSetup: '<rootDir>/../../libs/testing/src/jest/global-setup.ts',
//   globalTeardown: '<rootDir>/../../libs/testing/src/jest/global-teardown.ts',
//   testTimeout: 30000,
const path = require('node:path');

function jestInfraConfig() {
  return {
    globalSetup: path.join(__dirname, 'src/jest/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'src/jest/global-teardown.ts'),
    testTimeout: 30000,
  };
}

module.exports = { jestInfraConfig };
