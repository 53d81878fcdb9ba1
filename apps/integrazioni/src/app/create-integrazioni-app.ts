import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceApp } from '@ambito/service-runtime';
import type { IntegrazioniConfig } from '../config/integrazioni-config';
import { INTEGRAZIONI_ENTITIES } from '../database/entities';
import { INTEGRAZIONI_MIGRATIONS } from '../database/migrations';
import { IntegrazioniModule, type OpzioniIntegrazioni } from './integrazioni.module';
import { SERVICE } from './service';

/**
 * The integrazioni service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `integrazioni`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createIntegrazioniApp(
  config: IntegrazioniConfig,
  opzioni: OpzioniIntegrazioni = {},
): Promise<NestExpressApplication> {
  const dataSource = integrazioniDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(IntegrazioniModule.forRoot(config, dataSource, opzioni));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function integrazioniDataSource(config: IntegrazioniConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: INTEGRAZIONI_ENTITIES,
    migrations: INTEGRAZIONI_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migrateIntegrazioni(config: IntegrazioniConfig): Promise<string[]> {
  return runMigrations({
    ...integrazioniDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
