import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * GePI imports (issue 12, point 3): one row per file imported (its SHA-256 makes a repeated file a
 * no-op, even when two arrive at once), one per household with the cartella it reached. No personal
 * data: the households themselves live in presa in carico.
 */
export class AddImportazioniGepi1796048700001 implements MigrationInterface {
  name = 'AddImportazioniGepi1796048700001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE importazione_gepi (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        impronta text NOT NULL CHECK (impronta ~ '^[0-9a-f]{64}$'),
        nome_file text NOT NULL,
        mappatura text NOT NULL,
        righe integer NOT NULL CHECK (righe > 0),
        aperte integer NOT NULL CHECK (aperte >= 0),
        unite integer NOT NULL CHECK (unite >= 0),
        gia_presenti integer NOT NULL CHECK (gia_presenti >= 0),
        persone_in_anagrafe integer NOT NULL CHECK (persone_in_anagrafe >= 0),
        importata_da text NOT NULL,
        importata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_importazione_gepi_impronta UNIQUE (impronta),
        CHECK (aperte + unite + gia_presenti = righe)
      )`);
    await q.query(`
      CREATE TABLE nucleo_gepi (
        importazione_id uuid NOT NULL REFERENCES importazione_gepi (id),
        riga integer NOT NULL,
        codice_domanda text NOT NULL,
        esito text NOT NULL CHECK (esito IN ('aperta', 'unita', 'gia-presente')),
        cartella_id uuid NOT NULL,
        nucleo_id uuid NOT NULL,
        PRIMARY KEY (importazione_id, codice_domanda)
      )`);
    await q.query(`CREATE INDEX ix_nucleo_gepi_domanda ON nucleo_gepi (codice_domanda)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE nucleo_gepi`);
    await q.query(`DROP TABLE importazione_gepi`);
  }
}
