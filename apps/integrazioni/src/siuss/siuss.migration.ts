import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SIUSS feed (issue 12, point 2, lane integrazioni-siuss):
 *
 * - `siuss_record`: one row per PS-PSA-SINA document of one beneficiary and one prestazione (a beneficio
 *   in a calendar year). An insertion `I` is `offerto` with its `id_flusso` and `ts_flusso` (the order
 *   INPS polls with `since`), or `rifiutato` when the document did not validate against the XSD (then it
 *   has no id_flusso and is never offered; `motivo` says why). A correction is a cancellation `C` of the
 *   offered insertion (`annulla`) plus a new insertion. The esito of INPS is reconciled on the row
 *   (`acquisito` with id_acquisizione_siuss, or `scartato` with its description).
 * - `siuss_contatore`: the one row that orders the flows: ts_flusso strictly increasing and the daily
 *   progressive of id_flusso, taken under its row lock.
 */
export class CreateSiuss1796048600000 implements MigrationInterface {
  name = 'CreateSiuss1796048600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE siuss_record (
        id uuid PRIMARY KEY,
        beneficio_id uuid NOT NULL,
        persona_id uuid NOT NULL,
        anno integer NOT NULL CHECK (anno BETWEEN 2000 AND 2100),
        tipo_operazione char(1) NOT NULL CHECK (tipo_operazione IN ('I', 'C')),
        annulla uuid REFERENCES siuss_record (id),
        stato text NOT NULL CHECK (stato IN ('offerto', 'rifiutato', 'acquisito', 'scartato')),
        motivo text,
        id_flusso text UNIQUE,
        ts_flusso timestamptz(3),
        xml text NOT NULL,
        contenuto jsonb NOT NULL,
        impronta text NOT NULL,
        codice_prestazione text,
        versione_codici text,
        -- Still describes the prestazione (an insertion not yet cancelled).
        in_vigore boolean NOT NULL,
        id_acquisizione_siuss text,
        ts_acquisizione timestamptz(3),
        creato_il timestamptz NOT NULL DEFAULT now(),
        CHECK ((stato = 'rifiutato') = (id_flusso IS NULL)),
        CHECK (id_flusso IS NULL OR ts_flusso IS NOT NULL),
        CHECK (tipo_operazione = 'I' OR annulla IS NOT NULL)
      )`);
    // At most one insertion in force per beneficio and year: the correction closes it first.
    await q.query(
      `CREATE UNIQUE INDEX uq_siuss_record_in_vigore ON siuss_record (beneficio_id, anno) WHERE in_vigore`,
    );
    await q.query(`CREATE INDEX ix_siuss_record_ts ON siuss_record (ts_flusso) WHERE id_flusso IS NOT NULL`);
    await q.query(`CREATE INDEX ix_siuss_record_beneficio ON siuss_record (beneficio_id)`);
    await q.query(`
      CREATE TABLE siuss_contatore (
        id smallint PRIMARY KEY CHECK (id = 1),
        ultimo_ts timestamptz(3) NOT NULL,
        giorno date NOT NULL,
        progressivo integer NOT NULL
      )`);
    await q.query(`INSERT INTO siuss_contatore VALUES (1, 'epoch', '1970-01-01', 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE siuss_contatore`);
    await q.query(`DROP TABLE siuss_record`);
  }
}
