import { Client } from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import { grantRuntimePrivileges } from './runtime-grants';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Creates the service's schema if missing (migrations live inside it). When the role bootstrap made it
 * already (owned by the service's owner role, who may not create schemas), nothing is asked.
 */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await ensureSchemaWith(client, schema);
  } finally {
    await client.end();
  }
}

async function ensureSchemaWith(client: Client, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Nome di schema non valido: ${schema}`);
  const { rowCount } = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (!rowCount) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
}

/**
 * When a service's migrations run (DATABASE_MIGRATIONS): `on-start`, each replica applies the pending
 * ones before serving (compose, `npm start`, tests); `verify`, a Job applied them before the rollout
 * (`main.js migrate`, docker/k8s) and a replica only checks that none is pending, refusing to start
 * otherwise, so that no pod serves an old schema and no pod needs the schema owner's credentials.
 */
export const MIGRATION_MODES = ['on-start', 'verify'] as const;
export type MigrationMode = (typeof MIGRATION_MODES)[number];

/** A replica in `verify` mode found migrations the Job has not applied yet: it must not serve. */
export class MigrazioniNonApplicateError extends Error {}

/**
 * Runs pending migrations; safe to call from several replicas (an advisory lock serialises them).
 * With `runtimeRole` (the service's runtime role, when the migrations run as the schema's owner), the
 * owner then grants that role what it may do (grantRuntimePrivileges), under the same lock.
 * With `migrationMode: 'verify'` it applies nothing and fails with MigrazioniNonApplicateError if any is pending.
 */
export async function runMigrations(
  options: DataSourceOptions & {
    url: string;
    schema: string;
    runtimeRole?: string;
    migrationMode?: MigrationMode;
  },
): Promise<string[]> {
  const { runtimeRole, migrationMode, ...dataSourceOptions } = options;
  if (migrationMode === 'verify') {
    await verifyMigrations(dataSourceOptions as DataSourceOptions, options.schema);
    return [];
  }
  const client = new Client({ connectionString: options.url });
  await client.connect();
  try {
    await ensureSchemaWith(client, options.schema);
    // Serialise concurrent replicas starting together.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${options.schema}`]);
    const dataSource = new DataSource(dataSourceOptions as DataSourceOptions);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (runtimeRole) await grantRuntimePrivileges(client, options.schema, runtimeRole);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await client.end(); // ends the session: the advisory lock goes with it
  }
}

/** No pending migration (read with the runtime role, which may SELECT the migrations table). */
async function verifyMigrations(options: DataSourceOptions, schema: string): Promise<void> {
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
    if (pending.length > 0) {
      throw new MigrazioniNonApplicateError(
        `Lo schema ${schema} ha ${pending.length} migrazioni non applicate (${pending
          .map((m) => m.name)
          .join(', ')}): eseguirle con il Job delle migrazioni (main.js migrate) prima del rollout, ` +
          'oppure avviare con DATABASE_MIGRATIONS=on-start',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}
