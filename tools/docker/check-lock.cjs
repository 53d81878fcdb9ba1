#!/usr/bin/env node
// package-lock.json must install with `npm ci` on every platform (docs/operations.md, "Images"): every
// optional platform package a locked package names (@nx/nx-darwin-arm64, @swc/core-linux-musl, …) must
// be in the lock file at the version asked, else `npm ci` on that platform fails with "Missing: … from
// lock file". An `npm install` on one platform can drop them: this check fails until they are back
// (`npm install --package-lock-only` restores them without changing anything else).
const path = require('node:path');

const lock = require(path.resolve(__dirname, '../../package-lock.json'));
const packages = lock.packages ?? {};

/** The lock entry Node would resolve `name` to from the package at `from` (its node_modules, then up). */
function resolve(from, name) {
  let base = from;
  for (;;) {
    const entry = packages[`${base ? `${base}/` : ''}node_modules/${name}`];
    if (entry) return entry;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

const missing = [];
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const found = resolve(location, name);
    if (!found) missing.push(`${name}@${range} (per ${location || 'la radice'})`);
    else if (/^\d+\.\d+\.\d+/.test(range) && found.version !== range)
      missing.push(`${name}@${range}: nel lock ${found.version} (per ${location})`);
  }
}
if (missing.length) {
  console.error(`package-lock.json: mancano pacchetti opzionali di piattaforma:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `package-lock.json: pacchetti opzionali di piattaforma completi (${Object.keys(packages).length} voci)`,
);
