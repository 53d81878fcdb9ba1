// `nats` (v2) is the NATS client installed in this workspace; @nats-io/transport-node and
// @nats-io/jetstream (v3) are not in node_modules yet.
import { connect, type NatsConnection } from 'nats';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../database';
import { eventually } from '../eventually';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startNatsServer } from './nats-server';
import { connectTestNats } from './test-nats';
import { isPortOpen } from './wait-for-port';

async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** PIDs of processes whose command line contains `text` (pgrep -f). */
function processesMatching(text: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits with 1 when nothing matches
  }
}

describe('PostgreSQL from globalSetup', () => {
  it('answers select 1 at TEST_DATABASE_URL', async () => {
    expect(process.env.TEST_DATABASE_URL).toMatch(/^postgres:\/\//);
    const [row] = await query<{ one: number }>(process.env.TEST_DATABASE_URL!, 'select 1 as one');
    expect(row.one).toBe(1);
  });

  it('gives each test file its own database, and drops it', async () => {
    const a = await createTestDatabase('infra-spec');
    const b = await createTestDatabase('infra-spec');
    expect(a).not.toBe(b);
    const [row] = await query<{ db: string }>(a, 'select current_database() as db');
    expect(row.db).toMatch(/^infra_spec_[0-9a-f]{12}$/);
    expect(a.endsWith(`/${row.db}`)).toBe(true);

    await query(a, 'create table t (x int)');
    await expect(query(b, 'select * from t')).rejects.toThrow(/does not exist/);

    const open = new Client({ connectionString: a });
    await open.connect();
    open.on('error', () => undefined); // terminated by DROP ... WITH (FORCE)
    await dropTestDatabase(a);
    await dropTestDatabase(b);
    const left = await query(process.env.TEST_DATABASE_URL!, 'select 1 from pg_database where datname = $1', [
      row.db,
    ]);
    expect(left).toHaveLength(0);
    await open.end().catch(() => undefined);
  });
});

describe('startEmbeddedPostgres', () => {
  it('reuses a persistent data directory across restarts and leaves no process behind', async () => {
    const parent = await mkdtemp(path.join(tmpdir(), 'ambito-pg-spec-'));
    await chmod(parent, 0o755); // run as root, PostgreSQL runs as the postgres user, who must reach it
    const dataDir = path.join(parent, 'cluster');
    try {
      const first = await startEmbeddedPostgres({ dataDir, persistent: true });
      expect(first.url).toBe(`postgres://postgres:postgres@127.0.0.1:${first.port}/postgres`);
      const appUrl = await first.createDatabase('app');
      expect(appUrl).toBe(`postgres://postgres:postgres@127.0.0.1:${first.port}/app`);
      await query(appUrl, 'create table kept (x int); insert into kept values (42)');
      const [fsync] = await query<{ fsync: string }>(first.url, 'show fsync');
      expect(fsync.fsync).toBe('on');
      expect(processesMatching(dataDir).length).toBeGreaterThan(0);
      await first.stop();
      await first.stop(); // idempotent
      expect(processesMatching(dataDir)).toEqual([]);
      expect(await isPortOpen(first.port)).toBe(false);

      const second = await startEmbeddedPostgres({ dataDir, persistent: true });
      try {
        const [row] = await query<{ x: number }>(
          second.url.replace(/\/postgres$/, '/app'),
          'select x from kept',
        );
        expect(row.x).toBe(42);
      } finally {
        await second.stop();
      }
      expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
      expect(processesMatching(dataDir)).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it('runs a throwaway test cluster with fsync off and deletes it on stop', async () => {
    const pg = await startEmbeddedPostgres();
    const [row] = await query<{ fsync: string }>(pg.url, 'show fsync');
    expect(row.fsync).toBe('off');
    await pg.stop();
    expect(existsSync(pg.dataDir)).toBe(false);
    expect(processesMatching(pg.dataDir)).toEqual([]);
  });
});

describe('nats-server', () => {
  it('from globalSetup accepts the test user at TEST_NATS_URL', async () => {
    expect(process.env.TEST_NATS_STORE_DIR).toBeTruthy();
    const nc = await connectTestNats();
    await nc.flush();
    await nc.close();
  });

  it('goes down on stop() and comes back on restart() on the same port with its JetStream data', async () => {
    const nats = await startNatsServer();
    let survivor: NatsConnection | undefined;
    try {
      expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
      expect(nats.isRunning()).toBe(true);
      const nc = await connect({ servers: nats.url });
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'PROBE', subjects: ['probe.>'] });
      await nc.jetstream().publish('probe.one', 'x');
      await nc.close();
      // A client that keeps reconnecting across the outage.
      survivor = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });

      await nats.stop();
      expect(nats.isRunning()).toBe(false);
      expect(await isPortOpen(nats.port)).toBe(false);
      await expect(connect({ servers: nats.url, reconnect: false, timeout: 1000 })).rejects.toThrow();

      await nats.restart();
      expect(nats.isRunning()).toBe(true);
      expect(nats.url).toBe(`nats://127.0.0.1:${nats.port}`);
      const again = await connect({ servers: nats.url });
      try {
        const info = await (await again.jetstreamManager()).streams.info('PROBE');
        expect(info.state.messages).toBe(1);
      } finally {
        await again.close();
      }
      const reconnected = survivor;
      await eventually(
        async () =>
          expect((await reconnected.jetstreamManager()).streams.info('PROBE')).resolves.toBeTruthy(),
        {
          timeoutMs: 10_000,
        },
      );
    } finally {
      await survivor?.close();
      await nats.destroy();
    }
    expect(existsSync(nats.storeDir)).toBe(false);
    expect(processesMatching(nats.storeDir)).toEqual([]);
  });

  it('says how to install nats-server when the binary is missing', async () => {
    const saved = process.env.NATS_SERVER_BIN;
    process.env.NATS_SERVER_BIN = '/nonexistent/nats-server';
    try {
      await expect(startNatsServer()).rejects.toThrow(/apt-get install -y nats-server/);
    } finally {
      if (saved === undefined) delete process.env.NATS_SERVER_BIN;
      else process.env.NATS_SERVER_BIN = saved;
    }
  });

  it('refuses a port that is already taken', async () => {
    const port = Number(new URL(process.env.TEST_NATS_URL!).port);
    await expect(startNatsServer({ port, jetstream: false })).rejects.toThrow(/già in uso/);
  });
});
