import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

/** Creates the service's schema if missing (migrations live inside it). */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Nome di schema non valido: ${schema}`);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
}

/** Runs pending migrations; safe to call from several replicas (TypeORM takes an advisory lock-free path, so we take one). */
export async function runMigrations(
  options: DataSourceOptions & { url?: string; schema?: string },
): Promise<string[]> {
  if (options.url && options.schema) await ensureSchema(options.url, options.schema);
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // Serialise concurrent replicas starting together.
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [
        `migrations:${options.schema ?? 'public'}`,
      ]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [
        `migrations:${options.schema ?? 'public'}`,
      ]);
      return applied.map((m) => m.name);
    } finally {
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}
