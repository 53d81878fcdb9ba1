import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Benefici and their monthly erogazioni (issue 10, points 1–2, lane benefici-run):
 *
 * - `beneficio`: one per concessione (event `misure.beneficio.concesso`): strumento, monthly amount,
 *   start and end, the budget impegno behind it, the rule set of its avviso; its end (revoca,
 *   cessazione) with the first day nothing is due any more; the ISEE's validity it was granted with.
 * - `sospensione_beneficio`: periods nothing is due (sollievo beyond the yearly limit, residence out of
 *   the ambito, an incompatible measure, an operator's record), each from one source (`fonte`), so a
 *   redelivered event or a re-derivation from the records updates the same row.
 * - `erogazione_run`: one monthly run per ambito and month, page by page with its keyset cursor; at
 *   most one run not completed per ambito and month.
 * - `erogazione_mensile`: the explained amount due per beneficio and month, never twice
 *   (`uq_erogazione_mensile`). `stato` and the liquidazione columns belong to the liquidazioni.
 *
 * The value lists are literal: a later lane that adds a state changes its CHECK in its own migration.
 */
export class CreateBenefici1796046600000 implements MigrationInterface {
  name = 'CreateBenefici1796046600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE beneficio (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        istanza_id uuid NOT NULL REFERENCES istanza (id),
        persona_id uuid NOT NULL,
        avviso_id uuid NOT NULL REFERENCES avviso (id),
        graduatoria_id uuid NOT NULL REFERENCES graduatoria (id),
        misura text NOT NULL,
        area text,
        strumento text NOT NULL,
        -- null: an amount for the whole project (Dopo di Noi, Pro.Vi.), not paid by the monthly run.
        importo_mensile_centesimi bigint CHECK (importo_mensile_centesimi >= 0),
        importo_totale_centesimi bigint NOT NULL CHECK (importo_totale_centesimi >= 0),
        dal date NOT NULL,
        al date NOT NULL,
        linea text NOT NULL,
        fondo text NOT NULL,
        anno_fondo integer NOT NULL,
        impegno_id uuid NOT NULL,
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        causa_concessione text NOT NULL,
        evento_id uuid NOT NULL,
        stato text NOT NULL DEFAULT 'attivo' CHECK (stato IN ('attivo', 'revocato', 'cessato')),
        -- Revoca or cessazione: the first day nothing is due (the day of death, of the definitive admission).
        termina_dal date,
        causa_fine text,
        motivazione_fine text,
        fonte_fine text,
        -- The ISEE's last valid day (null: not known); after it nothing is due until it is renewed.
        isee_valido_al date,
        creato_il timestamptz NOT NULL DEFAULT now(),
        aggiornato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_beneficio_concessione UNIQUE (istanza_id, impegno_id),
        CONSTRAINT ck_beneficio_periodo CHECK (al >= dal),
        CONSTRAINT ck_beneficio_fine CHECK ((stato = 'attivo') = (termina_dal IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_beneficio_ambito ON beneficio (ambito, id)`);
    await q.query(`CREATE INDEX ix_beneficio_persona ON beneficio (persona_id)`);

    await q.query(`
      CREATE TABLE sospensione_beneficio (
        id uuid PRIMARY KEY,
        beneficio_id uuid NOT NULL REFERENCES beneficio (id),
        causa text NOT NULL CHECK (causa IN (
          'sollievo-oltre-limite', 'residenza-fuori-ambito', 'misura-incompatibile', 'isee-scaduto', 'altro')),
        dal date NOT NULL,
        -- Last day suspended (inclusive); null: until further notice.
        al date,
        -- Where it comes from, one row per source: 'ricovero:<id>', 'residenza', 'operatore:<id>'.
        fonte text NOT NULL,
        -- The inputs and rule it was derived with (days of sollievo used, the limit, the rule version).
        dettaglio jsonb NOT NULL DEFAULT '{}',
        regole_id uuid REFERENCES regole_misura (id),
        -- A derived suspension the records no longer support (ricovero corrected): kept, not applied.
        annullata_il timestamptz,
        registrata_da text NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT now(),
        aggiornata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_sospensione_fonte UNIQUE (beneficio_id, causa, fonte),
        CONSTRAINT ck_sospensione_periodo CHECK (al IS NULL OR al >= dal)
      )`);

    await q.query(`
      CREATE TABLE erogazione_run (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        -- The first day of the month paid.
        mese date NOT NULL CHECK (extract(day FROM mese) = 1),
        stato text NOT NULL CHECK (stato IN ('in-corso', 'completata', 'interrotta')),
        benefici_totali integer NOT NULL DEFAULT 0,
        benefici_elaborati integer NOT NULL DEFAULT 0,
        mensilita_create integer NOT NULL DEFAULT 0,
        importo_dovuto_centesimi bigint NOT NULL DEFAULT 0,
        -- Keyset cursor: the last beneficio id of the last committed page.
        ultimo_beneficio_id uuid,
        avviata_da text NOT NULL,
        avviata_il timestamptz NOT NULL DEFAULT now(),
        aggiornata_il timestamptz NOT NULL DEFAULT now(),
        conclusa_il timestamptz,
        ultimo_errore jsonb
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_erogazione_run_aperta ON erogazione_run (ambito, mese) WHERE stato <> 'completata'`,
    );
    await q.query(`CREATE INDEX ix_erogazione_run_mese ON erogazione_run (ambito, mese, avviata_il)`);

    await q.query(`
      CREATE TABLE erogazione_mensile (
        id uuid PRIMARY KEY,
        beneficio_id uuid NOT NULL REFERENCES beneficio (id),
        ambito text NOT NULL,
        mese date NOT NULL CHECK (extract(day FROM mese) = 1),
        -- The run that computed it.
        run_id uuid NOT NULL REFERENCES erogazione_run (id),
        esito text NOT NULL CHECK (esito IN ('dovuto', 'ridotto', 'non-dovuto')),
        importo_mensile_centesimi bigint NOT NULL CHECK (importo_mensile_centesimi >= 0),
        importo_dovuto_centesimi bigint NOT NULL CHECK (importo_dovuto_centesimi >= 0),
        giorni_mese integer NOT NULL CHECK (giorni_mese BETWEEN 28 AND 31),
        giorni_dovuti integer NOT NULL CHECK (giorni_dovuti BETWEEN 0 AND 31),
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        -- The explanation: every rule with its outcome, code and reason, and the inputs it read.
        valutazione jsonb NOT NULL,
        input jsonb NOT NULL,
        calcolata_il timestamptz NOT NULL DEFAULT now(),
        -- For the liquidazioni (lane benefici-liquidazioni): 'da-liquidare' until liquidated to budget;
        -- a month with nothing due is 'nulla' from the start.
        stato text NOT NULL CHECK (stato IN ('da-liquidare', 'liquidata', 'nulla')),
        liquidazione_id uuid,
        liquidata_il timestamptz,
        CONSTRAINT uq_erogazione_mensile UNIQUE (beneficio_id, mese),
        CONSTRAINT ck_erogazione_stato CHECK ((stato = 'nulla') = (importo_dovuto_centesimi = 0))
      )`);
    await q.query(`CREATE INDEX ix_erogazione_mensile_mese ON erogazione_mensile (ambito, mese, stato)`);
    await q.query(`CREATE INDEX ix_erogazione_mensile_run ON erogazione_mensile (run_id, beneficio_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE erogazione_mensile`);
    await q.query(`DROP TABLE erogazione_run`);
    await q.query(`DROP TABLE sospensione_beneficio`);
    await q.query(`DROP TABLE beneficio`);
  }
}
