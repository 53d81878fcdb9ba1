import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The interventi that come from the misure service (issue 10, points 1 and 7; lane benefici-progetto).
 * Approved progetto versions are never rewritten (trigger tr_progetto_deciso_immutabile), so a beneficio
 * granted by misure lives in a table of its own, linked to the cartella by the persona of accesso's
 * registry: `intervento_misura`, one row per concessione (istanza + impegno; the impegno alone is
 * unique), written by the consumer of `misure.beneficio.concesso`. Every later event of the beneficio
 * (sospeso, ripreso, revocato, cessato, erogazione liquidata) is kept as it came in `evento_beneficio`,
 * whatever the order it arrives in; the row's state columns are derived again from all of them at each
 * event (interventi-misure/stato-intervento.ts), so a late or repeated event gives the same state.
 * Raw SQL, no entity (as the budget's ledger, ADR 0004): the migration-drift check has nothing to compare.
 */
export class AddInterventiMisure1796048000000 implements MigrationInterface {
  name = 'AddInterventiMisure1796048000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intervento_misura (
        id uuid PRIMARY KEY,
        impegno_id uuid NOT NULL,
        istanza_id uuid NOT NULL,
        persona_id uuid NOT NULL,
        avviso_id uuid NOT NULL,
        graduatoria_id uuid NOT NULL,
        misura text NOT NULL,
        strumento text NOT NULL,
        importo_mensile_centesimi bigint CHECK (importo_mensile_centesimi >= 0),
        importo_totale_centesimi bigint NOT NULL CHECK (importo_totale_centesimi >= 0),
        dal date NOT NULL,
        al date NOT NULL,
        linea text NOT NULL,
        fondo text NOT NULL,
        anno_fondo smallint NOT NULL CHECK (anno_fondo BETWEEN 2000 AND 2100),
        causa_concessione text NOT NULL,
        evento_id uuid NOT NULL,
        concesso_il timestamptz NOT NULL,
        beneficio_id uuid,
        stato text NOT NULL DEFAULT 'attivo' CHECK (stato IN ('attivo', 'revocato', 'cessato')),
        termina_dal date,
        sospensioni jsonb NOT NULL DEFAULT '[]',
        mesi_liquidati integer NOT NULL DEFAULT 0 CHECK (mesi_liquidati >= 0),
        ultimo_mese_liquidato text CHECK (ultimo_mese_liquidato ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        liquidato_centesimi bigint NOT NULL DEFAULT 0 CHECK (liquidato_centesimi >= 0),
        aggiornato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_intervento_misura_impegno UNIQUE (impegno_id),
        CONSTRAINT ck_intervento_misura_periodo CHECK (al >= dal),
        CONSTRAINT ck_intervento_misura_fine CHECK ((stato = 'attivo') = (termina_dal IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_intervento_misura_persona ON intervento_misura (persona_id)`);
    await q.query(`CREATE INDEX ix_intervento_misura_istanza ON intervento_misura (istanza_id)`);
    await q.query(`
      CREATE TABLE evento_beneficio (
        evento_id uuid PRIMARY KEY,
        tipo text NOT NULL CHECK (tipo IN ('sospeso', 'ripreso', 'revocato', 'cessato', 'liquidato')),
        beneficio_id uuid NOT NULL,
        impegno_id uuid,
        istanza_id uuid,
        sospensione_id uuid,
        dal date,
        al date,
        mese text,
        liquidazione_id uuid,
        liquidato_centesimi bigint CHECK (liquidato_centesimi >= 0),
        avvenuto_il timestamptz NOT NULL,
        ricevuto_il timestamptz NOT NULL DEFAULT now(),
        CHECK (impegno_id IS NOT NULL OR istanza_id IS NOT NULL),
        CHECK ((tipo IN ('sospeso', 'ripreso')) = (sospensione_id IS NOT NULL)),
        CHECK ((tipo = 'liquidato') = (mese IS NOT NULL AND liquidazione_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_evento_beneficio_impegno ON evento_beneficio (impegno_id)`);
    await q.query(
      `CREATE INDEX ix_evento_beneficio_istanza ON evento_beneficio (istanza_id) WHERE impegno_id IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evento_beneficio`);
    await q.query(`DROP TABLE intervento_misura`);
  }
}
