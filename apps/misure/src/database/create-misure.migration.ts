import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { AREE, ESITI_ISTRUTTORIA, MISURE } from '@ambito/contracts';

/**
 * The misure schema's core: rule sets, avvisi with the graduatorie they will produce, istanze with their
 * versions and gap-free protocol, and every istruttoria with the snapshot it judged. Written in SQL like
 * the budget's (ADR 0004, 0006): the invariants (one istanza per person, avviso and strumento; one
 * protocol number per ambito and year) are constraints, and the bulk paths are single statements.
 */
export class CreateMisure1796046000000 implements MigrationInterface {
  name = 'CreateMisure1796046000000';

  async up(q: QueryRunner): Promise<void> {
    // Law as data (rule 1): one row per version of a measure's rules for an annualità; the parameters
    // are the RegoleMisuraV1 document. An istanza is judged by the version in force on its date.
    await q.query(`
      CREATE TABLE regole_misura (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        misura text NOT NULL CHECK (misura IN (${sqlValueList(MISURE)})),
        annualita integer NOT NULL CHECK (annualita BETWEEN 2000 AND 2100),
        versione integer NOT NULL CHECK (versione >= 1),
        valido_dal date NOT NULL,
        valido_al date,
        stato text NOT NULL CHECK (stato IN ('bozza', 'in-vigore', 'ritirata')),
        atti jsonb NOT NULL,
        parametri jsonb NOT NULL,
        derivata_da uuid REFERENCES regole_misura (id),
        creata_da text NOT NULL,
        creata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_regole_versione UNIQUE (ambito, misura, annualita, versione),
        CONSTRAINT ck_regole_validita CHECK (valido_al IS NULL OR valido_al >= valido_dal)
      )`);

    await q.query(`
      CREATE TABLE avviso (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        misura text NOT NULL CHECK (misura IN (${sqlValueList(MISURE)})),
        annualita integer NOT NULL CHECK (annualita BETWEEN 2000 AND 2100),
        titolo text NOT NULL,
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        apertura date NOT NULL,
        chiusura date NOT NULL,
        decorrenza date NOT NULL,
        mesi integer NOT NULL CHECK (mesi BETWEEN 1 AND 36),
        stato text NOT NULL CHECK (stato IN ('bozza', 'pubblicato', 'chiuso', 'graduatorie-approvate')),
        creato_da text NOT NULL,
        creato_il timestamptz NOT NULL DEFAULT now(),
        pubblicato_da text,
        pubblicato_il timestamptz,
        chiuso_il timestamptz,
        CONSTRAINT ck_avviso_finestra CHECK (chiusura >= apertura)
      )`);
    await q.query(`CREATE INDEX ix_avviso_ambito ON avviso (ambito, annualita, misura)`);

    // The graduatorie an avviso will produce (per area and strumento), each with its money: the budget
    // line or articolo it commits on and the amount it may spend.
    await q.query(`
      CREATE TABLE graduatoria (
        id uuid PRIMARY KEY,
        avviso_id uuid NOT NULL REFERENCES avviso (id),
        area text NOT NULL CHECK (area IN (${sqlValueList(AREE)})),
        strumento text NOT NULL,
        linea text NOT NULL,
        fondo text,
        anno_fondo integer,
        budget_centesimi bigint NOT NULL CHECK (budget_centesimi > 0),
        CONSTRAINT uq_graduatoria UNIQUE (avviso_id, area, strumento)
      )`);

    // Gap-free protocol numbers: one counter row per ambito and year, incremented under its row lock in
    // the istanza's transaction (a rolled-back istanza gives its number back).
    await q.query(`
      CREATE TABLE protocollo_contatore (
        ambito text NOT NULL,
        anno integer NOT NULL,
        ultimo integer NOT NULL CHECK (ultimo >= 0),
        PRIMARY KEY (ambito, anno)
      )`);

    await q.query(`
      CREATE TABLE istanza (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        avviso_id uuid NOT NULL REFERENCES avviso (id),
        persona_id uuid NOT NULL,
        strumento text NOT NULL,
        protocollo_anno integer NOT NULL,
        protocollo_numero integer NOT NULL CHECK (protocollo_numero >= 1),
        protocollata_il timestamptz NOT NULL,
        comune_residenza text,
        sede text,
        richiedente jsonb NOT NULL,
        stato text NOT NULL,
        versione integer NOT NULL DEFAULT 1,
        dati jsonb NOT NULL,
        documenti jsonb NOT NULL DEFAULT '[]',
        presentata_da text NOT NULL,
        -- The last istruttoria's result, kept on the row for the graduatoria's one ordering query.
        esito text CHECK (esito IN (${sqlValueList(ESITI_ISTRUTTORIA)})),
        area text CHECK (area IN (${sqlValueList(AREE)})),
        importo_mensile_centesimi bigint,
        importo_totale_centesimi bigint,
        isee_centesimi bigint,
        chiavi jsonb,
        CONSTRAINT uq_istanza_protocollo UNIQUE (ambito, protocollo_anno, protocollo_numero),
        CONSTRAINT uq_istanza_persona UNIQUE (avviso_id, persona_id, strumento)
      )`);
    await q.query(`CREATE INDEX ix_istanza_persona ON istanza (persona_id)`);
    await q.query(`CREATE INDEX ix_istanza_avviso ON istanza (avviso_id, strumento, area, esito)`);

    await q.query(`
      CREATE TABLE istanza_versione (
        istanza_id uuid NOT NULL REFERENCES istanza (id),
        versione integer NOT NULL,
        dati jsonb NOT NULL,
        documenti jsonb NOT NULL,
        registrata_da text NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (istanza_id, versione)
      )`);

    // Every evaluation, never overwritten: the snapshot of the inputs and the rule set's id make it
    // reproducible; an operator's decision on a da-verificare outcome is recorded with its motivazione.
    await q.query(`
      CREATE TABLE istruttoria (
        id uuid PRIMARY KEY,
        istanza_id uuid NOT NULL REFERENCES istanza (id),
        numero integer NOT NULL,
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        causa text NOT NULL,
        data_riferimento date NOT NULL,
        input jsonb NOT NULL,
        esito_calcolato text NOT NULL CHECK (esito_calcolato IN (${sqlValueList(ESITI_ISTRUTTORIA)})),
        valutazione jsonb NOT NULL,
        esito text NOT NULL CHECK (esito IN (${sqlValueList(ESITI_ISTRUTTORIA)})),
        decisione_da text,
        decisione_il timestamptz,
        motivazione text,
        istruita_da text NOT NULL,
        istruita_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_istruttoria_numero UNIQUE (istanza_id, numero)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'istruttoria',
      'istanza_versione',
      'istanza',
      'protocollo_contatore',
      'graduatoria',
      'avviso',
      'regole_misura',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
