import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each change of the progetto of presa in carico did to a beneficio (issue 10, point 1; lane
 * progetto-ritorno): one row per event `presa-in-carico.progetto.intervento-misura-modificato` applied,
 * with the progetto's version, the inputs the decision used (what the progetto says, the beneficio as
 * it was), the effects with their rule and reason, and the beneficio's rule set. `superato` when a later
 * version of the same cartella's progetto had been applied already (nothing done).
 */
export class CreateRitornoProgetto1796049100000 implements MigrationInterface {
  name = 'CreateRitornoProgetto1796049100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ritorno_progetto (
        evento_id uuid PRIMARY KEY,
        beneficio_id uuid NOT NULL REFERENCES beneficio (id),
        cartella_id uuid NOT NULL,
        progetto_id uuid NOT NULL,
        versione integer NOT NULL CHECK (versione >= 1),
        intervento_misura_id uuid NOT NULL,
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        esito text NOT NULL CHECK (esito IN ('applicato', 'superato')),
        effetti jsonb NOT NULL,
        input jsonb NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ix_ritorno_progetto_beneficio ON ritorno_progetto (beneficio_id, cartella_id, versione DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ritorno_progetto`);
  }
}
