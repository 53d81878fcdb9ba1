module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'territorio',
  rootDir: __dirname,
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.medium-spec.ts',
    '<rootDir>/src/**/*.integration-spec.ts',
  ],
};
