// Tiers: unit (the rules every manifest must follow, on small documents) and integration (the overlays
// of every ambito through `kubectl kustomize`, and a new ambito made by the command).
module.exports = require('../../jest.tiers.cjs').tieredJestConfig(__dirname, 'k8s', ['unit', 'integration'], {
  testTimeout: 120000,
});
