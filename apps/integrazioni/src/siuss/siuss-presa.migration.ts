import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SIUSS from presa in carico (issue 12, point 2, lane siuss-presa):
 *
 * - a record is of a misure beneficio or of an intervento of the approved progetto (exactly one);
 * - `chiave` identifies a progetto record across revisions (codice prestazione, start, year): a revision
 *   that keeps it is no new flow, one that changes it is a correction, as for a beneficio's year;
 * - `versione_sina`: the SINA map, instrument and confidence used for the SINA section (null: none).
 */
export class AddSiussPresaInCarico1796049300000 implements MigrationInterface {
  name = 'AddSiussPresaInCarico1796049300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE siuss_record
        ALTER COLUMN beneficio_id DROP NOT NULL,
        ADD COLUMN intervento_id uuid,
        ADD COLUMN chiave text,
        ADD COLUMN versione_sina text,
        ADD CONSTRAINT siuss_record_origine CHECK ((beneficio_id IS NULL) <> (intervento_id IS NULL)),
        ADD CONSTRAINT siuss_record_chiave CHECK (intervento_id IS NULL OR chiave IS NOT NULL)`);
    // At most one insertion in force per person and progetto prestazione-year.
    await q.query(
      `CREATE UNIQUE INDEX uq_siuss_record_progetto_in_vigore ON siuss_record (persona_id, chiave)
        WHERE in_vigore AND intervento_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_siuss_record_persona ON siuss_record (persona_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_siuss_record_persona`);
    await q.query(`DROP INDEX uq_siuss_record_progetto_in_vigore`);
    await q.query(`DELETE FROM siuss_record WHERE beneficio_id IS NULL`);
    await q.query(`
      ALTER TABLE siuss_record
        DROP CONSTRAINT siuss_record_chiave, DROP CONSTRAINT siuss_record_origine,
        DROP COLUMN versione_sina, DROP COLUMN chiave, DROP COLUMN intervento_id,
        ALTER COLUMN beneficio_id SET NOT NULL`);
  }
}
