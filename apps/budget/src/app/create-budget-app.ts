import { VoceAuditEntity } from '@ambito/audit';
import { BUDGET_MIGRATIONS } from '../database/migrations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSourceOptions } from 'typeorm';
import { createServiceApp } from '@ambito/service-runtime';
import { migrationTarget, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import type { BudgetConfig } from '../config/budget-config';
import { BudgetModule, SERVICE } from './budget.module';

/**
 * The budget service, started but not listening on HTTP: migrations applied, NATS request/reply
 * handlers (queue group `budget`) and the outbox relay running. `main.ts` listens; tests may too.
 */
export async function createBudgetApp(config: BudgetConfig): Promise<NestExpressApplication> {
  const dataSource = budgetDataSource(config);
  // As the schema's owner (DATABASE_MIGRATION_URL), which then grants the runtime role of DATABASE_URL;
  // with DATABASE_MIGRATIONS=verify only a check that the Job applied them.
  await runMigrations({ ...dataSource, ...migrationTarget(config) });

  return createServiceApp(BudgetModule.forRoot(config, dataSource));
}

/** The service's TypeORM options: its schema, entities and migrations. */
export function budgetDataSource(config: BudgetConfig): DataSourceOptions {
  return serviceDataSourceOptions({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    applicationName: SERVICE,
    // The ledger is written and read with SQL: its invariants live in the migration, not in entities.
    // The one entity is the shared audit log (reads of impegni name a beneficiary).
    entities: [VoceAuditEntity],
    migrations: BUDGET_MIGRATIONS,
    poolSize: config.DATABASE_POOL_SIZE,
  });
}

/** `main.js migrate`: the migrations alone, as the schema's owner (the Job before a rollout). */
export function migrateBudget(config: BudgetConfig): Promise<string[]> {
  return runMigrations({
    ...budgetDataSource(config),
    ...migrationTarget({ ...config, DATABASE_MIGRATIONS: 'on-start' }),
  });
}
