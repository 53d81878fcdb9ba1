import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STRUMENTO_SINA_V2 } from '../valutazioni/sina-v2.seed';

/**
 * Version 2 of the SINA instrument, as INPS defines it (optional items, a list of invalidity
 * certifications, FonteDerivazioneInvalidita, NecessitaInterventiSociali), and the lists of codes of
 * the assessments that use it. Version 1 and its assessments stay as they are.
 */
export class AddSinaV21764000000008 implements MigrationInterface {
  name = 'AddSinaV21764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE valutazione ADD COLUMN risposte_multiple jsonb`);
    const s = STRUMENTO_SINA_V2;
    await q.query(
      `INSERT INTO strumento_valutazione (codice, versione, valido_dal, denominazione, fonte, items, punteggio, requisiti_equipe)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)`,
      [
        s.codice,
        s.versione,
        s.validoDal,
        s.denominazione,
        s.fonte,
        JSON.stringify(s.items),
        JSON.stringify(s.punteggio),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM strumento_valutazione WHERE codice = 'SINA' AND versione = 2`);
    await q.query(`ALTER TABLE valutazione DROP COLUMN risposte_multiple`);
  }
}
