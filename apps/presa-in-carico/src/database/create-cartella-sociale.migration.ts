import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly, sqlValueList } from '@ambito/persistence';
import {
  ESITI_AUDIT,
  FONTI_FINANZIAMENTO,
  MOTIVI_CHIUSURA,
  ORIGINI_PROPOSTA,
  PROFESSIONI,
  SESSI,
  STATI_CARTELLA,
  STATI_PROGETTO,
  STATI_PROPOSTA,
  TIPI_PUNTEGGIO,
  TIPI_VOCE_DIARIO,
  UNITA_INTENSITA,
  URGENZE,
} from '@ambito/contracts';
import { STRUMENTI_INIZIALI } from '../valutazioni/strumenti.seed';

/**
 * Cartelle sociali with proposte, assignments, équipe, versioned assessment instruments, assessments,
 * project versions with interventi, the diario and the append-only audit log. The rules that must hold
 * under concurrency (one cartella per person, one current case manager, one pending and one approved
 * project per cartella, decided versions never rewritten) are PostgreSQL's too.
 */
export class CreateCartellaSociale1764000000000 implements MigrationInterface {
  name = 'CreateCartellaSociale1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE membro_equipe (
        sub_ambito text NOT NULL,
        user_id text NOT NULL,
        nome text NOT NULL,
        professione text NOT NULL CHECK (professione IN (${sqlValueList(PROFESSIONI)})),
        registrato_il timestamptz NOT NULL DEFAULT now(),
        registrato_da text NOT NULL,
        PRIMARY KEY (sub_ambito, user_id)
      )`);

    await q.query(`
      CREATE TABLE cartella (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        codice_fiscale text NOT NULL,
        cognome text NOT NULL,
        nome text NOT NULL,
        data_nascita date NOT NULL,
        sesso text NOT NULL CHECK (sesso IN (${sqlValueList(SESSI)})),
        comune_residenza text NOT NULL,
        sub_ambito text NOT NULL,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_CARTELLA)})),
        episodio integer NOT NULL DEFAULT 1 CHECK (episodio >= 1),
        case_manager_id text,
        case_manager_nome text,
        aperta_il timestamptz NOT NULL DEFAULT now(),
        motivo_chiusura text CHECK (motivo_chiusura IN (${sqlValueList(MOTIVI_CHIUSURA)})),
        chiusa_il timestamptz,
        chiusa_da text,
        note_chiusura text,
        CONSTRAINT uq_cartella_codice_fiscale UNIQUE (codice_fiscale),
        CONSTRAINT ck_cartella_chiusura CHECK ((stato = 'chiusa') = (motivo_chiusura IS NOT NULL AND chiusa_il IS NOT NULL)),
        -- A closed cartella keeps its last case manager, who still sees it.
        CONSTRAINT ck_cartella_case_manager CHECK (
          (stato <> 'in-carico' OR case_manager_id IS NOT NULL) AND (stato <> 'in-attesa' OR case_manager_id IS NULL)
        )
      )`);
    await q.query(`CREATE INDEX ix_cartella_sub_ambito_stato ON cartella (sub_ambito, stato)`);
    await q.query(`CREATE INDEX ix_cartella_comune ON cartella (comune_residenza)`);
    await q.query(`CREATE INDEX ix_cartella_case_manager ON cartella (case_manager_id)`);

    await q.query(`
      CREATE TABLE proposta (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        episodio integer NOT NULL,
        origine text NOT NULL CHECK (origine IN (${sqlValueList(ORIGINI_PROPOSTA)})),
        accesso_id uuid,
        inviante text,
        motivazione text,
        urgenza text CHECK (urgenza IN (${sqlValueList(URGENZE)})),
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_PROPOSTA)})),
        sub_ambito text NOT NULL,
        ricevuta_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_proposta_accesso CHECK ((origine = 'accesso') = (accesso_id IS NOT NULL))
      )`);
    // One proposta per accesso: the intake's second line of defence after the inbox.
    await q.query(
      `CREATE UNIQUE INDEX uq_proposta_accesso ON proposta (accesso_id) WHERE accesso_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_proposta_cartella ON proposta (cartella_id)`);

    await q.query(`
      CREATE TABLE assegnazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        case_manager_id text NOT NULL,
        case_manager_nome text NOT NULL,
        assegnata_da text NOT NULL,
        dal timestamptz NOT NULL DEFAULT now(),
        al timestamptz,
        note text,
        CHECK (al IS NULL OR al >= dal)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_assegnazione_corrente ON assegnazione (cartella_id) WHERE al IS NULL`,
    );

    await q.query(`
      CREATE TABLE strumento_valutazione (
        codice text NOT NULL,
        versione integer NOT NULL CHECK (versione >= 1),
        valido_dal date NOT NULL,
        denominazione text NOT NULL,
        fonte text NOT NULL,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) > 0),
        punteggio jsonb NOT NULL CHECK (punteggio->>'tipo' IN (${sqlValueList(TIPI_PUNTEGGIO)})),
        PRIMARY KEY (codice, versione)
      )`);
    for (const s of STRUMENTI_INIZIALI) {
      await q.query(
        `INSERT INTO strumento_valutazione (codice, versione, valido_dal, denominazione, fonte, items, punteggio)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
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

    await q.query(`
      CREATE TABLE valutazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        episodio integer NOT NULL,
        strumento_codice text NOT NULL,
        strumento_versione integer NOT NULL,
        data date NOT NULL,
        risposte jsonb NOT NULL,
        punteggio integer,
        punteggio_max integer,
        valutatore_id text NOT NULL,
        valutatore_nome text NOT NULL,
        note text,
        registrata_il timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (strumento_codice, strumento_versione) REFERENCES strumento_valutazione (codice, versione)
      )`);
    await q.query(`CREATE INDEX ix_valutazione_cartella ON valutazione (cartella_id, data DESC)`);

    await q.query(`
      CREATE TABLE progetto (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        versione integer NOT NULL CHECK (versione >= 1),
        episodio integer NOT NULL,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_PROGETTO)})),
        data_inizio date NOT NULL,
        data_fine date NOT NULL,
        obiettivi jsonb NOT NULL,
        verifiche jsonb NOT NULL,
        impegni jsonb NOT NULL DEFAULT '[]',
        consenso_persona boolean NOT NULL,
        proposto_da text NOT NULL,
        proposto_da_nome text NOT NULL,
        proposto_il timestamptz NOT NULL DEFAULT now(),
        deciso_da text,
        deciso_da_nome text,
        deciso_il timestamptz,
        motivazione_decisione text,
        CONSTRAINT uq_progetto_versione UNIQUE (cartella_id, versione),
        CHECK (data_fine >= data_inizio),
        CONSTRAINT ck_progetto_decisione CHECK ((stato = 'proposto') = (deciso_il IS NULL)),
        CONSTRAINT ck_progetto_non_del_proponente CHECK (deciso_da IS NULL OR deciso_da <> proposto_da)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_progetto_proposto ON progetto (cartella_id) WHERE stato = 'proposto'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_progetto_approvato ON progetto (cartella_id) WHERE stato = 'approvato'`,
    );
    await q.query(`
      CREATE FUNCTION progetto_deciso_immutabile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'le versioni del progetto non si cancellano' USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.stato = 'proposto' AND NEW.stato IN ('approvato', 'respinto') THEN
          RETURN NEW;
        END IF;
        -- A revision approved later replaces the approved version, which is kept as it was.
        IF OLD.stato = 'approvato' AND NEW.stato = 'superato'
           AND (to_jsonb(OLD) - 'stato') = (to_jsonb(NEW) - 'stato') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'progetto % (%): versione già decisa o transizione non consentita', OLD.id, OLD.stato
          USING ERRCODE = 'check_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_progetto_deciso_immutabile BEFORE UPDATE OR DELETE ON progetto
      FOR EACH ROW EXECUTE FUNCTION progetto_deciso_immutabile()`);

    await q.query(`
      CREATE TABLE intervento (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        progetto_id uuid NOT NULL REFERENCES progetto (id),
        posizione integer NOT NULL,
        codice_prestazione text NOT NULL CHECK (codice_prestazione ~ '^[A-Z][0-9]\\.[0-9]{2}$'),
        denominazione text NOT NULL,
        erogatore text NOT NULL,
        intensita_quantita integer NOT NULL CHECK (intensita_quantita > 0),
        intensita_unita text NOT NULL CHECK (intensita_unita IN (${sqlValueList(UNITA_INTENSITA)})),
        dal date NOT NULL,
        al date NOT NULL,
        costo_centesimi bigint NOT NULL CHECK (costo_centesimi >= 0),
        fonte_finanziamento text NOT NULL CHECK (fonte_finanziamento IN (${sqlValueList(FONTI_FINANZIAMENTO)})),
        CHECK (al >= dal),
        UNIQUE (progetto_id, posizione)
      )`);

    await q.query(`
      CREATE TABLE voce_diario (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        episodio integer NOT NULL,
        il timestamptz NOT NULL DEFAULT clock_timestamp(),
        tipo text NOT NULL CHECK (tipo IN (${sqlValueList(TIPI_VOCE_DIARIO)})),
        testo text NOT NULL,
        autore_id text NOT NULL,
        autore_nome text NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_voce_diario_cartella ON voce_diario (cartella_id, il)`);

    await q.query(`
      CREATE TABLE voce_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        il timestamptz NOT NULL DEFAULT clock_timestamp(),
        utente text NOT NULL,
        ruoli text[] NOT NULL,
        azione text NOT NULL,
        risorsa text NOT NULL,
        risorsa_id text,
        cartella_id uuid,
        motivo text,
        esito text NOT NULL CHECK (esito IN (${sqlValueList(ESITI_AUDIT)})),
        codice_errore text,
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_voce_audit_il ON voce_audit (il DESC)`);
    await q.query(`CREATE INDEX ix_voce_audit_cartella ON voce_audit (cartella_id, il DESC)`);
    await makeAppendOnly(q, 'voce_audit', 'il registro di audit non si modifica né si cancella');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE voce_audit`);
    await q.query(`DROP FUNCTION voce_audit_append_only`);
    await q.query(`DROP TABLE voce_diario`);
    await q.query(`DROP TABLE intervento`);
    await q.query(`DROP TABLE progetto`);
    await q.query(`DROP FUNCTION progetto_deciso_immutabile`);
    await q.query(`DROP TABLE valutazione`);
    await q.query(`DROP TABLE strumento_valutazione`);
    await q.query(`DROP TABLE assegnazione`);
    await q.query(`DROP TABLE proposta`);
    await q.query(`DROP TABLE cartella`);
    await q.query(`DROP TABLE membro_equipe`);
  }
}
