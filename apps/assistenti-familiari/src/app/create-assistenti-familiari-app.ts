import type { NestExpressApplication } from '@nestjs/platform-express';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createServiceApp } from '@ambito/service-runtime';
import type { AssistentiFamiliariConfig } from '../config/assistenti-familiari-config';
import { ASSISTENTI_FAMILIARI_ENTITIES } from '../database/entities';
import { ASSISTENTI_FAMILIARI_MIGRATIONS } from '../database/migrations';
import { AssistentiFamiliariModule } from './assistenti-familiari.module';
import { SERVICE } from './service';

/**
 * The assistenti-familiari service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `assistenti-familiari`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createAssistentiFamiliariApp(
  config: AssistentiFamiliariConfig,
): Promise<NestExpressApplication> {
  const dataSource = serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    entities: ASSISTENTI_FAMILIARI_ENTITIES,
    migrations: ASSISTENTI_FAMILIARI_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(AssistentiFamiliariModule.forRoot(config, dataSource));
}
