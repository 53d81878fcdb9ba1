import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The table of the Idempotency-Key of each service (see libs/messaging/src/idempotency). */
export const IDEMPOTENCY_KEY_TABLE = 'idempotency_key';

/**
 * Creates `idempotency_key` in a service's schema: one row per (user, key) of a state-changing request,
 * written in the transaction of its effect, with the hash of the request and, once answered, the reply.
 * The primary key is what stops a concurrent duplicate. Rows expire (`expires_at`) and are purged by
 * `purgeExpiredIdempotencyKeys`.
 *
 *   migrations: [..., createIdempotencyKeyMigration(1764600000400)]
 *
 * `timestamp` orders it among the service's own migrations (TypeORM reads it from the name).
 */
export function createIdempotencyKeyMigration(timestamp: number): new () => MigrationInterface {
  const name = `CreateIdempotencyKey${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE ${IDEMPOTENCY_KEY_TABLE} (
          user_id text NOT NULL,
          key text NOT NULL,
          subject text NOT NULL,
          request_hash text NOT NULL,
          reply_status text CHECK (reply_status IN ('ok', 'errore')),
          reply jsonb,
          created_at timestamptz NOT NULL DEFAULT now(),
          expires_at timestamptz NOT NULL,
          PRIMARY KEY (user_id, key),
          CHECK ((reply_status IS NULL) = (reply IS NULL))
        )`);
      await q.query(`CREATE INDEX ix_idempotency_key_expires_at ON ${IDEMPOTENCY_KEY_TABLE} (expires_at)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE ${IDEMPOTENCY_KEY_TABLE}`);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}

/** Anything that runs SQL: a DataSource, an EntityManager, a QueryRunner, a pg Client. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Deletes the expired Idempotency-Key rows of the schema on the connection's search_path, in batches
 * (short transactions, no long lock); returns how many. For the retention job and the service's own timer.
 */
export async function purgeExpiredIdempotencyKeys(db: SqlRunner, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const result = await db.query(
      `DELETE FROM ${IDEMPOTENCY_KEY_TABLE} WHERE ctid IN (
         SELECT ctid FROM ${IDEMPOTENCY_KEY_TABLE} WHERE expires_at < now() LIMIT $1
       )`,
      [batchSize],
    );
    const deleted = affectedRows(result);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

/** TypeORM answers a DELETE with `[rows, count]`, node-postgres with a result carrying `rowCount`. */
function affectedRows(result: unknown): number {
  if (Array.isArray(result)) return typeof result[1] === 'number' ? result[1] : 0;
  return (result as { rowCount?: number | null } | undefined)?.rowCount ?? 0;
}
