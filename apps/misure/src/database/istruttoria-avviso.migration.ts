import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The istruttoria of a whole avviso (issue 9, point 11): one row per run, its keyset cursor (the last
 * istanza id of the last committed page) and its counts. At most one run `in-corso` per avviso.
 */
export class CreateIstruttoriaAvviso1796046500000 implements MigrationInterface {
  name = 'CreateIstruttoriaAvviso1796046500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE istruttoria_avviso (
        id uuid PRIMARY KEY,
        avviso_id uuid NOT NULL REFERENCES avviso (id),
        stato text NOT NULL CHECK (stato IN ('in-corso', 'completata', 'interrotta')),
        causa text NOT NULL,
        istanze_totali integer NOT NULL,
        istanze_istruite integer NOT NULL DEFAULT 0,
        esiti_cambiati integer NOT NULL DEFAULT 0,
        ultima_istanza_id uuid,
        avviata_da text NOT NULL,
        avviata_il timestamptz NOT NULL DEFAULT now(),
        aggiornata_il timestamptz NOT NULL DEFAULT now(),
        conclusa_il timestamptz,
        ultimo_errore jsonb
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_istruttoria_avviso_aperta ON istruttoria_avviso (avviso_id) WHERE stato <> 'completata'`,
    );
    await q.query(`CREATE INDEX ix_istruttoria_avviso_avviso ON istruttoria_avviso (avviso_id, avviata_il)`);
    // The pages: an avviso's istanze by id (keyset).
    await q.query(`CREATE INDEX ix_istanza_avviso_id ON istanza (avviso_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_istanza_avviso_id`);
    await q.query(`DROP TABLE istruttoria_avviso`);
  }
}
