import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly, sqlValueList } from '@ambito/persistence';
import {
  CATEGORIE_LINEA,
  CAUSALI_LIBERAZIONE,
  TIPI_ATTO,
  TIPI_MOVIMENTO,
  TIPI_REGOLA,
} from '@ambito/contracts';

/**
 * Funds, annualità, spending lines, the append-only ledger of movements and the balances derived from
 * it. The ledger is the source of truth; the `saldo_*` rows are a projection kept by a trigger in the
 * same transaction, and their CHECK constraints make over-commitment impossible even for a writer that
 * forgot to lock: PostgreSQL refuses the movement that would take a balance below zero.
 */
export class CreateBudget1764000000000 implements MigrationInterface {
  name = 'CreateBudget1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fondo (
        codice text PRIMARY KEY,
        denominazione text NOT NULL,
        fondo_padre text REFERENCES fondo (codice)
      )`);

    // Law as data: which lines a fund may finance, quota ceilings and minimum cofinanziamento, each with
    // its validity period and legal act. A new DGR adds rows; rules are applied at the operation's date.
    await q.query(`
      CREATE TABLE regola_fondo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fondo text NOT NULL REFERENCES fondo (codice),
        tipo text NOT NULL CHECK (tipo IN (${sqlValueList(TIPI_REGOLA)})),
        categoria text NOT NULL CHECK (categoria IN (${sqlValueList(CATEGORIE_LINEA)})),
        punti_base integer CHECK (punti_base BETWEEN 0 AND 10000),
        fondo_cofinanziamento text REFERENCES fondo (codice),
        valido_dal date NOT NULL,
        valido_al date,
        atto text NOT NULL,
        CONSTRAINT ck_regola_validita CHECK (valido_al IS NULL OR valido_al >= valido_dal),
        CONSTRAINT ck_regola_percentuale CHECK ((tipo = 'categoria-ammessa') = (punti_base IS NULL)),
        CONSTRAINT ck_regola_cofinanziamento CHECK ((tipo = 'cofinanziamento-minimo') = (fondo_cofinanziamento IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_regola_fondo ON regola_fondo (fondo, tipo, valido_dal)`);

    await q.query(`
      CREATE TABLE annualita (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fondo text NOT NULL REFERENCES fondo (codice),
        anno integer NOT NULL CHECK (anno BETWEEN 2000 AND 2100),
        creata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_annualita UNIQUE (fondo, anno)
      )`);
    await q.query(`
      CREATE TABLE assegnazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        annualita_id uuid NOT NULL REFERENCES annualita (id),
        atto_tipo text NOT NULL CHECK (atto_tipo IN (${sqlValueList(TIPI_ATTO)})),
        atto_numero text NOT NULL,
        atto_data date NOT NULL,
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        registrata_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrata_da text NOT NULL
      )`);

    await q.query(`
      CREATE TABLE linea (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        codice text NOT NULL,
        denominazione text NOT NULL,
        esercizio integer NOT NULL CHECK (esercizio BETWEEN 2000 AND 2100),
        categoria text NOT NULL CHECK (categoria IN (${sqlValueList(CATEGORIE_LINEA)})),
        obiettivo text,
        preventivo_centesimi bigint NOT NULL CHECK (preventivo_centesimi >= 0),
        registrata_il timestamptz NOT NULL DEFAULT now(),
        registrata_da text NOT NULL,
        CONSTRAINT uq_linea_codice UNIQUE (codice)
      )`);
    await q.query(`
      CREATE TABLE dotazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        annualita_id uuid NOT NULL REFERENCES annualita (id),
        linea_id uuid NOT NULL REFERENCES linea (id),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        atto text,
        registrata_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrata_da text NOT NULL
      )`);

    // importo/liquidato are projections of the ledger (set by the trigger below), never written directly.
    await q.query(`
      CREATE TABLE impegno (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        chiave_idempotenza text NOT NULL,
        impronta text NOT NULL,
        linea_id uuid NOT NULL REFERENCES linea (id),
        annualita_id uuid NOT NULL REFERENCES annualita (id),
        descrizione text NOT NULL,
        riferimento text,
        comune_residenza text,
        importo_iniziale_centesimi bigint NOT NULL CHECK (importo_iniziale_centesimi > 0),
        importo_centesimi bigint NOT NULL DEFAULT 0,
        liquidato_centesimi bigint NOT NULL DEFAULT 0,
        registrato_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrato_da text NOT NULL,
        CONSTRAINT uq_impegno_chiave UNIQUE (chiave_idempotenza),
        CONSTRAINT ck_impegno_importo CHECK (importo_centesimi BETWEEN 0 AND importo_iniziale_centesimi),
        CONSTRAINT ck_impegno_liquidato CHECK (liquidato_centesimi BETWEEN 0 AND importo_centesimi)
      )`);
    await q.query(`CREATE INDEX ix_impegno_linea ON impegno (linea_id)`);
    await q.query(`
      CREATE TABLE liquidazione (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        impegno_id uuid NOT NULL REFERENCES impegno (id),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        periodo text NOT NULL CHECK (periodo ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        mandato text,
        registrata_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrata_da text NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_liquidazione_impegno ON liquidazione (impegno_id)`);
    // A payment is final; only its mandato is added, once, when the payment order is issued.
    await q.query(`
      CREATE FUNCTION liquidazione_solo_mandato() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.mandato IS NOT NULL OR NEW.mandato IS NULL
           OR (NEW.id, NEW.impegno_id, NEW.importo_centesimi, NEW.periodo, NEW.registrata_il, NEW.registrata_da)
              IS DISTINCT FROM (OLD.id, OLD.impegno_id, OLD.importo_centesimi, OLD.periodo, OLD.registrata_il, OLD.registrata_da)
        THEN
          RAISE EXCEPTION 'una liquidazione non si modifica né si cancella: si aggiunge solo il mandato, una volta'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_liquidazione_solo_mandato BEFORE UPDATE OR DELETE ON liquidazione
      FOR EACH ROW EXECUTE FUNCTION liquidazione_solo_mandato()`);

    // Variations of the piano operativo: proposed, then decided once by the Ufficio di Piano; kept.
    await q.query(`
      CREATE TABLE variazione_preventivo (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        linea_id uuid NOT NULL REFERENCES linea (id),
        preventivo_precedente_centesimi bigint NOT NULL CHECK (preventivo_precedente_centesimi >= 0),
        preventivo_centesimi bigint NOT NULL CHECK (preventivo_centesimi >= 0),
        motivazione text NOT NULL,
        stato text NOT NULL DEFAULT 'proposta' CHECK (stato IN ('proposta', 'approvata', 'respinta')),
        proposta_da text NOT NULL,
        proposta_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        decisa_da text,
        decisa_il timestamptz,
        CONSTRAINT ck_variazione_decisione CHECK ((stato = 'proposta') = (decisa_da IS NULL AND decisa_il IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_variazione_linea ON variazione_preventivo (linea_id, proposta_il)`);
    await q.query(`
      CREATE FUNCTION variazione_decisa_una_volta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.stato <> 'proposta' THEN
          RAISE EXCEPTION 'una variazione decisa resta nello storico: non si modifica né si cancella'
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_variazione_decisa_una_volta BEFORE UPDATE OR DELETE ON variazione_preventivo
      FOR EACH ROW EXECUTE FUNCTION variazione_decisa_una_volta()`);

    await q.query(`
      CREATE TABLE movimento (
        id bigserial PRIMARY KEY,
        il timestamptz NOT NULL DEFAULT clock_timestamp(),
        tipo text NOT NULL CHECK (tipo IN (${sqlValueList(TIPI_MOVIMENTO)})),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi > 0),
        annualita_id uuid NOT NULL REFERENCES annualita (id),
        linea_id uuid REFERENCES linea (id),
        assegnazione_id uuid REFERENCES assegnazione (id),
        dotazione_id uuid REFERENCES dotazione (id),
        impegno_id uuid REFERENCES impegno (id),
        liquidazione_id uuid REFERENCES liquidazione (id),
        causale text CHECK (causale IN (${sqlValueList(CAUSALI_LIBERAZIONE)})),
        registrato_da text NOT NULL,
        correlation_id text,
        CONSTRAINT ck_movimento_forma CHECK (
          (tipo = 'assegnazione' AND assegnazione_id IS NOT NULL AND linea_id IS NULL)
          OR (tipo = 'dotazione' AND dotazione_id IS NOT NULL AND linea_id IS NOT NULL)
          OR (tipo = 'impegno' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NULL)
          OR (tipo = 'liberazione' AND impegno_id IS NOT NULL AND linea_id IS NOT NULL AND causale IS NOT NULL)
          OR (tipo = 'liquidazione' AND liquidazione_id IS NOT NULL AND impegno_id IS NOT NULL AND linea_id IS NOT NULL)
        )
      )`);
    await q.query(`CREATE INDEX ix_movimento_annualita ON movimento (annualita_id, il)`);
    await q.query(`CREATE INDEX ix_movimento_linea ON movimento (linea_id, il)`);
    await makeAppendOnly(
      q,
      'movimento',
      'il registro dei movimenti non si modifica né si cancella: registrare un movimento di rettifica',
    );
    for (const tabella of ['assegnazione', 'dotazione']) {
      await q.query(`
        CREATE TRIGGER tr_${tabella}_append_only BEFORE UPDATE OR DELETE ON ${tabella}
        FOR EACH ROW EXECUTE FUNCTION movimento_append_only()`);
    }

    await q.query(`
      CREATE TABLE saldo_annualita (
        annualita_id uuid PRIMARY KEY REFERENCES annualita (id),
        assegnato_centesimi bigint NOT NULL DEFAULT 0,
        dotato_centesimi bigint NOT NULL DEFAULT 0,
        CONSTRAINT ck_saldo_annualita_residuo CHECK (dotato_centesimi BETWEEN 0 AND assegnato_centesimi)
      )`);
    await q.query(`
      CREATE TABLE saldo_dotazione (
        annualita_id uuid NOT NULL REFERENCES annualita (id),
        linea_id uuid NOT NULL REFERENCES linea (id),
        dotato_centesimi bigint NOT NULL DEFAULT 0,
        impegnato_centesimi bigint NOT NULL DEFAULT 0,
        liquidato_centesimi bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (annualita_id, linea_id),
        CONSTRAINT ck_saldo_dotazione_impegnato CHECK (impegnato_centesimi BETWEEN 0 AND dotato_centesimi),
        CONSTRAINT ck_saldo_dotazione_liquidato CHECK (liquidato_centesimi BETWEEN 0 AND impegnato_centesimi)
      )`);
    await q.query(`
      CREATE FUNCTION movimento_aggiorna_saldi() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        CASE NEW.tipo
          WHEN 'assegnazione' THEN
            INSERT INTO saldo_annualita (annualita_id, assegnato_centesimi) VALUES (NEW.annualita_id, NEW.importo_centesimi)
            ON CONFLICT (annualita_id) DO UPDATE
              SET assegnato_centesimi = saldo_annualita.assegnato_centesimi + EXCLUDED.assegnato_centesimi;
          WHEN 'dotazione' THEN
            UPDATE saldo_annualita SET dotato_centesimi = dotato_centesimi + NEW.importo_centesimi
              WHERE annualita_id = NEW.annualita_id;
            INSERT INTO saldo_dotazione (annualita_id, linea_id, dotato_centesimi)
              VALUES (NEW.annualita_id, NEW.linea_id, NEW.importo_centesimi)
            ON CONFLICT (annualita_id, linea_id) DO UPDATE
              SET dotato_centesimi = saldo_dotazione.dotato_centesimi + EXCLUDED.dotato_centesimi;
          WHEN 'impegno' THEN
            UPDATE saldo_dotazione SET impegnato_centesimi = impegnato_centesimi + NEW.importo_centesimi
              WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'movimento % su una linea senza dotazione del fondo', NEW.tipo
                USING ERRCODE = 'foreign_key_violation';
            END IF;
            UPDATE impegno SET importo_centesimi = importo_centesimi + NEW.importo_centesimi WHERE id = NEW.impegno_id;
          WHEN 'liberazione' THEN
            UPDATE saldo_dotazione SET impegnato_centesimi = impegnato_centesimi - NEW.importo_centesimi
              WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'movimento % su una linea senza dotazione del fondo', NEW.tipo
                USING ERRCODE = 'foreign_key_violation';
            END IF;
            UPDATE impegno SET importo_centesimi = importo_centesimi - NEW.importo_centesimi WHERE id = NEW.impegno_id;
          WHEN 'liquidazione' THEN
            UPDATE saldo_dotazione SET liquidato_centesimi = liquidato_centesimi + NEW.importo_centesimi
              WHERE annualita_id = NEW.annualita_id AND linea_id = NEW.linea_id;
            IF NOT FOUND THEN
              RAISE EXCEPTION 'movimento % su una linea senza dotazione del fondo', NEW.tipo
                USING ERRCODE = 'foreign_key_violation';
            END IF;
            UPDATE impegno SET liquidato_centesimi = liquidato_centesimi + NEW.importo_centesimi WHERE id = NEW.impegno_id;
        END CASE;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_movimento_aggiorna_saldi AFTER INSERT ON movimento
      FOR EACH ROW EXECUTE FUNCTION movimento_aggiorna_saldi()`);

    await q.query(`
      CREATE TABLE quota_capitaria (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        anno integer NOT NULL CHECK (anno BETWEEN 2000 AND 2100),
        quota_per_abitante_centesimi bigint NOT NULL CHECK (quota_per_abitante_centesimi > 0),
        solidarieta_per_abitante_centesimi bigint NOT NULL DEFAULT 0 CHECK (solidarieta_per_abitante_centesimi >= 0),
        data_riferimento_abitanti date NOT NULL,
        atto text NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT clock_timestamp(),
        registrata_da text NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_quota_capitaria_anno ON quota_capitaria (anno, registrata_il DESC)`);
    await q.query(`
      CREATE TABLE abitanti_comune (
        istat text NOT NULL CHECK (istat ~ '^[0-9]{6}$'),
        data_riferimento date NOT NULL,
        denominazione text NOT NULL,
        abitanti integer NOT NULL CHECK (abitanti >= 0),
        registrati_il timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (istat, data_riferimento)
      )`);

    await this.seed(q);
  }

  /** The funds of the ambito and the rules known at 2020 (regole-lombardia §10, rules 30–31 and 19). */
  private async seed(q: QueryRunner): Promise<void> {
    const fondi: Array<[string, string, string | null]> = [
      ['FNA', 'Fondo Nazionale per le Non Autosufficienze', null],
      ['FNA-B2', 'FNA – Misura B2', 'FNA'],
      ['FNA-PROVI', 'FNA – Progetti di Vita Indipendente (Pro.Vi.)', 'FNA'],
      ['FNPS', 'Fondo Nazionale per le Politiche Sociali', null],
      ['FSR', 'Fondo Sociale Regionale', null],
      ['FONDO-POVERTA', 'Fondo Povertà', null],
      ['QSFP', 'Fondo Povertà – Quota Servizi (QSFP)', 'FONDO-POVERTA'],
      ['QPE', 'Fondo Povertà – Quota Povertà Estrema (QPE)', 'FONDO-POVERTA'],
      ['DDN', 'Dopo di Noi (L. 112/2016)', null],
      ['FSOL', 'Fondo di solidarietà dei comuni', null],
      ['QUOTE-COMUNI', 'Quote pro-capite dei comuni', null],
      ['COFIN-AMBITO', 'Cofinanziamento d’Ambito', null],
      ['BANDI', 'Bandi e fondazioni', null],
    ];
    for (const [codice, denominazione, padre] of fondi) {
      await q.query(`INSERT INTO fondo (codice, denominazione, fondo_padre) VALUES ($1, $2, $3)`, [
        codice,
        denominazione,
        padre,
      ]);
    }
    const dal = '2020-01-01';
    const ammesse: Array<[string, string[], string]> = [
      ['FNA-B2', ['misure-b2'], 'Programma operativo regionale FNA (DGR annuale)'],
      ['FNA-PROVI', ['provi'], 'DPCM 21/11/2019, linee di indirizzo Pro.Vi.'],
      ['DDN', ['dopo-di-noi'], 'L. 112/2016, DM 23/11/2016'],
      ['QSFP', ['poverta'], 'D.Lgs. 147/2017, Piano povertà'],
      ['QPE', ['poverta'], 'D.Lgs. 147/2017, Piano povertà'],
      ['FSR', ['servizi', 'riequilibrio', 'altri-interventi'], 'Criteri di riparto FSR (DGR annuale)'],
      ['FNPS', ['servizi', 'progetti', 'altri-interventi', 'poverta'], 'DM di riparto FNPS'],
    ];
    for (const [fondo, categorie, atto] of ammesse) {
      for (const categoria of categorie) {
        await q.query(
          `INSERT INTO regola_fondo (fondo, tipo, categoria, valido_dal, atto) VALUES ($1, 'categoria-ammessa', $2, $3, $4)`,
          [fondo, categoria, dal, atto],
        );
      }
    }
    await q.query(
      `INSERT INTO regola_fondo (fondo, tipo, categoria, punti_base, valido_dal, atto) VALUES
        ('FSR', 'quota-massima', 'riequilibrio', 500, $1, 'Criteri di riparto FSR: fondo di riequilibrio/riserva ≤ 5%'),
        ('FSR', 'quota-massima', 'altri-interventi', 1000, $1, 'Criteri di riparto FSR: altri servizi e interventi ≤ 10%')`,
      [dal],
    );
    await q.query(
      `INSERT INTO regola_fondo (fondo, tipo, categoria, punti_base, fondo_cofinanziamento, valido_dal, atto)
       VALUES ('FNA-PROVI', 'cofinanziamento-minimo', 'provi', 2000, 'COFIN-AMBITO', $1,
               'DPCM 21/11/2019: cofinanziamento d’Ambito ≥ 20% del progetto')`,
      [dal],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'abitanti_comune',
      'quota_capitaria',
      'saldo_dotazione',
      'saldo_annualita',
      'movimento',
      'variazione_preventivo',
      'liquidazione',
      'impegno',
      'dotazione',
      'linea',
      'assegnazione',
      'annualita',
      'regola_fondo',
      'fondo',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION movimento_aggiorna_saldi`);
    await q.query(`DROP FUNCTION variazione_decisa_una_volta`);
    await q.query(`DROP FUNCTION liquidazione_solo_mandato`);
    await q.query(`DROP FUNCTION movimento_append_only`);
  }
}
