import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
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
 * Runs pending migrations; safe to call from several replicas (an advisory lock serialises them).
 * With `runtimeRole` (the service's runtime role, when the migrations run as the schema's owner), the
 * owner then grants that role what it may do (grantRuntimePrivileges), under the same lock.
 */
export async function runMigrations(
  options: DataSourceOptions & { url: string; schema: string; runtimeRole?: string },
): Promise<string[]> {
  const { runtimeRole, ...dataSourceOptions } = options;
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
