import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import serviceGenerator from './generator';

const root = path.resolve(__dirname, '../../../..');

/** The files the generator edits, and the apps' configs it reads the ports from, as they are now. */
const EDITED = [
  'libs/contracts/src/index.ts',
  'libs/contracts/src/registry.ts',
  'apps/gateway/src/routes/routes.module.ts',
  'eslint.config.mjs',
  'nx.json',
  'docker/compose.yaml',
  'docker/k8s/base/kustomization.yaml',
  'tools/dev/src/start-platform.ts',
  'libs/contracts/src/bus/permessi-nats.spec.ts',
];

function workspaceTree(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  const configs = readdirSync(path.join(root, 'apps')).flatMap((app) => {
    const dir = `apps/${app}/src/config`;
    try {
      return readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`);
    } catch {
      return [];
    }
  });
  for (const file of [...EDITED, ...configs]) tree.write(file, readFileSync(path.join(root, file), 'utf8'));
  return tree;
}

describe('nx g @ambito/tools:service (on the workspace files, in memory)', () => {
  let tree: Tree;
  let before: Map<string, string | undefined>;
  const read = (file: string) => tree.read(file, 'utf-8') ?? '';
  const contents = () => new Map(tree.listChanges().map((c) => [c.path, c.content?.toString()]));

  beforeAll(async () => {
    tree = workspaceTree();
    before = contents();
    await serviceGenerator(tree, { name: 'misure-prova', skipFormat: true });
  });

  it('creates the app, its contracts, its route table and its deployment files', () => {
    for (const file of [
      'apps/misure-prova/project.json',
      'apps/misure-prova/tsconfig.json',
      'apps/misure-prova/tsconfig.app.json',
      'apps/misure-prova/jest.config.cjs',
      'apps/misure-prova/README.md',
      'apps/misure-prova/src/main.ts',
      'apps/misure-prova/src/app/create-misure-prova-app.ts',
      'apps/misure-prova/src/app/misure-prova.module.ts',
      'apps/misure-prova/src/config/misure-prova-config.ts',
      'apps/misure-prova/src/config/misure-prova-config.spec.ts',
      'apps/misure-prova/src/database/entities.ts',
      'apps/misure-prova/src/database/migrations.ts',
      'apps/misure-prova/src/audit/rifiuti-rpc.recorder.ts',
      'apps/misure-prova/src/stato/stato.controller.ts',
      'apps/misure-prova/src/stato/stato.repository.ts',
      'apps/misure-prova/src/stato/stato.controller.spec.ts',
      'apps/misure-prova/src/stato/stato.integration-spec.ts',
      'apps/misure-prova/test/misure-prova-harness.ts',
      'libs/contracts/src/misure-prova/index.ts',
      'libs/contracts/src/misure-prova/v1/misure-prova.messages.ts',
      'libs/contracts/src/misure-prova/v1/stato.dto.ts',
      'apps/gateway/src/routes/misure-prova.routes.ts',
      'docker/misure-prova.Dockerfile',
      'docker/k8s/base/misure-prova.yaml',
    ])
      expect(tree.exists(file)).toBe(true);
    expect(tree.listChanges().filter((c) => c.path.includes('<%') || c.path.includes('__'))).toEqual([]);
  });

  it('names everything after the service: tags, schema, subject, port after the others', () => {
    expect(JSON.parse(read('apps/misure-prova/project.json'))).toMatchObject({
      name: 'misure-prova',
      tags: ['scope:misure-prova', 'type:app'],
    });
    const config = read('apps/misure-prova/src/config/misure-prova-config.ts');
    expect(config).toContain("override DATABASE_SCHEMA: string = 'misure_prova';");
    expect(config).toMatch(/override HTTP_PORT: number = (\d+);/);
    const port = Number(/HTTP_PORT: number = (\d+)/.exec(config)![1]);
    for (const app of ['accesso', 'budget', 'presa-in-carico'])
      expect(port).toBeGreaterThan(
        Number(/HTTP_PORT: number = (\d+)/.exec(read(`apps/${app}/src/config/${app}-config.ts`))![1]),
      );
    const messages = read('libs/contracts/src/misure-prova/v1/misure-prova.messages.ts');
    expect(messages).toContain('export const MISURE_PROVA_RPC = {');
    expect(messages).toContain("subject: 'misure-prova.stato.leggi'");
    expect(messages).toContain('export const MISURE_PROVA_EVENTS');
    expect(read('apps/misure-prova/README.md')).toContain('EVT_MISURE_PROVA');
    expect(read('apps/gateway/src/routes/misure-prova.routes.ts')).toContain(
      "percorso: '/misure-prova/stato'",
    );
    const k8s = read('docker/k8s/base/misure-prova.yaml');
    expect(k8s).toContain('{ name: DATABASE_SCHEMA, value: misure_prova }');
    expect(k8s).toContain("command: ['bash', '/roles/create-roles.sh', 'misure_prova']");
    expect(k8s).toContain('- name: MISURE_PROVA_DB_PASSWORD');
    // The new-style deployment: migrations by a Job, the pods verify them, restricted and pinned by overlays.
    expect(k8s).toContain('{ name: DATABASE_MIGRATIONS, value: verify }');
    expect(k8s).toContain("'dist/apps/misure-prova/src/main.js', 'migrate'");
    expect(k8s).toContain('readOnlyRootFilesystem: true');
    expect(k8s).toContain('kind: PodDisruptionBudget');
    expect(read('docker/k8s/base/kustomization.yaml')).toMatch(
      /- misure-prova\.yaml\n\s+# @ambito\/tools:service: services/,
    );
    const dockerfile = read('docker/misure-prova.Dockerfile');
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:22-bookworm-slim');
    expect(dockerfile).toContain('node tools/docker/pruned-package.cjs misure-prova /deps');
    expect(dockerfile).toContain('USER 1000:1000');
    expect(read('apps/misure-prova/src/main.ts')).toContain('migrate: migrateMisureProva,');
  });

  it('registers the contracts, the routes, the scope rule, the integration tier, compose and npm start', () => {
    expect(read('libs/contracts/src/index.ts')).toContain("export * from './misure-prova';");
    const registry = read('libs/contracts/src/registry.ts');
    expect(registry).toContain(
      "import { MISURE_PROVA_EVENTS, MISURE_PROVA_RPC, type MisureProvaEventMap, type MisureProvaRpcMap } from './misure-prova';",
    );
    expect(registry).toContain('...Object.values(MISURE_PROVA_RPC),');
    expect(registry).toContain('...Object.values(MISURE_PROVA_EVENTS),');
    expect(registry).toMatch(/export type RpcMap = [^;]*& MisureProvaRpcMap;/);
    expect(registry).toMatch(/export type EventMap = [^;]*& MisureProvaEventMap;/);

    const routes = read('apps/gateway/src/routes/routes.module.ts');
    expect(routes).toContain("import { MISURE_PROVA_ROUTES } from './misure-prova.routes';");
    expect(routes).toMatch(/export const ROTTE: readonly Rotta\[\] = \[[^\]]*\.\.\.MISURE_PROVA_ROUTES\]/);
    expect(routes).toContain("controllerDa('MisureProvaRoutes', MISURE_PROVA_ROUTES),");

    expect(read('eslint.config.mjs')).toContain(
      "{ sourceTag: 'scope:misure-prova', onlyDependOnLibsWithTags: ['scope:shared', 'scope:misure-prova'] },",
    );
    const nx = JSON.parse(read('nx.json')) as { plugins: Array<{ include?: string[]; options?: object }> };
    const integration = nx.plugins.find(
      (p) => JSON.stringify(p.options) === '{"targetName":"test-integration"}',
    );
    expect(integration?.include).toContain('apps/misure-prova/jest.config.cjs');

    const compose = read('docker/compose.yaml');
    expect(compose).toContain('  misure-prova:\n    image: ambito/misure-prova:');
    expect(compose).toContain('      DATABASE_SCHEMA: misure_prova');
    expect(compose).toMatch(/ {2}gateway:[\s\S]*misure-prova: \{ condition: service_started \}/);
    // Its PostgreSQL roles: made by postgres-roles, used as runtime role and owner.
    expect(compose).toMatch(
      /command:\s*\[\s*'bash',\s*'\/roles\/create-roles\.sh',[^\]]*'misure_prova',?\s*\]/,
    );
    expect(compose).toContain(
      '      MISURE_PROVA_DB_OWNER_PASSWORD: ${MISURE_PROVA_DB_OWNER_PASSWORD:-cambiami}\n' +
        '      MISURE_PROVA_DB_PASSWORD: ${MISURE_PROVA_DB_PASSWORD:-cambiami}\n' +
        '    volumes:\n      - ./postgres:/roles:ro\n',
    );
    expect(compose).toContain(
      'DATABASE_URL: postgres://misure_prova_app:${MISURE_PROVA_DB_PASSWORD:-cambiami}@',
    );
    expect(compose).toContain('DATABASE_MIGRATION_URL: postgres://misure_prova_owner:');
    expect(read('tools/dev/src/start-platform.ts')).toContain("...(await database('misure_prova')),");
    expect(read('tools/dev/src/start-platform.ts')).toMatch(
      /await start\('misure-prova', port\('MISURE_PROVA_PORT', \d+\)[\s\S]*const gateway = await start\('gateway'/,
    );
  });

  it('expects the new service NATS user in the permissions spec', () => {
    expect(read('libs/contracts/src/bus/permessi-nats.spec.ts')).toMatch(
      /'misure-prova',\n {2}\/\/ @ambito\/tools:service: bus users\n\]\.sort\(\);/,
    );
  });

  it('touches nothing else', () => {
    const after = contents();
    const updated = [...before.keys()].filter((file) => after.get(file) !== before.get(file)).sort();
    expect(updated).toEqual([...EDITED].sort());
    const created = [...after.keys()].filter((file) => !before.has(file));
    expect(created.filter((file) => !file.includes('misure-prova'))).toEqual([]);
  });

  it('refuses a service that exists, and names that are not kebab-case', async () => {
    await expect(serviceGenerator(tree, { name: 'misure-prova', skipFormat: true })).rejects.toThrow(
      /esiste già \(apps\/misure-prova/,
    );
    await expect(
      serviceGenerator(workspaceTree(), { name: 'Misure_Prova', skipFormat: true }),
    ).rejects.toThrow(/Nome di servizio non valido/);
  });
});
