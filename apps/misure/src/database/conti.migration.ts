import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { FONTI_BUDGET_PROGETTO, MISURE_CUMULO } from '@ambito/contracts';

/**
 * The accounts of the measures (issue 10, points 4–6; lane misure-conti, 17960468xxxxx):
 *
 * - Pro.Vi. a consuntivo: the beneficiary's project (macroaree, cap) and its statements of expenses,
 *   each judged and kept with its inputs; the running reimbursed total and the ambito's co-financing on
 *   the project row, the cap a CHECK (a statement that would cross it cannot commit, even concurrently);
 * - Dopo di Noi: the budget di progetto (sources, interventions within their caps, a CHECK each) and the
 *   group homes, whose size limit is the database's: a trigger counts the open memberships on the
 *   group's row under its lock and a CHECK refuses the one too many;
 * - cumulation per assistant (rule 10): the contract's wage cost and the contributions of every measure
 *   for it, B2 and Dopo di Noi from here, the Bonus from the assistenti-familiari service.
 */
export class CreateConti1796046800000 implements MigrationInterface {
  name = 'CreateConti1796046800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE progetto_pro_vi (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        persona_id uuid NOT NULL,
        istanza_id uuid REFERENCES istanza (id),
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        annualita integer NOT NULL CHECK (annualita BETWEEN 2000 AND 2100),
        macroaree jsonb NOT NULL,
        concesso_centesimi bigint CHECK (concesso_centesimi >= 0),
        massimale_centesimi bigint NOT NULL CHECK (massimale_centesimi >= 0),
        cofinanziamento_percento integer NOT NULL CHECK (cofinanziamento_percento BETWEEN 0 AND 100),
        rimborsato_centesimi bigint NOT NULL DEFAULT 0,
        quota_ambito_centesimi bigint NOT NULL DEFAULT 0 CHECK (quota_ambito_centesimi >= 0),
        quota_fondo_centesimi bigint NOT NULL DEFAULT 0 CHECK (quota_fondo_centesimi >= 0),
        rendiconti integer NOT NULL DEFAULT 0,
        creato_da text NOT NULL,
        creato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_pro_vi_massimale CHECK (rimborsato_centesimi BETWEEN 0 AND massimale_centesimi),
        CONSTRAINT ck_pro_vi_quote CHECK (quota_ambito_centesimi + quota_fondo_centesimi = rimborsato_centesimi),
        CONSTRAINT uq_pro_vi_progetto UNIQUE (ambito, persona_id, annualita)
      )`);
    await q.query(`
      CREATE TABLE rendiconto_pro_vi (
        id uuid PRIMARY KEY,
        progetto_id uuid NOT NULL REFERENCES progetto_pro_vi (id),
        numero integer NOT NULL CHECK (numero >= 1),
        periodo_dal date NOT NULL,
        periodo_al date NOT NULL,
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        spese jsonb NOT NULL,
        valutazione jsonb NOT NULL,
        documentato_centesimi bigint NOT NULL CHECK (documentato_centesimi >= 0),
        ammesso_centesimi bigint NOT NULL CHECK (ammesso_centesimi >= 0),
        rimborso_centesimi bigint NOT NULL CHECK (rimborso_centesimi >= 0),
        quota_ambito_centesimi bigint NOT NULL CHECK (quota_ambito_centesimi >= 0),
        quota_fondo_centesimi bigint NOT NULL CHECK (quota_fondo_centesimi >= 0),
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_rendiconto_pro_vi UNIQUE (progetto_id, numero),
        CONSTRAINT ck_rendiconto_periodo CHECK (periodo_al >= periodo_dal),
        CONSTRAINT ck_rendiconto_rimborso CHECK (rimborso_centesimi <= ammesso_centesimi),
        CONSTRAINT ck_rendiconto_quote CHECK (quota_ambito_centesimi + quota_fondo_centesimi = rimborso_centesimi)
      )`);

    // Dopo di Noi: the budget di progetto, one version per change (the last is in force).
    await q.query(`
      CREATE TABLE budget_progetto_ddn (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        persona_id uuid NOT NULL,
        istanza_id uuid REFERENCES istanza (id),
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        annualita integer NOT NULL CHECK (annualita BETWEEN 2000 AND 2100),
        versione integer NOT NULL CHECK (versione >= 1),
        costo_totale_centesimi bigint NOT NULL CHECK (costo_totale_centesimi >= 0),
        risorse_totali_centesimi bigint NOT NULL CHECK (risorse_totali_centesimi >= 0),
        contributo_ddn_centesimi bigint NOT NULL CHECK (contributo_ddn_centesimi >= 0),
        fondo_ddn_centesimi bigint NOT NULL CHECK (fondo_ddn_centesimi >= 0),
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_budget_progetto_ddn UNIQUE (ambito, persona_id, annualita, versione),
        CONSTRAINT ck_budget_ddn_fondo CHECK (contributo_ddn_centesimi <= fondo_ddn_centesimi)
      )`);
    await q.query(`
      CREATE TABLE budget_progetto_ddn_fonte (
        budget_id uuid NOT NULL REFERENCES budget_progetto_ddn (id),
        fonte text NOT NULL CHECK (fonte IN (${sqlValueList(FONTI_BUDGET_PROGETTO)})),
        importo_centesimi bigint NOT NULL CHECK (importo_centesimi >= 0),
        descrizione text,
        PRIMARY KEY (budget_id, fonte)
      )`);
    await q.query(`
      CREATE TABLE budget_progetto_ddn_intervento (
        budget_id uuid NOT NULL REFERENCES budget_progetto_ddn (id),
        indice integer NOT NULL CHECK (indice >= 0),
        strumento text NOT NULL,
        mesi integer NOT NULL CHECK (mesi BETWEEN 1 AND 120),
        costo_centesimi bigint NOT NULL CHECK (costo_centesimi >= 0),
        richiesto_centesimi bigint NOT NULL CHECK (richiesto_centesimi >= 0),
        massimale_centesimi bigint NOT NULL CHECK (massimale_centesimi >= 0),
        contributo_centesimi bigint NOT NULL CHECK (contributo_centesimi >= 0),
        sostegno_famiglia_centesimi bigint NOT NULL CHECK (sostegno_famiglia_centesimi >= 0),
        motivo text NOT NULL,
        PRIMARY KEY (budget_id, indice),
        -- The caps of rule 16 hold in the data whatever writes it.
        CONSTRAINT ck_intervento_massimale CHECK (
          contributo_centesimi <= massimale_centesimi AND massimale_centesimi <= costo_centesimi)
      )`);

    // Group homes of at most N people (N from the rule set at creation, 5 in 2025).
    await q.query(`
      CREATE TABLE gruppo_appartamento (
        id uuid PRIMARY KEY,
        ambito text NOT NULL,
        denominazione text NOT NULL,
        comune_istat text NOT NULL,
        gestione text NOT NULL CHECK (gestione IN ('ente-gestore', 'autogestito')),
        posti_massimi integer NOT NULL CHECK (posti_massimi BETWEEN 1 AND 100),
        regole_id uuid NOT NULL REFERENCES regole_misura (id),
        persone integer NOT NULL DEFAULT 0,
        creato_da text NOT NULL,
        creato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_gruppo_appartamento_posti CHECK (persone BETWEEN 0 AND posti_massimi)
      )`);
    await q.query(`
      CREATE TABLE gruppo_appartamento_persona (
        gruppo_id uuid NOT NULL REFERENCES gruppo_appartamento (id),
        persona_id uuid NOT NULL,
        dal date NOT NULL,
        al date,
        registrato_da text NOT NULL,
        PRIMARY KEY (gruppo_id, persona_id, dal),
        CONSTRAINT ck_gruppo_persona_periodo CHECK (al IS NULL OR al >= dal)
      )`);
    // A person lives in one group home at a time.
    await q.query(
      `CREATE UNIQUE INDEX uq_gruppo_persona_aperta ON gruppo_appartamento_persona (persona_id) WHERE al IS NULL`,
    );
    // The count of open memberships is kept on the group's row, in the membership's transaction: the
    // UPDATE takes the row's lock, so concurrent entries queue and the CHECK refuses the one too many.
    await q.query(`
      CREATE FUNCTION gruppo_appartamento_conta() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.al IS NULL THEN
            UPDATE gruppo_appartamento SET persone = persone + 1 WHERE id = NEW.gruppo_id;
          END IF;
        ELSIF TG_OP = 'UPDATE' THEN
          IF OLD.al IS NULL AND NEW.al IS NOT NULL THEN
            UPDATE gruppo_appartamento SET persone = persone - 1 WHERE id = NEW.gruppo_id;
          ELSIF OLD.al IS NOT NULL AND NEW.al IS NULL THEN
            UPDATE gruppo_appartamento SET persone = persone + 1 WHERE id = NEW.gruppo_id;
          END IF;
        ELSIF TG_OP = 'DELETE' AND OLD.al IS NULL THEN
          UPDATE gruppo_appartamento SET persone = persone - 1 WHERE id = OLD.gruppo_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER tg_gruppo_appartamento_conta
        AFTER INSERT OR UPDATE OF al OR DELETE ON gruppo_appartamento_persona
        FOR EACH ROW EXECUTE FUNCTION gruppo_appartamento_conta()`);

    // Rule 10: the assistant's contract and every contribution paid for it.
    await q.query(`
      CREATE TABLE contratto_assistente (
        riferimento text PRIMARY KEY,
        ambito text NOT NULL,
        assistente_riferimento text NOT NULL,
        persona_id uuid NOT NULL,
        costo_mensile_centesimi bigint NOT NULL CHECK (costo_mensile_centesimi > 0),
        dal date NOT NULL,
        al date,
        origine text NOT NULL CHECK (origine IN ('operatore', 'assistenti-familiari', 'istanza')),
        aggiornato_da text NOT NULL,
        aggiornato_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_contratto_periodo CHECK (al IS NULL OR al >= dal)
      )`);
    await q.query(`CREATE INDEX ix_contratto_assistente ON contratto_assistente (assistente_riferimento)`);
    await q.query(`
      CREATE TABLE contributo_assistente (
        misura text NOT NULL CHECK (misura IN (${sqlValueList(MISURE_CUMULO)})),
        riferimento text NOT NULL,
        contratto_riferimento text NOT NULL REFERENCES contratto_assistente (riferimento),
        mensile_centesimi bigint NOT NULL CHECK (mensile_centesimi >= 0),
        dal date NOT NULL,
        al date,
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (misura, riferimento),
        CONSTRAINT ck_contributo_periodo CHECK (al IS NULL OR al >= dal)
      )`);
    await q.query(`CREATE INDEX ix_contributo_contratto ON contributo_assistente (contratto_riferimento)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contributo_assistente`);
    await q.query(`DROP TABLE contratto_assistente`);
    await q.query(`DROP TRIGGER tg_gruppo_appartamento_conta ON gruppo_appartamento_persona`);
    await q.query(`DROP FUNCTION gruppo_appartamento_conta()`);
    for (const t of [
      'gruppo_appartamento_persona',
      'gruppo_appartamento',
      'budget_progetto_ddn_intervento',
      'budget_progetto_ddn_fonte',
      'budget_progetto_ddn',
      'rendiconto_pro_vi',
      'progetto_pro_vi',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
