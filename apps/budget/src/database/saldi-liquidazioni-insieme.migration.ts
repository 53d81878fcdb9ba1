import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The balances of `liquidazione` movements, once per statement: the sums of the inserted movements per
 * dotazione (annualità, line) and per impegno, read from the statement's transition table.
 */
const SALDI_LIQUIDAZIONI = `
  CREATE OR REPLACE FUNCTION movimento_saldi_liquidazioni() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE
    attese integer;
    aggiornate integer;
  BEGIN
    -- Other movements (an impegno, a riduzione) leave at once: their row trigger did the work.
    IF NOT EXISTS (SELECT 1 FROM nuovi WHERE tipo = 'liquidazione') THEN
      RETURN NULL;
    END IF;
    WITH per_dotazione AS (
      SELECT annualita_id, linea_id, sum(importo_centesimi) AS importo
        FROM nuovi WHERE tipo = 'liquidazione' GROUP BY annualita_id, linea_id
    ), fatte AS (
      UPDATE saldo_dotazione s SET liquidato_centesimi = s.liquidato_centesimi + d.importo
        FROM per_dotazione d
       WHERE s.annualita_id = d.annualita_id AND s.linea_id = d.linea_id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM per_dotazione), (SELECT count(*) FROM fatte) INTO attese, aggiornate;
    IF aggiornate < attese THEN
      RAISE EXCEPTION 'movimento liquidazione su una linea senza dotazione del fondo'
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    -- ck_impegno_liquidato (liquidato ≤ importo) checks each impegno's new total, whatever the writer.
    UPDATE impegno i SET liquidato_centesimi = i.liquidato_centesimi + x.importo
      FROM (SELECT impegno_id, sum(importo_centesimi) AS importo
              FROM nuovi WHERE tipo = 'liquidazione' GROUP BY impegno_id) x
     WHERE i.id = x.impegno_id;
    RETURN NULL;
  END $$`;

/**
 * Issue 10, point 9 (the monthly liquidazioni's benchmark): a batch of 500 liquidazioni inserted its
 * 500 movements in one statement, but the row trigger then updated the dotazione's balance 500 times
 * (one row, 500 versions in one transaction, each found again through the chain of the previous ones)
 * and each impegno once, statement by statement in PL/pgSQL. `liquidazione` movements now update the
 * balances once per statement (a statement-level trigger over the inserted rows: one UPDATE of the
 * dotazioni touched, one of the impegni); the other types keep the row trigger (one movement at a
 * time, or a few). Nothing else changes: the same balances, the same CHECKs (a liquidazione above
 * its impegno's residuo or a dotazione's balance still fails the whole statement), the same error for
 * a line without dotazione, for every writer of the ledger.
 */
export class SaldiLiquidazioniInsieme1796048200000 implements MigrationInterface {
  name = 'SaldiLiquidazioniInsieme1796048200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(SALDI_LIQUIDAZIONI);
    await q.query(`DROP TRIGGER tr_movimento_aggiorna_saldi ON movimento`);
    await q.query(`
      CREATE TRIGGER tr_movimento_aggiorna_saldi AFTER INSERT ON movimento
      FOR EACH ROW WHEN (NEW.tipo <> 'liquidazione') EXECUTE FUNCTION movimento_aggiorna_saldi()`);
    await q.query(`
      CREATE TRIGGER tr_movimento_saldi_liquidazioni AFTER INSERT ON movimento
      REFERENCING NEW TABLE AS nuovi
      FOR EACH STATEMENT EXECUTE FUNCTION movimento_saldi_liquidazioni()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_movimento_saldi_liquidazioni ON movimento`);
    await q.query(`DROP TRIGGER tr_movimento_aggiorna_saldi ON movimento`);
    await q.query(`
      CREATE TRIGGER tr_movimento_aggiorna_saldi AFTER INSERT ON movimento
      FOR EACH ROW EXECUTE FUNCTION movimento_aggiorna_saldi()`);
    await q.query(`DROP FUNCTION movimento_saldi_liquidazioni`);
  }
}
