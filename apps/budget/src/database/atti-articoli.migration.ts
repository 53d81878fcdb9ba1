import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly, sqlValueList } from '@ambito/persistence';
import {
  CAUSALI_RIDUZIONE,
  OPERAZIONI_ABILITABILI,
  ORGANI_VARIAZIONE,
  TIPI_ATTO,
  TIPI_CREDITORE,
  TIPI_MOVIMENTO,
} from '@ambito/contracts';

/** The vocabularies before this migration, for `down`. */
const MOVIMENTI_PRECEDENTI = ['assegnazione', 'dotazione', 'impegno', 'liberazione', 'liquidazione'];
const CAUSALI_PRECEDENTI = ['rinuncia', 'revoca', 'decadenza', 'riduzione'];

/** The balances trigger of this migration: `riduzione` instead of `liberazione`, and `pagamento`. */
const AGGIORNA_SALDI = `
  CREATE OR REPLACE FUNCTION movimento_aggiorna_saldi() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    CASE NEW.tipo
      WHEN 'assegnazione' THEN
        INSERT INTO saldo_annualita (annualita_id, assegnato_centesimi) VALUES (NEW.annualita_id, NEW.importo_centesimi)
        ON CONFLICT (annualita_id) DO UPDATE
          SET assegnato_centesimi = saldo_annualita.assegnato_centesimi + EXCLUDED.assegnato_centesimi;
        RETURN NULL;
      WHEN 'dotazione' THEN
        UPDATE saldo_annualita SET dotato_centesimi = dotato_centesimi + NEW.importo_centesimi
          WHERE annualita_id = NEW.annualita_id;
        INSERT INTO saldo_dotazione (annualita_id, linea_id, dotato_centesimi)
          VALUES (NEW.annualita_id, NEW.linea_id, NEW.importo_centesimi)
        ON CONFLICT (annualita_id, linea_id) DO UPDATE
          SET dotato_centesimi = saldo_dotazione.dotato_centesimi + EXCLUDED.dotato_centesimi;
        RETURN NULL;
      WHEN 'impegno' THEN
        UPDATE saldo_dotazione SET impegnato_centesimi = impegnato_centesimi + NEW.importo_centesimi
          WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
        IF FOUND THEN
          UPDATE impegno SET importo_centesimi = importo_centesimi + NEW.importo_centesimi WHERE id = NEW.impegno_id;
        END IF;
      WHEN 'riduzione' THEN
        UPDATE saldo_dotazione SET impegnato_centesimi = impegnato_centesimi - NEW.importo_centesimi
          WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
        IF FOUND THEN
          UPDATE impegno SET importo_centesimi = importo_centesimi - NEW.importo_centesimi WHERE id = NEW.impegno_id;
        END IF;
      WHEN 'liquidazione' THEN
        UPDATE saldo_dotazione SET liquidato_centesimi = liquidato_centesimi + NEW.importo_centesimi
          WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
        IF FOUND THEN
          UPDATE impegno SET liquidato_centesimi = liquidato_centesimi + NEW.importo_centesimi WHERE id = NEW.impegno_id;
        END IF;
      WHEN 'pagamento' THEN
        UPDATE saldo_dotazione SET pagato_centesimi = pagato_centesimi + NEW.importo_centesimi
          WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
        IF FOUND THEN
          UPDATE impegno SET pagato_centesimi = pagato_centesimi + NEW.importo_centesimi WHERE id = NEW.impegno_id;
        END IF;
    END CASE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'movimento % su una linea senza dotazione del fondo', NEW.tipo
        USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
  END $$`;

/** A liquidazione is final; only its mandato is added, once, when the payment order is issued. */
const LIQUIDAZIONE_SOLO_MANDATO = `
  CREATE OR REPLACE FUNCTION liquidazione_solo_mandato() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'DELETE' OR OLD.mandato_id IS NOT NULL OR NEW.mandato_id IS NULL
       OR (NEW.id, NEW.impegno_id, NEW.importo_centesimi, NEW.periodo, NEW.registrata_il, NEW.registrata_da)
          IS DISTINCT FROM (OLD.id, OLD.impegno_id, OLD.importo_centesimi, OLD.periodo, OLD.registrata_il, OLD.registrata_da)
    THEN
      RAISE EXCEPTION 'una liquidazione non si modifica né si cancella: si aggiunge solo il mandato, una volta'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END $$`;

