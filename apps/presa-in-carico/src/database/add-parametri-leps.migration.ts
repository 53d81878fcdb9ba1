import type { MigrationInterface, QueryRunner } from 'typeorm';

const L178 = 'L. 178/2020 art. 1 c. 797-798';

/** The parameters as of this migration (later changes are rows added by later migrations or by hand). */
const PARAMETRI: [codice: string, validoDal: string, valore: number, atto: string][] = [
  ['leps-as.abitanti-soglia-minima', '2021-01-01', 6500, `${L178} (rapporto 1:6.500)`],
  ['leps-as.abitanti-obiettivo', '2021-01-01', 5000, `${L178} (LEPS 1:5.000)`],
  ['leps-as.abitanti-obiettivo-ulteriore', '2021-01-01', 4000, `${L178} (obiettivo ulteriore 1:4.000)`],
  ['leps-as.contributo-fascia-1-centesimi', '2021-01-01', 4_000_000, `${L178} lett. a) (40.000 € per AS)`],
  ['leps-as.contributo-fascia-2-centesimi', '2021-01-01', 2_000_000, `${L178} lett. b) (20.000 € per AS)`],
  [
    'ore-as.abitanti-per-ora',
    '2002-01-01',
    125,
    'Piano di Zona del Casalasco 2002-2004: 1 ora settimanale di AS ogni 125 abitanti',
  ],
];

/**
 * Versioned parameters of the rules (law as data), seeded with the LEPS servizio sociale professionale
 * thresholds and contributions and the Casalasco standard of AS hours per inhabitants.
 */
export class AddParametriLeps1764000000006 implements MigrationInterface {
  name = 'AddParametriLeps1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE parametro_normativo (
        codice text NOT NULL,
        valido_dal date NOT NULL,
        valido_al date,
        valore integer NOT NULL,
        atto text NOT NULL,
        PRIMARY KEY (codice, valido_dal),
        CHECK (valido_al IS NULL OR valido_al >= valido_dal)
      )`);
    for (const [codice, validoDal, valore, atto] of PARAMETRI)
      await q.query(
        `INSERT INTO parametro_normativo (codice, valido_dal, valore, atto) VALUES ($1, $2, $3, $4)`,
        [codice, validoDal, valore, atto],
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE parametro_normativo`);
  }
}
