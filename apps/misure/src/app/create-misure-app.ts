import type { Provider } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceApp } from '@ambito/service-runtime';
import { loadTerritorioFile } from '@ambito/territorio';
import type { MisureConfig } from '../config/misure-config';
import { MISURE_ENTITIES } from '../database/entities';
import { MISURE_MIGRATIONS } from '../database/migrations';
import { MisureModule } from './misure.module';
import { SERVICE } from './service';

/**
 * The misure service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `misure`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createMisureApp(
  config: MisureConfig,
  opzioni: OpzioniApp = {},
): Promise<NestExpressApplication> {
  const territorio = loadTerritorioFile(config.TERRITORIO_FILE);
  const dataSource = serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: MISURE_ENTITIES,
    migrations: MISURE_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(MisureModule.forRoot(config, dataSource, territorio, opzioni.providers ?? []));
}

export interface OpzioniApp {
  /**
   * Providers added after the service's own (the last for a token wins): the test harness uses it for
   * stand-ins of the other services' sources. Never used by main.ts.
   */
  providers?: Provider[];
}
