// Jest does not apply moduleNameMapper to global setup: relative imports only.
import { startEmbeddedPostgres } from '../infra/embedded-postgres';
import { startNatsServer } from '../infra/nats-server';
import type { PostgresHandle } from '../infra/embedded-postgres';
import type { NatsHandle } from '../infra/nats-server';

export interface TestInfra {
  postgres?: PostgresHandle;
  nats?: NatsHandle;
}

/**
 * One real PostgreSQL and one real NATS (JetStream) for the whole test run of a project, on free
 * ports; workers inherit their URLs. External ones are used when TEST_DATABASE_URL / TEST_NATS_URL are set.
 */
export default async function globalSetup(): Promise<void> {
  const infra: TestInfra = {};
  if (!process.env.TEST_DATABASE_URL) {
    infra.postgres = await startEmbeddedPostgres();
    process.env.TEST_DATABASE_URL = infra.postgres.url;
  }
  if (!process.env.TEST_NATS_URL) {
    infra.nats = await startNatsServer();
    process.env.TEST_NATS_URL = infra.nats.url;
  }
  (globalThis as { __AMBITO_TEST_INFRA__?: TestInfra }).__AMBITO_TEST_INFRA__ = infra;
}