/**
 * Issue 8, points 3 and 5.
 *
 * - **Articoli** of a line (PEG capitolo → articolo): a line may be split into articoli, each bound to
 *   one fund (spesa vincolata), e.g. "7.10 Misure distrettuali e regionali" into B2 per area, Dopo di
 *   Noi, Pro.Vi. An articolo is a `linea` row with its parent and its fund, so the balances, their
 *   CHECKs and the line lock hold for it as they hold for a line.
 * - **Acts and duties** (TUEL artt. 183–185): an impegno records its determina and its creditore; the
 *   mandato is a table of its own (one mandato pays several liquidazioni) and its payments are
 *   movements (`pagamento`) with a balance `pagato ≤ liquidato`; a liquidazione una tantum has no
 *   period; a variazione records its act and is decided by someone other than its proposer;
 *   `liberazione` becomes `riduzione` (the freed amount is an economia d'impegno).
 * - **Abilitazioni** of calling services: which service may commit, liquidate or reduce on which line,
 *   for which period, by which act.
 *
 * Rows written before keep what they had: an impegno's determina and creditore are required of those
 * registered from this migration on; the variazioni's act and four eyes are CHECKs `NOT VALID` (a
 * decided variazione is never updated again, so they bind every decision from now on). Old movements and causali are renamed to the new
 * vocabulary (the only change ever made to the ledger's rows: names, not amounts or times).
 */
export class AttiArticoli1764700000000 implements MigrationInterface {
  name = 'AttiArticoli1764700000000';

