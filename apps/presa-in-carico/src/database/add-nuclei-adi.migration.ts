import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ADI parameters (law as data, regole-lombardia.md §7.1 and rule 24, confidence marks as there):
 * a change of the law is a new row with its validity, never an edit of these.
 */
const PARAMETRI_ADI: [codice: string, validoDal: string, valore: number, atto: string][] = [
  [
    'adi.presa-in-carico.giorni-legali',
    '2024-01-01',
    120,
    'DL 48/2023 conv. L. 85/2023 (ADI): i servizi sociali incontrano il nucleo entro 120 giorni dal PAD [S]',
  ],
  [
    'adi.presa-in-carico.giorni-raccomandati',
    '2024-05-02',
    60,
    'Linee guida PaIS, DM 72 del 2/5/2024: primo incontro raccomandato entro 60 giorni dal PAD [S]',
  ],
  [
    'adi.verifica.giorni',
    '2024-01-01',
    90,
    'DL 48/2023 conv. L. 85/2023 (ADI): verifica del percorso ogni 90 giorni [S]',
  ],
];

/**
 * ADI households imported from GePI (issue 12, point 3): one row per domanda on its applicant's
 * cartella, the proposta origin `adi-gepi`, and the deadline parameters.
 */
export class AddNucleiAdi1796048700000 implements MigrationInterface {
  name = 'AddNucleiAdi1796048700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE nucleo_adi (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        codice_domanda text NOT NULL,
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        episodio integer NOT NULL,
        data_pad date NOT NULL,
        componenti integer CHECK (componenti >= 1),
        riferimento text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        -- The same domanda imported twice is the same household: a re-import changes nothing.
        CONSTRAINT uq_nucleo_adi_domanda UNIQUE (codice_domanda)
      )`);
    await q.query(`CREATE INDEX ix_nucleo_adi_cartella ON nucleo_adi (cartella_id)`);
    // The list of origins as it is now (literal: a later change of the vocabulary is a new migration).
    await q.query(`ALTER TABLE proposta DROP CONSTRAINT proposta_origine_check`);
    await q.query(`
      ALTER TABLE proposta ADD CONSTRAINT proposta_origine_check CHECK (origine IN (
        'accesso', 'segnalazione-servizio-specialistico', 'mandato-autorita-giudiziaria',
        'dimissione-protetta', 'adi-gepi'))`);
    for (const [codice, validoDal, valore, atto] of PARAMETRI_ADI)
      await q.query(
        `INSERT INTO parametro_normativo (codice, valido_dal, valore, atto) VALUES ($1, $2, $3, $4)`,
        [codice, validoDal, valore, atto],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM parametro_normativo WHERE codice LIKE 'adi.%'`);
    await q.query(`DELETE FROM proposta WHERE origine = 'adi-gepi'`);
    await q.query(`ALTER TABLE proposta DROP CONSTRAINT proposta_origine_check`);
    await q.query(`
      ALTER TABLE proposta ADD CONSTRAINT proposta_origine_check CHECK (origine IN (
        'accesso', 'segnalazione-servizio-specialistico', 'mandato-autorita-giudiziaria', 'dimissione-protetta'))`);
    await q.query(`DROP TABLE nucleo_adi`);
  }
}
