import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceApp } from '@ambito/service-runtime';
import { loadTerritorioFile } from '@ambito/territorio';
import type { AssistentiFamiliariConfig } from '../config/assistenti-familiari-config';
import { ASSISTENTI_FAMILIARI_ENTITIES } from '../database/entities';
import { ASSISTENTI_FAMILIARI_MIGRATIONS } from '../database/migrations';
import { AssistentiFamiliariModule, type OpzioniAssistentiFamiliari } from './assistenti-familiari.module';
import { SERVICE } from './service';

/**
 * The assistenti-familiari service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `assistenti-familiari`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createAssistentiFamiliariApp(
  config: AssistentiFamiliariConfig,
  opzioni: OpzioniAssistentiFamiliari = {},
): Promise<NestExpressApplication> {
  // The sportelli and the comuni of the ambito (a mistake stops the service here).
  const territorio = loadTerritorioFile(config.TERRITORIO_FILE);
  const dataSource = assistentiFamiliariDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(AssistentiFamiliariModule.forRoot(config, dataSource, territorio, opzioni));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function assistentiFamiliariDataSource(config: AssistentiFamiliariConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: ASSISTENTI_FAMILIARI_ENTITIES,
    migrations: ASSISTENTI_FAMILIARI_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migrateAssistentiFamiliari(config: AssistentiFamiliariConfig): Promise<string[]> {
  return runMigrations({
    ...assistentiFamiliariDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
