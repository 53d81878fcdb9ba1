#!/usr/bin/env node
// The production dependencies of one app, for its image (docker/<app>.Dockerfile, docs/operations.md):
//   node tools/docker/pruned-package.cjs <app> [outDir]
// writes <outDir>/package.json (only the npm packages the app and the libraries it imports use, at the
// versions of the root package.json) and <outDir>/package-lock.json (the root lock file pruned to those
// packages), so that `npm ci --omit=dev` installs nothing another app needs. Nx finds the packages in
// the project graph (the imports of the app and of its libraries); packages loaded only by name at run
// time are listed in RUNTIME_ONLY below.
const fs = require('node:fs');
const path = require('node:path');
const { createProjectGraphAsync, workspaceRoot } = require('@nx/devkit');
const { createPackageJson, createLockFile } = require('@nx/js');

// Loaded by a string at run time, which no import shows: the PostgreSQL driver (TypeORM's `type:
// 'postgres'`), the logger's transports and tsconfig-paths (tools/runtime/register.js maps @ambito/*).
const RUNTIME_ONLY = ['pg', 'tsconfig-paths', 'reflect-metadata'];

async function main() {
  const [app, outDir = path.join('dist', 'apps', app ?? '')] = process.argv.slice(2);
  if (!app) {
    console.error('uso: node tools/docker/pruned-package.cjs <app> [cartella]');
    process.exit(2);
  }
  const graph = await createProjectGraphAsync({ exitOnError: true });
  if (!graph.nodes[app]) {
    console.error(`pruned-package: progetto sconosciuto: ${app}`);
    process.exit(2);
  }
  const root = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8'));
  const pkg = createPackageJson(app, graph, {
    isProduction: true,
    root: workspaceRoot,
    helperDependencies: RUNTIME_ONLY.map((name) => `npm:${name}`),
  });
  pkg.name = `@ambito/${app}`;
  pkg.version = root.version;
  pkg.license = root.license;
  pkg.engines = root.engines;
  pkg.private = true;
  delete pkg.devDependencies;
  delete pkg.scripts;
  const lock = createLockFile(pkg, graph, 'npm');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'package-lock.json'), lock);
  const deps = Object.keys(pkg.dependencies ?? {});
  console.log(`pruned-package: ${app}: ${deps.length} dipendenze (${deps.join(', ')})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
