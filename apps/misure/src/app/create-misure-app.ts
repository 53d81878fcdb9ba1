import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceApp } from '@ambito/service-runtime';
import { loadTerritorioFile } from '@ambito/territorio';
import type { MisureConfig } from '../config/misure-config';
import { MISURE_ENTITIES } from '../database/entities';
import { MISURE_MIGRATIONS } from '../database/migrations';
import { MisureModule, type OpzioniMisure } from './misure.module';
import { SERVICE } from './service';

/**
 * The misure service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `misure`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createMisureApp(
  config: MisureConfig,
  opzioni: OpzioniMisure = {},
): Promise<NestExpressApplication> {
  // The sedi where istanze are received, and their sub-ambiti (a mistake stops the service here).
  const territorio = loadTerritorioFile(config.TERRITORIO_FILE);
  const dataSource = misureDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(MisureModule.forRoot(config, dataSource, territorio, opzioni));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function misureDataSource(config: MisureConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: MISURE_ENTITIES,
    migrations: MISURE_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migrateMisure(config: MisureConfig): Promise<string[]> {
  return runMigrations({
    ...misureDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
