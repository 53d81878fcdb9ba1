#!/usr/bin/env node
// Writes docker/<app>.Dockerfile of the existing services from the generator's template (the one a new
// service gets from `nx g @ambito/tools:service`), so that every image is built the same way:
//   node tools/docker/render-dockerfiles.cjs          (rewrites them)
//   node tools/docker/render-dockerfiles.cjs --check  (exit 1 if one differs: the test command runs it)
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const template = fs.readFileSync(
  path.join(root, 'tools/generators/src/service/files/docker/__name__.Dockerfile__tmpl__'),
  'utf8',
);

/**
 * Debian packages a service needs at run time, installed in its runtime stage (empty for a new service,
 * as the generator writes it): integrazioni validates every SIUSS flow against INPS' XSD with xmllint
 * before it offers it.
 */
const RUNTIME_PACKAGES = { integrazioni: ['libxml2-utils'] };

function runtimePackages(app) {
  const packages = RUNTIME_PACKAGES[app] ?? [];
  if (packages.length === 0) return '';
  return (
    'RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends ' +
    packages.join(' ') +
    ' >/dev/null && rm -rf /var/lib/apt/lists/*'
  );
}

/** The HTTP port of each app: the default of its config (the gateway's is in its own config). */
function port(app) {
  const dir = path.join(root, 'apps', app, 'src', 'config');
  for (const file of fs.readdirSync(dir)) {
    const m = fs.readFileSync(path.join(dir, file), 'utf8').match(/HTTP_PORT: number = (\d+)/);
    if (m) return Number(m[1]);
  }
  return 3000;
}

const apps = fs
  .readdirSync(path.join(root, 'docker'))
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => f.replace(/\.Dockerfile$/, ''));
const check = process.argv.includes('--check');
let stale = 0;
for (const app of apps) {
  const text = template
    .replace(/<%= name %>/g, app)
    .replace(/<%= port %>/g, String(port(app)))
    .replace(/<%= runtimePackages %>/g, runtimePackages(app));
  const file = path.join(root, 'docker', `${app}.Dockerfile`);
  if (check) {
    if (fs.readFileSync(file, 'utf8') !== text) {
      console.error(
        `docker/${app}.Dockerfile non segue il modello: node tools/docker/render-dockerfiles.cjs`,
      );
      stale++;
    }
  } else fs.writeFileSync(file, text);
}
if (stale) process.exit(1);
console.log(`Dockerfile ${check ? 'controllati' : 'scritti'}: ${apps.join(', ')}`);
