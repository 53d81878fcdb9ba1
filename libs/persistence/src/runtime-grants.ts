import type { MigrationMode } from './run-migrations';
import type { ClientBase } from 'pg';

/** The table TypeORM records applied migrations in (see serviceDataSourceOptions). */
const MIGRATIONS_TABLE = 'migrations';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables of `schema` made append-only by makeAppendOnly: a trigger of theirs calls a function named
 * `*_append_only` (voce_audit, budget's movimento, assegnazione and dotazione). Read from the catalog,
 * so a new append-only table needs nothing more than makeAppendOnly in its migration.
 */
export async function appendOnlyTables(client: Pick<ClientBase, 'query'>, schema: string): Promise<string[]> {
  const { rows } = await client.query<{ tabella: string }>(
    `SELECT DISTINCT c.relname AS tabella
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = $1 AND NOT t.tgisinternal AND p.proname LIKE '%\\_append\\_only'
      ORDER BY 1`,
    [schema],
  );
  return rows.map((r) => r.tabella);
}

/**
 * What the service's runtime role may do in its schema, granted by the schema's owner after every
 * migration run (idempotent: everything is revoked and granted again in one transaction, so a table a
 * migration made append-only loses UPDATE/DELETE at once):
 *  - SELECT, INSERT, UPDATE, DELETE on ordinary tables; SELECT and INSERT only on append-only ones;
 *    SELECT only on the migrations table; never TRUNCATE, REFERENCES or TRIGGER;
 *  - USAGE and SELECT on sequences;
 *  - for tables the owner creates later outside a migration run: SELECT and INSERT (default privileges),
 *    until the next start grants the rest.
 * Not the owner, the runtime role cannot ALTER, DROP or disable a trigger; not a superuser, it cannot
 * set session_replication_role. The roles themselves are created by the bootstrap (docs/database-roles.md).
 */
export async function grantRuntimePrivileges(
  client: Pick<ClientBase, 'query'>,
  schema: string,
  runtimeRole: string,
): Promise<void> {
  const s = ident(schema);
  const r = ident(runtimeRole);
  const appendOnly = await appendOnlyTables(client, schema);
  const { rows } = await client.query<{ presente: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS presente`,
    [`${s}.${ident(MIGRATIONS_TABLE)}`],
  );
  const statements = [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    ...appendOnly.map((t) => `REVOKE UPDATE, DELETE ON ${s}.${ident(t)} FROM ${r}`),
    ...(rows[0]?.presente
      ? [`REVOKE INSERT, UPDATE, DELETE ON ${s}.${ident(MIGRATIONS_TABLE)} FROM ${r}`]
      : []),
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
  await client.query('BEGIN');
  try {
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Where a service's migrations run, from its configuration (see DataServiceConfig). */
export interface MigrationTarget {
  /** The owner role's URL: DATABASE_MIGRATION_URL, or DATABASE_URL when absent. */
  url: string;
  schema: string;
  /** DATABASE_URL's user when it differs from the owner's: the role granted after the migrations. */
  runtimeRole?: string;
  /** DATABASE_MIGRATIONS: apply them (`on-start`) or only check that none is pending (`verify`). */
  migrationMode?: MigrationMode;
}

export function migrationTarget(config: {
  DATABASE_URL: string;
  DATABASE_MIGRATION_URL?: string;
  DATABASE_SCHEMA: string;
  DATABASE_MIGRATIONS?: MigrationMode;
}): MigrationTarget {
  if (config.DATABASE_MIGRATIONS === 'verify') {
    // Only a check, as the runtime role: the pods of a rollout need not hold the owner's credentials.
    return { url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, migrationMode: 'verify' };
  }
  const url = config.DATABASE_MIGRATION_URL || config.DATABASE_URL;
  const user = (u: string) => decodeURIComponent(new URL(u).username);
  const runtime = user(config.DATABASE_URL);
  return {
    url,
    schema: config.DATABASE_SCHEMA,
    ...(runtime && runtime !== user(url) ? { runtimeRole: runtime } : {}),
  };
}
