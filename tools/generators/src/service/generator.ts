import {
  formatFiles,
  generateFiles,
  logger,
  names,
  updateJson,
  type GeneratorCallback,
  type Tree,
} from '@nx/devkit';
import * as path from 'node:path';

export interface ServiceGeneratorSchema {
  /** kebab-case, e.g. `misure` */
  name: string;
  /** HTTP port (health, metrics); the first free one after the other services' when omitted. */
  port?: number;
  skipFormat?: boolean;
}

/** The values the templates under `files/` and the edits use. */
export interface ServiceNames {
  /** `prova-generata`: app, project, scope tag, NATS subjects and queue group. */
  name: string;
  /** `ProvaGenerata`: ProvaGenerataModule, ProvaGenerataConfig, createProvaGenerataApp… */
  className: string;
  /** `provaGenerata`: provaGenerataDataSource… */
  propertyName: string;
  /** `PROVA_GENERATA`: PROVA_GENERATA_RPC, PROVA_GENERATA_EVENTS, PROVA_GENERATA_ROUTES… */
  constantName: string;
  /** `StatoProvaGenerata`: the example's contract classes (LeggiStatoProvaGenerataV1, StatoProvaGenerataV1). */
  statoClass: string;
  /** `prova_generata`: the PostgreSQL schema. */
  schema: string;
  /** `EVT_PROVA_GENERATA`: the JetStream stream of its events (eventStreamName). */
  stream: string;
  /** `Prova generata`: the OpenAPI tag. */
  title: string;
  port: number;
  migrationTimestamp: number;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** `npx nx g @ambito/tools:service <name>`: a working service skeleton in today's shape (see CONTRIBUTING.md). */
export default async function serviceGenerator(
  tree: Tree,
  options: ServiceGeneratorSchema,
): Promise<GeneratorCallback> {
  const v = serviceNames(tree, options);
  const existing = [
    `apps/${v.name}`,
    `libs/contracts/src/${v.name}`,
    `apps/gateway/src/routes/${v.name}.routes.ts`,
  ].filter((p) => tree.exists(p));
  if (existing.length > 0) {
    throw new Error(
      `Il servizio "${v.name}" esiste già (${existing.join(', ')}): scegliere un altro nome o rimuovere quei file.`,
    );
  }

  generateFiles(tree, path.join(__dirname, 'files'), '.', { ...v, runtimePackages: '', tmpl: '' });
  exportContracts(tree, v);
  registerContracts(tree, v);
  registerRoutes(tree, v);
  addScopeRule(tree, v);
  addIntegrationTier(tree, v);
  addComposeService(tree, v);
  addToKustomizeBase(tree, v);
  addToDevStack(tree, v);
  addBusUser(tree, v);

  if (!options.skipFormat) await formatFiles(tree);
  return () => {
    logger.info(`
Servizio ${v.name} creato (porta ${v.port}, schema ${v.schema}, stream ${v.stream}). Poi:
  npx nx run ${v.name}:test-unit && npx nx run ${v.name}:test-integration
  npm run api:docs        (docs/api/openapi.json e asyncapi.yaml con GET /api/v1/${v.name}/stato)
  descrivere il servizio in apps/${v.name}/README.md; nuovi messaggi: CONTRIBUTING.md`);
  };
}

export function serviceNames(tree: Tree, options: ServiceGeneratorSchema): ServiceNames {
  const name = String(options.name ?? '').trim();
  if (!NAME.test(name)) {
    throw new Error(
      `Nome di servizio non valido: "${name}" (kebab-case minuscolo, es. misure o presa-in-carico).`,
    );
  }
  if (['gateway', 'platform-e2e', 'common'].includes(name)) {
    throw new Error(`"${name}" è un nome riservato.`);
  }
  const n = names(name);
  return {
    name,
    className: n.className,
    propertyName: n.propertyName,
    constantName: n.constantName,
    statoClass: `Stato${n.className}`,
    schema: name.replace(/-/g, '_'),
    stream: `EVT_${n.constantName}`,
    title: name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' '),
    port: options.port ?? freePort(tree),
    migrationTimestamp: Date.now(),
  };
}

/** The HTTP port after the highest default of the apps' configs (accesso 3101, budget 3102…). */
function freePort(tree: Tree): number {
  const ports = [3100];
  for (const app of tree.children('apps')) {
    const dir = `apps/${app}/src/config`;
    if (!tree.exists(dir)) continue;
    for (const file of tree.children(dir)) {
      const text = tree.read(`${dir}/${file}`, 'utf-8') ?? '';
      for (const m of text.matchAll(/HTTP_PORT: number = (\d+)/g)) ports.push(Number(m[1]));
    }
  }
  return Math.max(...ports) + 1;
}

