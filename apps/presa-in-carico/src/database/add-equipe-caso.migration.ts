import type { MigrationInterface, QueryRunner } from 'typeorm';
import { STRUMENTO_DOPO_DI_NOI } from '../valutazioni/strumenti.seed';

/**
 * The équipe members working each case besides its case manager, and instruments that require a given
 * composition of that équipe (Dopo di Noi: at least one clinical and one social member, DM 23/11/2016 art. 2).
 */
export class AddEquipeCaso1764000000002 implements MigrationInterface {
  name = 'AddEquipeCaso1764000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE partecipazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        user_id text NOT NULL,
        nome text NOT NULL,
        professione text NOT NULL,
        assegnata_da text NOT NULL,
        dal timestamptz NOT NULL DEFAULT now(),
        al timestamptz,
        CHECK (al IS NULL OR al >= dal)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_partecipazione_corrente ON partecipazione (cartella_id, user_id) WHERE al IS NULL`,
    );
    await q.query(`CREATE INDEX ix_partecipazione_utente ON partecipazione (user_id) WHERE al IS NULL`);
    await q.query(`ALTER TABLE strumento_valutazione ADD COLUMN requisiti_equipe jsonb`);
    const s = STRUMENTO_DOPO_DI_NOI;
    await q.query(
      `INSERT INTO strumento_valutazione (codice, versione, valido_dal, denominazione, fonte, items, punteggio, requisiti_equipe)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        s.codice,
        s.versione,
        s.validoDal,
        s.denominazione,
        s.fonte,
        JSON.stringify(s.items),
        JSON.stringify(s.punteggio),
        JSON.stringify(s.requisitiEquipe),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM strumento_valutazione WHERE codice = $1`, [STRUMENTO_DOPO_DI_NOI.codice]);
    await q.query(`ALTER TABLE strumento_valutazione DROP COLUMN requisiti_equipe`);
    await q.query(`DROP TABLE partecipazione`);
  }
}
