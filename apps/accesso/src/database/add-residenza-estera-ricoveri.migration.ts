import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Non-residents and ricoveri. A persona resides in an Italian comune (of the Ambito or not) or abroad
 * (`stato_estero_residenza`, the ISO 3166-1 numeric code SIUSS uses), never both nor neither. A ricovero
 * (ospedaliero, sollievo, residenziale definitivo) has its dates; at most one is open per persona (the
 * database enforces it), and overlaps are refused under the persona's row lock.
 */
export class AddResidenzaEsteraRicoveri1764700000000 implements MigrationInterface {
  name = 'AddResidenzaEsteraRicoveri1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE persona
        ALTER COLUMN comune_residenza DROP NOT NULL,
        ADD COLUMN stato_estero_residenza text CHECK (stato_estero_residenza ~ '^[0-9]{3}$' AND stato_estero_residenza <> '380'),
        ADD CONSTRAINT ck_persona_una_residenza CHECK ((comune_residenza IS NULL) <> (stato_estero_residenza IS NULL))`);
    await q.query(`CREATE INDEX ix_persona_comune_domicilio ON persona (comune_domicilio)`);
    await q.query(`
      CREATE TABLE ricovero (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        persona_id uuid NOT NULL REFERENCES persona (id),
        tipo text NOT NULL CHECK (tipo IN ('ospedaliero', 'sollievo', 'residenziale-definitivo')),
        dal date NOT NULL,
        al date,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        registrato_da text NOT NULL,
        concluso_da text,
        CONSTRAINT ck_ricovero_periodo CHECK (al IS NULL OR al >= dal)
      )`);
    await q.query(`CREATE INDEX ix_ricovero_persona ON ricovero (persona_id, dal)`);
    await q.query(`CREATE UNIQUE INDEX uq_ricovero_in_corso ON ricovero (persona_id) WHERE al IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ricovero`);
    await q.query(`DROP INDEX ix_persona_comune_domicilio`);
    await q.query(`
      ALTER TABLE persona
        DROP CONSTRAINT ck_persona_una_residenza,
        DROP COLUMN stato_estero_residenza,
        ALTER COLUMN comune_residenza SET NOT NULL`);
  }
}
