import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A liquidazione stays final with its key: only its mandato is added, once. */
const soloMandato = (conChiave: boolean) => {
  const campi = ['id', 'impegno_id', 'importo_centesimi', 'periodo', 'registrata_il', 'registrata_da'].concat(
    conChiave ? ['chiave_idempotenza', 'impronta'] : [],
  );
  const riga = (r: string) => `(${campi.map((c) => `${r}.${c}`).join(', ')})`;
  return `
  CREATE OR REPLACE FUNCTION liquidazione_solo_mandato() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' OR OLD.mandato_id IS NOT NULL OR NEW.mandato_id IS NULL
       OR ${riga('NEW')} IS DISTINCT FROM ${riga('OLD')}
    THEN
      RAISE EXCEPTION 'una liquidazione non si modifica né si cancella: si aggiunge solo il mandato, una volta'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$`;
};

/**
 * A liquidazione requested in a batch by a calling service carries its key (e.g. a beneficio and its
 * month) and the fingerprint of what it asked: the same key finds it again, for good, instead of
 * liquidating twice after a crash or a lost reply; another content with the same key is refused.
 * Liquidazioni of people (operators) have none.
 */
export class LiquidazioniChiave1796046700000 implements MigrationInterface {
  name = 'LiquidazioniChiave1796046700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE liquidazione ADD COLUMN chiave_idempotenza text, ADD COLUMN impronta text`);
    await q.query(
      `ALTER TABLE liquidazione ADD CONSTRAINT ck_liquidazione_chiave
         CHECK ((chiave_idempotenza IS NULL) = (impronta IS NULL))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_liquidazione_chiave ON liquidazione (chiave_idempotenza)
         WHERE chiave_idempotenza IS NOT NULL`,
    );
    await q.query(soloMandato(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(soloMandato(false));
    await q.query(`DROP INDEX uq_liquidazione_chiave`);
    await q.query(`ALTER TABLE liquidazione DROP CONSTRAINT ck_liquidazione_chiave`);
    await q.query(`ALTER TABLE liquidazione DROP COLUMN impronta, DROP COLUMN chiave_idempotenza`);
  }
}
