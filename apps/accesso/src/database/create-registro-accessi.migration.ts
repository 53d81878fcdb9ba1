import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly, sqlValueList } from '@ambito/persistence';
import {
  AREE_BISOGNO,
  CANALI,
  ESITI_AUDIT,
  PRESENTATO_DA,
  SESSI,
  STATI_ACCESSO,
  TIPI_ESITO,
  URGENZE,
} from '@ambito/contracts';

/**
 * Persone, accessi with esito and annotazioni, and the append-only audit log. The vocabularies and the
 * "closed once, then only annotated" rule are enforced by PostgreSQL too, not only by the service.
 */
export class CreateRegistroAccessi1763900000000 implements MigrationInterface {
  name = 'CreateRegistroAccessi1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE persona (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        codice_fiscale text NOT NULL,
        cognome text NOT NULL,
        nome text NOT NULL,
        data_nascita date NOT NULL,
        luogo_nascita text NOT NULL,
        sesso text NOT NULL CHECK (sesso IN (${sqlValueList(SESSI)})),
        cittadinanza text NOT NULL,
        comune_residenza text NOT NULL,
        indirizzo_residenza text,
        telefono text,
        email text,
        registrata_il timestamptz NOT NULL DEFAULT now(),
        registrata_da text NOT NULL,
        CONSTRAINT uq_persona_codice_fiscale UNIQUE (codice_fiscale)
      )`);
    await q.query(
      `CREATE INDEX ix_persona_cognome_nome ON persona (lower(cognome) text_pattern_ops, lower(nome))`,
    );
    await q.query(`CREATE INDEX ix_persona_comune_residenza ON persona (comune_residenza)`);

    await q.query(`
      CREATE TABLE accesso (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        persona_id uuid NOT NULL REFERENCES persona (id),
        comune_residenza text NOT NULL,
        data_ora timestamptz NOT NULL,
        sede text NOT NULL,
        sub_ambito text NOT NULL,
        operatore_id text NOT NULL,
        operatore_nome text NOT NULL,
        canale text NOT NULL CHECK (canale IN (${sqlValueList(CANALI)})),
        presentato_da text NOT NULL CHECK (presentato_da IN (${sqlValueList(PRESENTATO_DA)})),
        referente text,
        area_bisogno text NOT NULL CHECK (area_bisogno IN (${sqlValueList(AREE_BISOGNO)})),
        richiesta text NOT NULL,
        note text,
        stato text NOT NULL DEFAULT 'aperto' CHECK (stato IN (${sqlValueList(STATI_ACCESSO)})),
        esito_tipo text CHECK (esito_tipo IN (${sqlValueList(TIPI_ESITO)})),
        esito_servizio text,
        esito_motivazione text,
        esito_urgenza text CHECK (esito_urgenza IN (${sqlValueList(URGENZE)})),
        esito_note text,
        chiuso_il timestamptz,
        chiuso_da text,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_accesso_esito_se_chiuso CHECK ((stato = 'chiuso') = (esito_tipo IS NOT NULL AND chiuso_il IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_accesso_sub_ambito_data ON accesso (sub_ambito, data_ora DESC)`);
    await q.query(`CREATE INDEX ix_accesso_comune_data ON accesso (comune_residenza, data_ora DESC)`);
    await q.query(`CREATE INDEX ix_accesso_persona ON accesso (persona_id)`);
    await q.query(`
      CREATE FUNCTION accesso_chiuso_immutabile() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.stato = 'chiuso' THEN
          RAISE EXCEPTION 'accesso % già chiuso: si può solo annotare', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_accesso_chiuso_immutabile BEFORE UPDATE OR DELETE ON accesso
      FOR EACH ROW EXECUTE FUNCTION accesso_chiuso_immutabile()`);

    await q.query(`
      CREATE TABLE annotazione_accesso (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        accesso_id uuid NOT NULL REFERENCES accesso (id),
        testo text NOT NULL,
        autore_id text NOT NULL,
        autore_nome text NOT NULL,
        il timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_annotazione_accesso ON annotazione_accesso (accesso_id, il)`);

    await q.query(`
      CREATE TABLE voce_audit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        il timestamptz NOT NULL DEFAULT clock_timestamp(),
        utente text NOT NULL,
        ruoli text[] NOT NULL,
        azione text NOT NULL,
        risorsa text NOT NULL,
        risorsa_id text,
        persona_id uuid,
        motivo text,
        esito text NOT NULL CHECK (esito IN (${sqlValueList(ESITI_AUDIT)})),
        correlation_id text
      )`);
    await q.query(`CREATE INDEX ix_voce_audit_il ON voce_audit (il DESC)`);
    await q.query(`CREATE INDEX ix_voce_audit_persona ON voce_audit (persona_id, il DESC)`);
    await q.query(`CREATE INDEX ix_voce_audit_utente ON voce_audit (utente, il DESC)`);
    await makeAppendOnly(q, 'voce_audit', 'il registro di audit non si modifica né si cancella');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE voce_audit`);
    await q.query(`DROP FUNCTION voce_audit_append_only`);
    await q.query(`DROP TABLE annotazione_accesso`);
    await q.query(`DROP TABLE accesso`);
    await q.query(`DROP FUNCTION accesso_chiuso_immutabile`);
    await q.query(`DROP TABLE persona`);
  }
}
