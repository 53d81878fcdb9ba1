module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'architecture',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testTimeout: 60000,
};
