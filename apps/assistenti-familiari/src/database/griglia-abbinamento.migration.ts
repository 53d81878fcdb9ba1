import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matching in SQL (issue 11, point 9): the weekly hours of each scheda also as a `bit(168)` (slot
 * = day × 24 + hour, Monday 0; bit 0 leftmost), derived from `disponibilita` by the database itself
 * (a stored generated column, so that no writer can let them disagree). The overlap of a family's hours
 * with an assistant's is then `bit_count(griglia & richiesta)`, one machine operation per scheda instead
 * of the arrays read and intersected in Node. `griglia_oraria()` is the same function for the richiesta.
 */
export class GrigliaAbbinamento1796048300000 implements MigrationInterface {
  name = 'GrigliaAbbinamento1796048300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION griglia_oraria(slot smallint[]) RETURNS bit(168)
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$
          SELECT string_agg(CASE WHEN h = ANY (slot) THEN '1' ELSE '0' END, '' ORDER BY h)::bit(168)
            FROM pg_catalog.generate_series(0, 167) AS h
        $$`);
    await q.query(
      `ALTER TABLE scheda ADD COLUMN griglia bit(168) GENERATED ALWAYS AS (griglia_oraria(disponibilita)) STORED`,
    );
    // The matching reads the active iscrizioni of a registro with their scheda.
    await q.query(`CREATE INDEX ix_iscrizione_attiva ON iscrizione (registro) WHERE stato = 'attiva'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_iscrizione_attiva`);
    await q.query(`ALTER TABLE scheda DROP COLUMN griglia`);
    await q.query(`DROP FUNCTION griglia_oraria(smallint[])`);
  }
}
