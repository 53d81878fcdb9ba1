// Jest does not apply moduleNameMapper to globalSetup/globalTeardown: relative imports only here.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type PostgresHandle } from '../infra/embedded-postgres';
import { prepareNatsAuth } from '../infra/nats-auth';
import { startNatsServer, type NatsHandle } from '../infra/nats-server';

/** What globalSetup started (and globalTeardown must stop), with the env vars it set. */
export interface TestInfra {
  postgres?: PostgresHandle;
  nats?: NatsHandle;
  /** The NATS configuration and passwords (removed by the teardown). */
  natsAuthDir?: string;
  envSet: string[];
}

const KEY = '__AMBITO_TEST_INFRA__';

export function testInfra(): TestInfra | undefined {
  return (globalThis as Record<string, unknown>)[KEY] as TestInfra | undefined;
}

export function setTestInfra(infra: TestInfra | undefined): void {
  (globalThis as Record<string, unknown>)[KEY] = infra;
}

/**
 * One real PostgreSQL and one real nats-server (JetStream) for the whole run of a Jest project, on
 * free loopback ports. nats-server runs with the users and permissions generated from the contracts
 * (no anonymous client), plus the unrestricted test user `collaudo`. Workers inherit
 * TEST_DATABASE_URL, TEST_NATS_URL, TEST_NATS_STORE_DIR and TEST_NATS_CREDENZIALI (JSON, user →
 * password; see connectTestNats and testNatsEnv). When TEST_DATABASE_URL / TEST_NATS_URL are already
 * set, that external infrastructure is used instead.
 */
export default async function globalSetup(): Promise<void> {
  const infra: TestInfra = { envSet: [] };
  setTestInfra(infra);
  try {
    // Both in parallel; whichever started is recorded before a failure of the other is rethrown.
    const [postgres, nats] = await Promise.allSettled([
      process.env.TEST_DATABASE_URL ? undefined : startEmbeddedPostgres(),
      process.env.TEST_NATS_URL ? undefined : startAuthenticatedNats(infra),
    ]);
    if (postgres.status === 'fulfilled') infra.postgres = postgres.value;
    if (nats.status === 'fulfilled') infra.nats = nats.value;
    for (const result of [postgres, nats]) if (result.status === 'rejected') throw result.reason;

    if (infra.postgres) setEnv(infra, 'TEST_DATABASE_URL', infra.postgres.url);
    if (infra.nats) {
      setEnv(infra, 'TEST_NATS_URL', infra.nats.url);
      setEnv(infra, 'TEST_NATS_STORE_DIR', infra.nats.storeDir);
      setEnv(infra, 'TEST_NATS_CREDENZIALI', process.env.TEST_NATS_CREDENZIALI ?? '');
    }
  } catch (error) {
    // Jest does not run globalTeardown when globalSetup fails: clean up what did start.
    const { default: globalTeardown } = await import('./global-teardown');
    await globalTeardown();
    throw error;
  }
}

async function startAuthenticatedNats(infra: TestInfra): Promise<NatsHandle> {
  infra.natsAuthDir = await mkdtemp(path.join(tmpdir(), 'ambito-nats-auth-'));
  const auth = await prepareNatsAuth(infra.natsAuthDir, { collaudo: true });
  // Set here, before the workers start; recorded in envSet by the caller.
  process.env.TEST_NATS_CREDENZIALI = JSON.stringify(auth.passwords);
  try {
    return await startNatsServer({ configFile: auth.configFile });
  } catch (error) {
    await rm(infra.natsAuthDir, { recursive: true, force: true });
    infra.natsAuthDir = undefined;
    throw error;
  }
}

function setEnv(infra: TestInfra, name: string, value: string): void {
  process.env[name] = value;
  infra.envSet.push(name);
}
