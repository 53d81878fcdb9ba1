// Jest does not apply moduleNameMapper to globalSetup/globalTeardown: relative imports only here.
import { startEmbeddedPostgres, type PostgresHandle } from '../infra/embedded-postgres';
import { startNatsServer, type NatsHandle } from '../infra/nats-server';

/** What globalSetup started (and globalTeardown must stop), with the env vars it set. */
export interface TestInfra {
  postgres?: PostgresHandle;
  nats?: NatsHandle;
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
 * free loopback ports. Workers inherit TEST_DATABASE_URL, TEST_NATS_URL and TEST_NATS_STORE_DIR.
 * When TEST_DATABASE_URL / TEST_NATS_URL are already set, that external infrastructure is used instead.
 */
export default async function globalSetup(): Promise<void> {
  const infra: TestInfra = { envSet: [] };
  setTestInfra(infra);
  try {
    // Both in parallel; whichever started is recorded before a failure of the other is rethrown.
    const [postgres, nats] = await Promise.allSettled([
      process.env.TEST_DATABASE_URL ? undefined : startEmbeddedPostgres(),
      process.env.TEST_NATS_URL ? undefined : startNatsServer(),
    ]);
    if (postgres.status === 'fulfilled') infra.postgres = postgres.value;
    if (nats.status === 'fulfilled') infra.nats = nats.value;
    for (const result of [postgres, nats]) if (result.status === 'rejected') throw result.reason;

    if (infra.postgres) setEnv(infra, 'TEST_DATABASE_URL', infra.postgres.url);
    if (infra.nats) {
      setEnv(infra, 'TEST_NATS_URL', infra.nats.url);
      setEnv(infra, 'TEST_NATS_STORE_DIR', infra.nats.storeDir);
    }
  } catch (error) {
    // Jest does not run globalTeardown when globalSetup fails: clean up what did start.
    const { default: globalTeardown } = await import('./global-teardown');
    await globalTeardown();
    throw error;
  }
}

function setEnv(infra: TestInfra, name: string, value: string): void {
  process.env[name] = value;
  infra.envSet.push(name);
}
