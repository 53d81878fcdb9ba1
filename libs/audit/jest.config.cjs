module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'audit',
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.medium-spec.ts',
    '<rootDir>/src/**/*.integration-spec.ts',
  ],
  globalSetup: '<rootDir>/../../libs/testing/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/testing/src/jest/global-teardown.ts',
  testTimeout: 30000,
};
