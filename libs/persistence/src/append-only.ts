import type { QueryRunner } from 'typeorm';

/**
 * Makes a table append-only in PostgreSQL itself: UPDATE, DELETE and TRUNCATE raise `message`, whoever
 * connects (audit logs, ledgers). Creates the function `<table>_append_only` and its triggers.
 */
export async function makeAppendOnly(q: QueryRunner, table: string, message: string): Promise<void> {
  await q.query(`
      CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '${message.replace(/'/g, "''")}' USING ERRCODE = 'insufficient_privilege';
      END $$`);
  await q.query(`
      CREATE TRIGGER tr_${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`);
  await q.query(`
      CREATE TRIGGER tr_${table}_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`);
}