/** Inserts `text` just before the line holding `anchor`; fails clearly if the anchor was removed. */
export function insertBeforeLine(
  content: string,
  anchor: string | RegExp,
  text: string,
  file: string,
): string {
  const lines = content.split('\n');
  const at = lines.findIndex((l) => (typeof anchor === 'string' ? l.includes(anchor) : anchor.test(l)));
  if (at < 0) throw new Error(`${file}: non trovo il punto di inserimento "${String(anchor)}"`);
  lines.splice(at, 0, ...text.replace(/\n$/, '').split('\n'));
  return lines.join('\n');
}

/** Appends ` & addition` to a type alias `export type <alias> = A & B;` (one or more lines). */
function extendIntersection(content: string, alias: string, addition: string, file: string): string {
  const re = new RegExp(`(export type ${alias} =)([^;]+);`);
  if (!re.test(content)) throw new Error(`${file}: non trovo "export type ${alias} = …;"`);
  return content.replace(re, (_m, head: string, body: string) => `${head}${body.trimEnd()} & ${addition};`);
}

function edit(tree: Tree, file: string, change: (content: string) => string): void {
  const content = tree.read(file, 'utf-8');
  if (content === null) throw new Error(`${file} non esiste`);
  tree.write(file, change(content));
}

export const ANCHOR = '@ambito/tools:service';

function exportContracts(tree: Tree, v: ServiceNames): void {
  const file = 'libs/contracts/src/index.ts';
  edit(tree, file, (c) => insertBeforeLine(c, ANCHOR, `export * from './${v.name}';`, file));
}

function registerContracts(tree: Tree, v: ServiceNames): void {
  const file = 'libs/contracts/src/registry.ts';
  const C = v.constantName;
  edit(tree, file, (c) => {
    c = insertBeforeLine(
      c,
      `${ANCHOR}: imports`,
      `import { ${C}_EVENTS, ${C}_RPC, type ${v.className}EventMap, type ${v.className}RpcMap } from './${v.name}';`,
      file,
    );
    c = insertBeforeLine(c, `${ANCHOR}: RPC_DECLARATIONS`, `  ...Object.values(${C}_RPC),`, file);
    c = insertBeforeLine(c, `${ANCHOR}: EVENT_DECLARATIONS`, `  ...Object.values(${C}_EVENTS),`, file);
    c = extendIntersection(c, 'RpcMap', `${v.className}RpcMap`, file);
    return extendIntersection(c, 'EventMap', `${v.className}EventMap`, file);
  });
}

function registerRoutes(tree: Tree, v: ServiceNames): void {
  const file = 'apps/gateway/src/routes/routes.module.ts';
  const routes = `${v.constantName}_ROUTES`;
  edit(tree, file, (c) => {
    c = insertBeforeLine(c, `${ANCHOR}: imports`, `import { ${routes} } from './${v.name}.routes';`, file);
    const rotte = /(export const ROTTE: readonly Rotta\[\] = \[)([^\]]*)(\]);/;
    if (!rotte.test(c)) throw new Error(`${file}: non trovo "export const ROTTE: readonly Rotta[] = […];"`);
    c = c.replace(rotte, (_m, head: string, body: string, tail: string) => {
      const items = body.trim().replace(/,$/, '');
      return `${head}${items ? `${items}, ` : ''}...${routes}${tail};`;
    });
    return insertBeforeLine(
      c,
      `${ANCHOR}: controllers`,
      `    controllerDa('${v.className}Routes', ${routes}),`,
      file,
    );
  });
}

function addScopeRule(tree: Tree, v: ServiceNames): void {
  const file = 'eslint.config.mjs';
  edit(tree, file, (c) =>
    insertBeforeLine(
      c,
      `${ANCHOR}: scopes`,
      `            { sourceTag: 'scope:${v.name}', onlyDependOnLibsWithTags: ['scope:shared', 'scope:${v.name}'] },`,
      file,
    ),
  );
}

/** The app's jest.config.cjs in the registration of the `test-integration` target (nx.json). */
function addIntegrationTier(tree: Tree, v: ServiceNames): void {
  updateJson(tree, 'nx.json', (nx) => {
    const plugin = (nx.plugins ?? []).find(
      (p: { plugin?: string; options?: { targetName?: string } }) =>
        typeof p === 'object' &&
        p.plugin === '@nx/jest/plugin' &&
        p.options?.targetName === 'test-integration',
    );
    if (!plugin?.include)
      throw new Error('nx.json: non trovo il plugin @nx/jest con targetName test-integration');
    plugin.include = [...new Set([...plugin.include, `apps/${v.name}/jest.config.cjs`])].sort();
    return nx;
  });
}

