import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import {
  CAMPI_PUBBLICABILI,
  CAUSE_CANCELLAZIONE,
  CAUSE_SOSPENSIONE_ISCRIZIONE,
  COMPETENZE_ASSISTENTE,
  STATI_CANDIDATURA,
  STATI_ISCRIZIONE,
  TIPI_STORIA_ISCRIZIONE,
} from '@ambito/contracts';

/**
 * The registro d'ambito degli assistenti familiari (L.R. 15/2015 art. 7), in SQL like misure's (ADR
 * 0006): the requirement rules as versioned data, the assistants, their candidature, one iscrizione per
 * assistant and registro (an assistant may be in the registers of several ambiti: `registro` is the
 * ambito's code), its scheda, the consents to publish and the full history. The invariants (one live
 * iscrizione per assistant and registro, one consent in force per iscrizione) are constraints.
 */
export class CreateRegistro1796047000000 implements MigrationInterface {
  name = 'CreateRegistro1796047000000';

  async up(q: QueryRunner): Promise<void> {
    // Law as data: one row per version of the requirements of a registro, with its validity and source.
    await q.query(`
      CREATE TABLE requisiti_iscrizione (
        id uuid PRIMARY KEY,
        registro text NOT NULL,
        versione integer NOT NULL CHECK (versione >= 1),
        valido_dal date NOT NULL,
        valido_al date,
        fonti jsonb NOT NULL,
        parametri jsonb NOT NULL,
        creata_da text NOT NULL,
        creata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_requisiti_versione UNIQUE (registro, versione),
        CONSTRAINT ck_requisiti_validita CHECK (valido_al IS NULL OR valido_al >= valido_dal)
      )`);

    // The person, once per codice fiscale: often not resident in the ambito, never a persona of accesso.
    await q.query(`
      CREATE TABLE assistente (
        id uuid PRIMARY KEY,
        codice_fiscale text NOT NULL,
        nome text NOT NULL,
        cognome text NOT NULL,
        data_nascita date NOT NULL,
        cittadinanza char(2) NOT NULL,
        telefono text,
        email text,
        indirizzo text,
        creato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_assistente_codice_fiscale UNIQUE (codice_fiscale)
      )`);

    await q.query(`
      CREATE TABLE candidatura (
        id uuid PRIMARY KEY,
        registro text NOT NULL,
        assistente_id uuid NOT NULL REFERENCES assistente (id),
        sportello text NOT NULL,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_CANDIDATURA)})),
        dichiarazioni jsonb NOT NULL,
        scheda jsonb NOT NULL,
        documenti jsonb NOT NULL,
        requisiti_id uuid NOT NULL REFERENCES requisiti_iscrizione (id),
        verifica jsonb NOT NULL,
        presentata_da text NOT NULL,
        presentata_il timestamptz NOT NULL DEFAULT now(),
        decisa_da text,
        decisa_il timestamptz,
        motivazione text,
        CONSTRAINT ck_candidatura_decisa CHECK ((stato = 'presentata') = (decisa_il IS NULL)),
        CONSTRAINT ck_candidatura_respinta CHECK (stato <> 'respinta' OR motivazione IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_candidatura_assistente ON candidatura (assistente_id)`);
    // One open candidatura per assistant and registro: a second desk sees the first one.
    await q.query(
      `CREATE UNIQUE INDEX uq_candidatura_aperta ON candidatura (registro, assistente_id) WHERE stato = 'presentata'`,
    );

    await q.query(`
      CREATE TABLE iscrizione (
        id uuid PRIMARY KEY,
        registro text NOT NULL,
        assistente_id uuid NOT NULL REFERENCES assistente (id),
        candidatura_id uuid NOT NULL REFERENCES candidatura (id),
        sportello text NOT NULL,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_ISCRIZIONE)})),
        iscritta_il date NOT NULL,
        requisiti_id uuid NOT NULL REFERENCES requisiti_iscrizione (id),
        permesso_scadenza date,
        causa_sospensione text CHECK (causa_sospensione IN (${sqlValueList(CAUSE_SOSPENSIONE_ISCRIZIONE)})),
        causa_cancellazione text CHECK (causa_cancellazione IN (${sqlValueList(CAUSE_CANCELLAZIONE)})),
        aggiornata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_iscrizione_sospesa CHECK ((stato = 'sospesa') = (causa_sospensione IS NOT NULL)),
        CONSTRAINT ck_iscrizione_cancellata CHECK ((stato = 'cancellata') = (causa_cancellazione IS NOT NULL))
      )`);
    // One live iscrizione per assistant and registro; a cancelled one stays, with its history.
    await q.query(
      `CREATE UNIQUE INDEX uq_iscrizione_viva ON iscrizione (registro, assistente_id) WHERE stato <> 'cancellata'`,
    );
    // The re-verification: active iscrizioni whose permit expires.
    await q.query(
      `CREATE INDEX ix_iscrizione_permesso ON iscrizione (registro, permesso_scadenza) WHERE stato = 'attiva' AND permesso_scadenza IS NOT NULL`,
    );

    // The scheda (art. 7 c. 2: competences, training, hours), read by the public list and the matching.
    // disponibilita: hour slots of the week, day index (Monday 0) × 24 + hour, each an hour from it.
    await q.query(`
      CREATE TABLE scheda (
        iscrizione_id uuid PRIMARY KEY REFERENCES iscrizione (id),
        competenze text[] NOT NULL CHECK (competenze <@ ARRAY[${sqlValueList(COMPETENZE_ASSISTENTE)}]::text[]),
        formazione jsonb NOT NULL,
        disponibilita smallint[] NOT NULL CHECK (0 <= ALL (disponibilita) AND 167 >= ALL (disponibilita)),
        lingue text[] NOT NULL,
        aree text[] NOT NULL,
        convivente boolean NOT NULL,
        esperienza_mesi integer NOT NULL CHECK (esperienza_mesi >= 0),
        aggiornata_il timestamptz NOT NULL DEFAULT now()
      )`);
    for (const colonna of ['competenze', 'disponibilita', 'lingue', 'aree'])
      await q.query(`CREATE INDEX ix_scheda_${colonna} ON scheda USING gin (${colonna})`);

    // What the assistant consented to publish; a revocation closes the row, a new consent is a new row.
    await q.query(`
      CREATE TABLE consenso_pubblicazione (
        id uuid PRIMARY KEY,
        iscrizione_id uuid NOT NULL REFERENCES iscrizione (id),
        campi text[] NOT NULL CHECK (campi <@ ARRAY[${sqlValueList(CAMPI_PUBBLICABILI)}]::text[]),
        documento text NOT NULL,
        dato_il timestamptz NOT NULL DEFAULT now(),
        registrato_da text NOT NULL,
        revocato_il timestamptz,
        revocato_da text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_consenso_in_vigore ON consenso_pubblicazione (iscrizione_id) WHERE revocato_il IS NULL`,
    );

    // Full history of each iscrizione, append-only.
    await q.query(`
      CREATE TABLE storia_iscrizione (
        id bigserial PRIMARY KEY,
        iscrizione_id uuid NOT NULL REFERENCES iscrizione (id),
        tipo text NOT NULL CHECK (tipo IN (${sqlValueList(TIPI_STORIA_ISCRIZIONE)})),
        causa text,
        motivazione text,
        dettagli jsonb,
        da text NOT NULL,
        il timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX ix_storia_iscrizione ON storia_iscrizione (iscrizione_id, id)`);

    // The version of each registro's public list: bumped in the transaction of every change that alters
    // it, so that every replica's cache of the list is invalid as soon as the change commits.
    await q.query(`
      CREATE TABLE registro_pubblico (
        registro text PRIMARY KEY,
        versione bigint NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'registro_pubblico',
      'storia_iscrizione',
      'consenso_pubblicazione',
      'scheda',
      'iscrizione',
      'candidatura',
      'assistente',
      'requisiti_iscrizione',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
