import { ACCESSO_MIGRATIONS } from '../database/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { createServiceApp } from '@ambito/service-runtime';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { ACCESSO_ENTITIES } from '../database/entities';
import type { AccessoConfig } from '../config/accesso-config';
import { loadTerritorioFile } from '@ambito/territorio';
import { AccessoModule, SERVICE } from './accesso.module';

/**
 * The accesso service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `accesso`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createAccessoApp(config: AccessoConfig): Promise<NestExpressApplication> {
  const territorio = loadTerritorioFile(config.TERRITORIO_FILE);
  const dataSource = accessoDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(AccessoModule.forRoot(config, territorio, dataSource));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function accessoDataSource(config: AccessoConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: ACCESSO_ENTITIES,
    migrations: ACCESSO_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migrateAccesso(config: AccessoConfig): Promise<string[]> {
  return runMigrations({
    ...accessoDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
