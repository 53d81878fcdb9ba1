import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ISEE verified at INPS for an istanza (integrazioni.isee.acquisito), one row per consultation:
 * written once, never changed; the istruttoria reads the latest per type into its input.
 */
export class CreateIseeVerificato1796048500000 implements MigrationInterface {
  name = 'CreateIseeVerificato1796048500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE isee_verificato (
         consultazione_id uuid PRIMARY KEY,
         istanza_id uuid NOT NULL REFERENCES istanza(id),
         tipo text NOT NULL,
         esito text NOT NULL CHECK (esito IN ('verificato', 'non-trovato', 'non-consultabile')),
         valore_centesimi bigint CHECK (valore_centesimi >= 0),
         protocollo_dsu text,
         data_presentazione date,
         acquisito_il timestamptz NOT NULL,
         registrato_il timestamptz NOT NULL DEFAULT now(),
         CHECK ((esito = 'verificato') = (valore_centesimi IS NOT NULL AND protocollo_dsu IS NOT NULL
                                          AND data_presentazione IS NOT NULL))
       )`,
    );
    await q.query(
      `CREATE INDEX ix_isee_verificato_istanza ON isee_verificato (istanza_id, tipo, acquisito_il)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE isee_verificato`);
  }
}
