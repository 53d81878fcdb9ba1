import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Liquidazioni of the monthly erogazioni, payees and recuperi (issue 10, point 3, lane
 * benefici-liquidazioni):
 *
 * - `liquidazione_mensile`: one per erogazione_mensile with an amount due, prepared with its amount
 *   (due minus what open recuperi withhold) and its key (`misure:beneficio:<id>:<AAAA-MM>`) before the
 *   budget is asked, so a repeat after a crash or an unavailable budget sends the same key and the same
 *   amount; `liquidata` once the budget answered (its liquidazione id; none when all was withheld).
 * - `pagamento_beneficio`: who is paid (the beneficiary or a delegate) on which IBAN (checked with its
 *   ISO 13616 digits), one current version per beneficio; writes and reads audited.
 * - `recupero`: a month paid unduly (death reported late, a suspension known later), at most one per
 *   month paid; `compensazione_recupero`: what later liquidazioni withheld of it.
 */
export class CreateLiquidazioni1796046700000 implements MigrationInterface {
  name = 'CreateLiquidazioni1796046700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE liquidazione_mensile (
        id uuid PRIMARY KEY,
        erogazione_id uuid NOT NULL REFERENCES erogazione_mensile (id),
        beneficio_id uuid NOT NULL REFERENCES beneficio (id),
        ambito text NOT NULL,
        mese date NOT NULL CHECK (extract(day FROM mese) = 1),
        chiave_idempotenza text NOT NULL,
        impegno_id uuid NOT NULL,
        importo_dovuto_centesimi bigint NOT NULL CHECK (importo_dovuto_centesimi > 0),
        compensato_centesimi bigint NOT NULL DEFAULT 0 CHECK (compensato_centesimi >= 0),
        importo_liquidato_centesimi bigint NOT NULL CHECK (importo_liquidato_centesimi >= 0),
        stato text NOT NULL CHECK (stato IN ('in-attesa', 'liquidata')),
        liquidazione_budget_id uuid,
        preparata_il timestamptz NOT NULL DEFAULT now(),
        liquidata_il timestamptz,
        ultimo_errore text,
        CONSTRAINT uq_liquidazione_erogazione UNIQUE (erogazione_id),
        CONSTRAINT uq_liquidazione_chiave UNIQUE (chiave_idempotenza),
        CONSTRAINT ck_liquidazione_importi
          CHECK (importo_liquidato_centesimi = importo_dovuto_centesimi - compensato_centesimi),
        CONSTRAINT ck_liquidazione_stato CHECK ((stato = 'liquidata') = (liquidata_il IS NOT NULL)),
        CONSTRAINT ck_liquidazione_budget CHECK (
          stato = 'in-attesa' OR (importo_liquidato_centesimi = 0) = (liquidazione_budget_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX ix_liquidazione_mese ON liquidazione_mensile (ambito, mese, stato, beneficio_id)`,
    );
    await q.query(`CREATE INDEX ix_liquidazione_beneficio ON liquidazione_mensile (beneficio_id, mese)`);

    await q.query(`
      CREATE TABLE pagamento_beneficio (
        beneficio_id uuid PRIMARY KEY REFERENCES beneficio (id),
        intestatario text NOT NULL CHECK (intestatario IN ('beneficiario', 'delegato')),
        nominativo text NOT NULL,
        codice_fiscale text NOT NULL,
        iban text NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
        delega text,
        versione integer NOT NULL DEFAULT 1,
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_pagamento_delega CHECK (intestatario = 'beneficiario' OR delega IS NOT NULL)
      )`);

    await q.query(`
      CREATE TABLE recupero (
        id uuid PRIMARY KEY,
        beneficio_id uuid NOT NULL REFERENCES beneficio (id),
        ambito text NOT NULL,
        liquidazione_id uuid NOT NULL REFERENCES liquidazione_mensile (id),
        mese date NOT NULL,
        causa text NOT NULL CHECK (causa IN ('decesso', 'fine-beneficio', 'sospensione', 'correzione')),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        compensato_centesimi bigint NOT NULL DEFAULT 0,
        -- How it was computed: rule, dates, amounts (an explained result, like an istruttoria).
        motivo text NOT NULL,
        dettaglio jsonb NOT NULL DEFAULT '{}',
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        richiesta_numero text,
        richiesta_data date,
        richiesto_da text,
        richiesto_il timestamptz,
        CONSTRAINT uq_recupero_mese UNIQUE (liquidazione_id),
        CONSTRAINT ck_recupero_compensato CHECK (compensato_centesimi BETWEEN 0 AND importo_centesimi),
        CONSTRAINT ck_recupero_richiesta CHECK ((richiesto_il IS NULL) = (richiesta_numero IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_recupero_beneficio ON recupero (beneficio_id, registrato_il)`);

    await q.query(`
      CREATE TABLE compensazione_recupero (
        recupero_id uuid NOT NULL REFERENCES recupero (id),
        liquidazione_id uuid NOT NULL REFERENCES liquidazione_mensile (id),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        PRIMARY KEY (recupero_id, liquidazione_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE compensazione_recupero`);
    await q.query(`DROP TABLE recupero`);
    await q.query(`DROP TABLE pagamento_beneficio`);
    await q.query(`DROP TABLE liquidazione_mensile`);
  }
}
