import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { CHI_CONSENTE } from '@ambito/contracts';

/**
 * Issue 11, lane assistenti-presa: the consent of a richiesta proposed by presa in carico (who gave it,
 * when, the valutazione that shows the need), the sportello that holds a contract (the sub-ambito rule
 * of the sportello's personal reads, docs/sportello-sub-ambiti.md) and the version of a scheda (its
 * edits are checked against the version read).
 */
export class AddPresaInCaricoVersioneScheda1796048400000 implements MigrationInterface {
  name = 'AddPresaInCaricoVersioneScheda1796048400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE richiesta
        ADD COLUMN valutazione_id uuid,
        ADD COLUMN consenso_dato_da text CHECK (consenso_dato_da IN (${sqlValueList(CHI_CONSENTE)})),
        ADD COLUMN consenso_nominativo text,
        ADD COLUMN consenso_dato_il date`);
    // One richiesta per valutazione of a cartella: presa in carico's retry finds the one it made.
    await q.query(
      `CREATE UNIQUE INDEX uq_richiesta_valutazione ON richiesta (cartella_id, valutazione_id) WHERE valutazione_id IS NOT NULL`,
    );
    await q.query(`ALTER TABLE contratto ADD COLUMN sportello text`);
    // A contract that satisfied a richiesta is held by the richiesta's desk.
    await q.query(
      `UPDATE contratto c SET sportello = r.sportello FROM richiesta r WHERE r.id = c.richiesta_id`,
    );
    await q.query(`ALTER TABLE scheda ADD COLUMN versione integer NOT NULL DEFAULT 1 CHECK (versione >= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scheda DROP COLUMN versione`);
    await q.query(`ALTER TABLE contratto DROP COLUMN sportello`);
    await q.query(`DROP INDEX uq_richiesta_valutazione`);
    await q.query(`
      ALTER TABLE richiesta DROP COLUMN valutazione_id, DROP COLUMN consenso_dato_da,
        DROP COLUMN consenso_nominativo, DROP COLUMN consenso_dato_il`);
  }
}
