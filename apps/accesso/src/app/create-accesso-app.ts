import { ACCESSO_MIGRATIONS } from '../database/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
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
  const dataSource = serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: ACCESSO_ENTITIES,
    migrations: ACCESSO_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(AccessoModule.forRoot(config, territorio, dataSource));
}