  async up(q: QueryRunner): Promise<void> {
    // Articoli: one level below a line, bound to one fund.
    await q.query(`
      ALTER TABLE linea
        ADD COLUMN linea_padre_id uuid REFERENCES linea (id),
        ADD COLUMN fondo_vincolo text REFERENCES fondo (codice),
        ADD CONSTRAINT ck_linea_articolo CHECK ((linea_padre_id IS NULL) = (fondo_vincolo IS NULL))`);
    await q.query(`CREATE INDEX ix_linea_padre ON linea (linea_padre_id) WHERE linea_padre_id IS NOT NULL`);

    // Mandati: one pays several liquidazioni. Textual mandati recorded before become rows (`migrato`).
    await q.query(`
      CREATE TABLE mandato (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        numero text NOT NULL,
        esercizio integer NOT NULL CHECK (esercizio BETWEEN 2000 AND 2100),
        data date,
        migrato boolean NOT NULL DEFAULT false,
        registrato_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrato_da text NOT NULL,
        CONSTRAINT uq_mandato_numero UNIQUE (esercizio, numero),
        CONSTRAINT ck_mandato_data CHECK (migrato OR (data IS NOT NULL AND extract(year FROM data) = esercizio))
      )`);
    await makeAppendOnly(q, 'mandato', 'un mandato emesso non si modifica né si cancella');
    await q.query(`ALTER TABLE liquidazione ADD COLUMN mandato_id uuid REFERENCES mandato (id)`);
    await q.query(`CREATE INDEX ix_liquidazione_mandato ON liquidazione (mandato_id)`);
    await q.query(`
      INSERT INTO mandato (numero, esercizio, migrato, registrato_da)
      SELECT mandato, extract(year FROM min(registrata_il))::int, true, 'migrazione'
        FROM liquidazione WHERE mandato IS NOT NULL GROUP BY mandato`);
    await q.query(`ALTER TABLE liquidazione DISABLE TRIGGER tr_liquidazione_solo_mandato`);
    await q.query(`
      UPDATE liquidazione l SET mandato_id = m.id FROM mandato m WHERE m.migrato AND m.numero = l.mandato`);
    await q.query(`ALTER TABLE liquidazione ENABLE TRIGGER tr_liquidazione_solo_mandato`);
    await q.query(LIQUIDAZIONE_SOLO_MANDATO);
    await q.query(`ALTER TABLE liquidazione DROP COLUMN mandato`);
    // A one-off liquidazione has no monthly period.
    await q.query(`ALTER TABLE liquidazione ALTER COLUMN periodo DROP NOT NULL`);

    // Impegno: its determina and its creditore (TUEL art. 183); what has been paid of it.
    await q.query(`
      ALTER TABLE impegno
        ADD COLUMN atto_numero text,
        ADD COLUMN atto_data date,
        ADD COLUMN creditore_tipo text CHECK (creditore_tipo IN (${sqlValueList(TIPI_CREDITORE)})),
        ADD COLUMN creditore_identificativo text,
        ADD COLUMN creditore_denominazione text,
        ADD COLUMN pagato_centesimi bigint NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_impegno_pagato CHECK (pagato_centesimi BETWEEN 0 AND liquidato_centesimi)`);
    // Required from now on. Not `NOT VALID`: the balances trigger updates old impegni (a riduzione, a
    // liquidazione), and a NOT VALID CHECK would refuse those updates; the rows registered before this
    // migration (the instant is fixed here, in the constraint) keep what they had.
    const [{ ora }] = (await q.query(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ora`,
    )) as Array<{ ora: string }>;
    await q.query(`
      ALTER TABLE impegno ADD CONSTRAINT ck_impegno_atto_creditore CHECK (
        registrato_il < '${ora}'::timestamptz
        OR (atto_numero IS NOT NULL AND atto_data IS NOT NULL AND creditore_tipo IS NOT NULL
            AND creditore_identificativo IS NOT NULL))`);
    await q.query(`
      ALTER TABLE saldo_dotazione
        ADD COLUMN pagato_centesimi bigint NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_saldo_dotazione_pagato CHECK (pagato_centesimi BETWEEN 0 AND liquidato_centesimi)`);

    // The ledger: riduzione (was liberazione) and pagamento, the latter tied to its mandato.
    await q.query(`ALTER TABLE movimento ADD COLUMN mandato_id uuid REFERENCES mandato (id)`);
    await q.query(`ALTER TABLE movimento DROP CONSTRAINT movimento_tipo_check, DROP CONSTRAINT movimento_causale_check,
                     DROP CONSTRAINT ck_movimento_forma`);
    await q.query(`ALTER TABLE movimento DISABLE TRIGGER tr_movimento_append_only`);
    await q.query(`UPDATE movimento SET tipo = 'riduzione' WHERE tipo = 'liberazione'`);
    await q.query(`UPDATE movimento SET causale = 'economia' WHERE causale = 'riduzione'`);
    await q.query(`ALTER TABLE movimento ENABLE TRIGGER tr_movimento_append_only`);
    await q.query(`
      ALTER TABLE movimento
        ADD CONSTRAINT movimento_tipo_check CHECK (tipo IN (${sqlValueList(TIPI_MOVIMENTO)})),
        ADD CONSTRAINT movimento_causale_check CHECK (causale IN (${sqlValueList(CAUSALI_RIDUZIONE)})),
        ADD CONSTRAINT ck_movimento_forma CHECK (
          (tipo = 'assegnazione' AND assegnazione_id IS NOT NULL AND linea_id IS NULL)
          OR (tipo = 'dotazione' AND dotazione_id IS NOT NULL AND linea_id IS NOT NULL)
          OR (tipo = 'impegno' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NULL)
          OR (tipo = 'riduzione' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NOT NULL)
          OR (tipo = 'liquidazione' AND liquidazione_id IS NOT NULL AND impegno_id IS NOT NULL AND linea_id IS NOT NULL)
          OR (tipo = 'pagamento' AND mandato_id IS NOT NULL AND liquidazione_id IS NOT NULL AND impegno_id IS NOT NULL
              AND linea_id IS NOT NULL)
        )`);
    await q.query(AGGIORNA_SALDI);
    // The mandati recorded before this migration: their payments enter the ledger now.
    await q.query(`
      INSERT INTO movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, liquidazione_id, mandato_id, registrato_da)
      SELECT 'pagamento', l.importo_centesimi, i.annualita_id, i.linea_id, i.id, l.id, l.mandato_id, 'migrazione'
        FROM liquidazione l JOIN impegno i ON i.id = l.impegno_id WHERE l.mandato_id IS NOT NULL
       ORDER BY l.registrata_il`);

    // Variazioni: the act that approves them, and two people (four eyes).
    await q.query(`
      ALTER TABLE variazione_preventivo
        ADD COLUMN atto_organo text CHECK (atto_organo IN (${sqlValueList(ORGANI_VARIAZIONE)})),
        ADD COLUMN atto_numero text,
        ADD COLUMN atto_data date,
        ADD COLUMN atto_delega text,
        ADD CONSTRAINT ck_variazione_delega CHECK ((atto_organo = 'organo-delegato') = (atto_delega IS NOT NULL))`);
    await q.query(`
      ALTER TABLE variazione_preventivo
        ADD CONSTRAINT ck_variazione_atto CHECK (
          stato <> 'approvata' OR (atto_organo IS NOT NULL AND atto_numero IS NOT NULL AND atto_data IS NOT NULL)) NOT VALID,
        ADD CONSTRAINT ck_variazione_quattro_occhi CHECK (decisa_da IS NULL OR decisa_da <> proposta_da) NOT VALID`);

    // Abilitazioni of the calling services (the misure service commits with its own identity).
    await q.query(`
      CREATE TABLE abilitazione_servizio (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        servizio text NOT NULL CHECK (servizio ~ '^[a-z][a-z0-9-]{1,39}$'),
        linea_id uuid NOT NULL REFERENCES linea (id),
        operazioni text[] NOT NULL CHECK (cardinality(operazioni) > 0
          AND operazioni <@ ARRAY[${sqlValueList(OPERAZIONI_ABILITABILI)}]::text[]),
        valido_dal date NOT NULL,
        valido_al date,
        atto_tipo text NOT NULL CHECK (atto_tipo IN (${sqlValueList(TIPI_ATTO)})),
        atto_numero text NOT NULL,
        atto_data date NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrata_da text NOT NULL,
        revocata_dal date,
        revocata_il timestamptz,
        revocata_da text,
        CONSTRAINT ck_abilitazione_validita CHECK (valido_al IS NULL OR valido_al >= valido_dal),
        CONSTRAINT ck_abilitazione_revoca CHECK (
          (revocata_il IS NULL) = (revocata_da IS NULL) AND (revocata_il IS NULL) = (revocata_dal IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_abilitazione_servizio ON abilitazione_servizio (servizio, linea_id)`);
    // A grant is history: it is only ever revoked (from a day), once.
    await q.query(`
      CREATE FUNCTION abilitazione_solo_revoca() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.revocata_il IS NOT NULL OR NEW.revocata_il IS NULL
           OR (NEW.id, NEW.servizio, NEW.linea_id, NEW.operazioni, NEW.valido_dal, NEW.valido_al, NEW.atto_tipo,
               NEW.atto_numero, NEW.atto_data, NEW.registrata_il, NEW.registrata_da)
              IS DISTINCT FROM (OLD.id, OLD.servizio, OLD.linea_id, OLD.operazioni, OLD.valido_dal, OLD.valido_al,
               OLD.atto_tipo, OLD.atto_numero, OLD.atto_data, OLD.registrata_il, OLD.registrata_da)
        THEN
          RAISE EXCEPTION 'un’abilitazione non si modifica né si cancella: si revoca, una volta'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_abilitazione_solo_revoca BEFORE UPDATE OR DELETE ON abilitazione_servizio
      FOR EACH ROW EXECUTE FUNCTION abilitazione_solo_revoca()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE abilitazione_servizio`);
    await q.query(`DROP FUNCTION abilitazione_solo_revoca`);
    await q.query(`
      ALTER TABLE variazione_preventivo DROP COLUMN atto_organo, DROP COLUMN atto_numero, DROP COLUMN atto_data,
        DROP COLUMN atto_delega, DROP CONSTRAINT ck_variazione_quattro_occhi`);
    // Payments leave the ledger with the mandato table (a down migration loses them by definition).
    await q.query(`ALTER TABLE movimento DISABLE TRIGGER USER`);
    await q.query(`DELETE FROM movimento WHERE tipo = 'pagamento'`);
    await q.query(`ALTER TABLE movimento DROP CONSTRAINT movimento_tipo_check, DROP CONSTRAINT movimento_causale_check,
                     DROP CONSTRAINT ck_movimento_forma`);
    await q.query(`UPDATE movimento SET tipo = 'liberazione' WHERE tipo = 'riduzione'`);
    await q.query(`UPDATE movimento SET causale = 'riduzione' WHERE causale = 'economia'`);
    await q.query(`ALTER TABLE movimento ENABLE TRIGGER USER`);
    await q.query(`
      ALTER TABLE movimento
        ADD CONSTRAINT movimento_tipo_check CHECK (tipo IN (${sqlValueList(MOVIMENTI_PRECEDENTI)})),
        ADD CONSTRAINT movimento_causale_check CHECK (causale IN (${sqlValueList(CAUSALI_PRECEDENTI)})),
        ADD CONSTRAINT ck_movimento_forma CHECK (
          (tipo = 'assegnazione' AND assegnazione_id IS NOT NULL AND linea_id IS NULL)
          OR (tipo = 'dotazione' AND dotazione_id IS NOT NULL AND linea_id IS NOT NULL)
          OR (tipo = 'impegno' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NULL)
          OR (tipo = 'liberazione' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NOT NULL)
          OR (tipo = 'liquidazione' AND liquidazione_id IS NOT NULL AND impegno_id IS NOT NULL AND linea_id IS NOT NULL)
        )`);
    await q.query(`ALTER TABLE movimento DROP COLUMN mandato_id`);
    await q.query(
      AGGIORNA_SALDI.replace(`'riduzione'`, `'liberazione'`).replace(/WHEN 'pagamento'[\s\S]*?END IF;\n/, ''),
    );
    await q.query(`ALTER TABLE saldo_dotazione DROP COLUMN pagato_centesimi`);
    await q.query(`
      ALTER TABLE impegno DROP CONSTRAINT ck_impegno_atto_creditore, DROP COLUMN atto_numero, DROP COLUMN atto_data,
        DROP COLUMN creditore_tipo, DROP COLUMN creditore_identificativo, DROP COLUMN creditore_denominazione,
        DROP COLUMN pagato_centesimi`);
    await q.query(`ALTER TABLE liquidazione ADD COLUMN mandato text`);
    await q.query(`ALTER TABLE liquidazione DISABLE TRIGGER tr_liquidazione_solo_mandato`);
    await q.query(`UPDATE liquidazione l SET mandato = m.numero FROM mandato m WHERE m.id = l.mandato_id`);
    await q.query(
      `UPDATE liquidazione SET periodo = to_char(registrata_il, 'YYYY-MM') WHERE periodo IS NULL`,
    );
    await q.query(`ALTER TABLE liquidazione ENABLE TRIGGER tr_liquidazione_solo_mandato`);
    await q.query(`ALTER TABLE liquidazione ALTER COLUMN periodo SET NOT NULL`);
    await q.query(LIQUIDAZIONE_SOLO_MANDATO.replace(/mandato_id/g, 'mandato'));
    await q.query(`ALTER TABLE liquidazione DROP COLUMN mandato_id`);
    await q.query(`DROP TABLE mandato`);
    await q.query(`DROP FUNCTION mandato_append_only`);
    await q.query(`
      ALTER TABLE linea DROP CONSTRAINT ck_linea_articolo, DROP COLUMN linea_padre_id, DROP COLUMN fondo_vincolo`);
  }
}
