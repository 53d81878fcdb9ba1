import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An intervento of the progetto may be an intervento from the misure (a beneficio of misure) of the
 * person's cartella, and may be suspended for a period (issue 10, point 1; lane progetto-ritorno): when
 * a version is approved, what it changed of such an intervento (ended, last day, suspension) flows back
 * to the beneficio. One link per intervento from the misure in a version; a suspension only on a link,
 * within its own period (the service checks the period against the intervento's).
 */
export class AddInterventoMisuraProgetto1796049100000 implements MigrationInterface {
  name = 'AddInterventoMisuraProgetto1796049100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intervento
        ADD COLUMN intervento_misura_id uuid REFERENCES intervento_misura (id),
        ADD COLUMN sospeso_dal date,
        ADD COLUMN sospeso_al date,
        ADD CONSTRAINT uq_intervento_progetto_misura UNIQUE (progetto_id, intervento_misura_id),
        ADD CONSTRAINT ck_intervento_sospensione CHECK (
          (sospeso_dal IS NULL OR intervento_misura_id IS NOT NULL)
          AND (sospeso_al IS NULL OR (sospeso_dal IS NOT NULL AND sospeso_al >= sospeso_dal)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE intervento
        DROP CONSTRAINT ck_intervento_sospensione,
        DROP CONSTRAINT uq_intervento_progetto_misura,
        DROP COLUMN sospeso_al,
        DROP COLUMN sospeso_dal,
        DROP COLUMN intervento_misura_id`);
  }
}
