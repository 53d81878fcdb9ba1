import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { STATI_GRADUATORIA, STATI_VOCE_GRADUATORIA } from '@ambito/contracts';

/**
 * Graduatorie formed and approved (issue 9, point 6): the state of each graduatoria and its approval
 * attempt, one entry per ranked istanza (position, financed or not, amount, impegno), and the entries'
 * history (impegni, cessazioni, scorrimento). The approval's concurrency rests here: the state moves to
 * `in-approvazione` under the graduatoria's row lock, so a second approval finds it taken.
 */
export class CreateGraduatorie1796046300000 implements MigrationInterface {
  name = 'CreateGraduatorie1796046300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE graduatoria
        ADD COLUMN stato text NOT NULL DEFAULT 'da-formare' CHECK (stato IN (${sqlValueList(STATI_GRADUATORIA)})),
        ADD COLUMN formata_da text,
        ADD COLUMN formata_il timestamptz,
        -- The approval attempt: part of each impegno's idempotency key, so a retry after a rolled back
        -- attempt commits anew, and a resumed one finds the impegni it already made.
        ADD COLUMN tentativo integer NOT NULL DEFAULT 0 CHECK (tentativo >= 0),
        -- The last attempt ended without knowing whether budget committed (no answer): the next one
        -- resumes it with the same keys and determina instead of starting a new one.
        ADD COLUMN tentativo_sospeso boolean NOT NULL DEFAULT false,
        ADD COLUMN approvazione_da text,
        ADD COLUMN approvazione_il timestamptz,
        ADD COLUMN determina_numero text,
        ADD COLUMN determina_data date,
        ADD COLUMN approvata_il timestamptz,
        ADD COLUMN ultimo_errore jsonb,
        ADD CONSTRAINT ck_graduatoria_approvata CHECK (
          stato NOT IN ('in-approvazione', 'approvata')
          OR (approvazione_da IS NOT NULL AND determina_numero IS NOT NULL AND determina_data IS NOT NULL))`);

    await q.query(`
      CREATE TABLE graduatoria_voce (
        graduatoria_id uuid NOT NULL REFERENCES graduatoria (id),
        istanza_id uuid NOT NULL REFERENCES istanza (id),
        posizione integer NOT NULL CHECK (posizione >= 1),
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_VOCE_GRADUATORIA)})),
        importo_mensile_centesimi bigint CHECK (importo_mensile_centesimi >= 0),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi >= 0),
        -- How many times the entry was financed by a scorrimento: part of that impegno's key.
        finanziamenti integer NOT NULL DEFAULT 0,
        impegno_id uuid,
        -- A ceased entry: what stayed committed (already liquidated); the rest went back to the budget.
        importo_speso_centesimi bigint CHECK (importo_speso_centesimi >= 0),
        PRIMARY KEY (graduatoria_id, istanza_id),
        CONSTRAINT uq_graduatoria_posizione UNIQUE (graduatoria_id, posizione),
        CONSTRAINT ck_voce_impegno CHECK (stato <> 'idonea-non-finanziata' OR impegno_id IS NULL)
      )`);
    await q.query(`CREATE INDEX ix_graduatoria_voce_istanza ON graduatoria_voce (istanza_id)`);

    await q.query(`
      CREATE TABLE graduatoria_voce_storia (
        id bigserial PRIMARY KEY,
        graduatoria_id uuid NOT NULL,
        istanza_id uuid NOT NULL,
        evento text NOT NULL CHECK (evento IN ('impegnata', 'scorrimento', ${sqlValueList(['rinuncia', 'decadenza', 'revoca'])})),
        impegno_id uuid,
        importo_centesimi bigint,
        determina_numero text,
        determina_data date,
        motivazione text,
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (graduatoria_id, istanza_id) REFERENCES graduatoria_voce (graduatoria_id, istanza_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE graduatoria_voce_storia`);
    await q.query(`DROP TABLE graduatoria_voce`);
    await q.query(`
      ALTER TABLE graduatoria
        DROP CONSTRAINT ck_graduatoria_approvata,
        DROP COLUMN stato, DROP COLUMN formata_da, DROP COLUMN formata_il, DROP COLUMN tentativo,
        DROP COLUMN tentativo_sospeso, DROP COLUMN approvazione_da, DROP COLUMN approvazione_il,
        DROP COLUMN determina_numero, DROP COLUMN determina_data, DROP COLUMN approvata_il,
        DROP COLUMN ultimo_errore`);
  }
}