function addComposeService(tree: Tree, v: ServiceNames): void {
  const file = 'docker/compose.yaml';
  const C = v.constantName;
  const service = `  ${v.name}:
    image: ambito/${v.name}:\${AMBITO_VERSION:-latest}
    build:
      context: ..
      dockerfile: docker/${v.name}.Dockerfile
    environment:
      <<: *service-env
      DATABASE_URL: postgres://${v.schema}_app:\${${C}_DB_PASSWORD:-cambiami}@postgres:5432/ambito
      DATABASE_MIGRATION_URL: postgres://${v.schema}_owner:\${${C}_DB_OWNER_PASSWORD:-cambiami}@postgres:5432/ambito
      DATABASE_SCHEMA: ${v.schema}
      NATS_USER: ${v.name}
      ACTOR_TRUSTED_KEYS_FILE: /run/secrets/actor-trusted-keys
      HTTP_HOST: 0.0.0.0
      HTTP_PORT: '${v.port}'
    secrets: [actor-trusted-keys]
    volumes:
      - ./nats/segreti/${v.name}.password:/run/secrets/nats-password:ro
      - ./nats/tls/ca.crt:/run/secrets/nats-ca.crt:ro
    depends_on:
      postgres-roles: { condition: service_completed_successfully }
      nats: { condition: service_healthy }
    restart: unless-stopped

`;
  edit(tree, file, (c) => {
    // Its PostgreSQL roles, made by the postgres-roles service (docker/postgres/create-roles.sh).
    // On one line or, once Prettier wrapped it, one item per line.
    const roles = /^( {4}command:\s*\[)([^\]]*'\/roles\/create-roles\.sh'[^\]]*)\]$/m;
    if (!roles.test(c)) throw new Error(`${file}: non trovo il command di postgres-roles`);
    c = c.replace(roles, (_m, head: string, items: string) => {
      const list = items.trimEnd().replace(/,$/, '');
      return items.includes('\n')
        ? `${head}${list},\n        '${v.schema}',\n      ]`
        : `${head}${list}, '${v.schema}']`;
    });
    // Its passwords at the end of postgres-roles's environment, just before its `volumes:`.
    const composeLines = c.split('\n');
    const mount = composeLines.indexOf('      - ./postgres:/roles:ro');
    if (mount < 1 || composeLines[mount - 1] !== '    volumes:')
      throw new Error(`${file}: non trovo i volumes di postgres-roles`);
    composeLines.splice(
      mount - 1,
      0,
      `      ${C}_DB_OWNER_PASSWORD: \${${C}_DB_OWNER_PASSWORD:-cambiami}`,
      `      ${C}_DB_PASSWORD: \${${C}_DB_PASSWORD:-cambiami}`,
    );
    c = composeLines.join('\n');
    c = insertBeforeLine(c, /^ {2}gateway:$/, service, file);
    // The gateway starts after every service (depends_on: … service_started).
    const gateway = c.indexOf('\n  gateway:\n');
    const lines = c.slice(gateway).split('\n');
    const last = lines.reduce(
      (at, l, i) => (/^ {6}[a-z0-9-]+: \{ condition: service_started \}$/.test(l) ? i : at),
      -1,
    );
    if (last < 0) throw new Error(`${file}: il gateway non ha depends_on … service_started`);
    lines.splice(last + 1, 0, `      ${v.name}: { condition: service_started }`);
    return c.slice(0, gateway) + lines.join('\n');
  });
}

/** Its manifests (docker/k8s/base/<name>.yaml) among the base's resources, so every ambito deploys it. */
function addToKustomizeBase(tree: Tree, v: ServiceNames): void {
  const file = 'docker/k8s/base/kustomization.yaml';
  edit(tree, file, (c) => insertBeforeLine(c, `${ANCHOR}: services`, `  - ${v.name}.yaml`, file));
}

/** The NATS permissions spec lists every service's user: a new one must be expected there too. */
function addBusUser(tree: Tree, v: ServiceNames): void {
  const file = 'libs/contracts/src/bus/permessi-nats.spec.ts';
  edit(tree, file, (c) => insertBeforeLine(c, `${ANCHOR}: bus users`, `  '${v.name}',`, file));
}

/** `npm start` (tools/dev/src/start-platform.ts) starts the service before the gateway. */
function addToDevStack(tree: Tree, v: ServiceNames): void {
  const file = 'tools/dev/src/start-platform.ts';
  edit(tree, file, (c) =>
    insertBeforeLine(
      c,
      `const gateway = await start('gateway'`,
      `    await start('${v.name}', port('${v.constantName}_PORT', ${v.port}), {
      ...natsUser('${v.name}'),
      ...(await database('${v.schema}')),
      ...trusted,
    });`,
      file,
    ),
  );
}
