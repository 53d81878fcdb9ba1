// Resolves the workspace's `@ambito/*` aliases to the compiled libraries under dist/ at run time
// (tsc keeps import specifiers as written). Use: node -r ./tools/runtime/register.js dist/apps/<app>/src/main.js
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.base.json');

tsconfigPaths.register({
  baseUrl: path.resolve(__dirname, '../../dist'),
  paths: compilerOptions.paths,
  addMatchAll: false,
});
