import { PRESA_IN_CARICO_MIGRATIONS } from '../database/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { createServiceApp } from '@ambito/service-runtime';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { PRESA_IN_CARICO_ENTITIES } from '../database/entities';
import type { PresaInCaricoConfig } from '../config/presa-in-carico-config';
import { loadTerritorioFile } from '@ambito/territorio';
import { PresaInCaricoModule, SERVICE } from './presa-in-carico.module';

/**
 * The presa-in-carico service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `presa-in-carico`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createPresaInCaricoApp(config: PresaInCaricoConfig): Promise<NestExpressApplication> {
  const territorio = loadTerritorioFile(config.TERRITORIO_FILE);
  const dataSource = presaInCaricoDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(PresaInCaricoModule.forRoot(config, territorio, dataSource));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function presaInCaricoDataSource(config: PresaInCaricoConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: PRESA_IN_CARICO_ENTITIES,
    migrations: PRESA_IN_CARICO_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migratePresaInCarico(config: PresaInCaricoConfig): Promise<string[]> {
  return runMigrations({
    ...presaInCaricoDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
