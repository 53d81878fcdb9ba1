import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import {
  CONVIVENZE,
  DATORI_LAVORO,
  ESITI_BONUS,
  LIVELLI_CCNL,
  ORIGINI_RICHIESTA,
  RISPOSTE_PROPOSTA,
  STATI_PROPOSTA_ASSISTENTE,
  STATI_RICHIESTA,
} from '@ambito/contracts';

/**
 * The sportello (issue 11 points 4–6): richieste of families, the proposals made from the matching with
 * the score they had, contracts, and the Bonus pre-checks with the rule version and inputs they used.
 * The invariants are constraints: one contract satisfies a richiesta (`uq_contratto_richiesta`), one
 * proposal per assistant and richiesta, a satisfied richiesta names its contract.
 */
export class CreateSportello1796047100000 implements MigrationInterface {
  name = 'CreateSportello1796047100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE richiesta (
        id uuid PRIMARY KEY,
        persona_id uuid NOT NULL,
        origine text NOT NULL CHECK (origine IN (${sqlValueList(ORIGINI_RICHIESTA)})),
        cartella_id uuid,
        consenso_documento text,
        valutazione_del date,
        sportello text,
        comune char(6) NOT NULL,
        sub_ambito text NOT NULL,
        orari jsonb NOT NULL,
        slot smallint[] NOT NULL,
        convivenza text NOT NULL CHECK (convivenza IN (${sqlValueList(CONVIVENZE)})),
        competenze text[] NOT NULL,
        competenze_indispensabili text[] NOT NULL CHECK (competenze_indispensabili <@ competenze),
        lingue text[] NOT NULL,
        data_inizio date NOT NULL,
        note text,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_RICHIESTA)})),
        contratto_id uuid,
        registrata_da text NOT NULL,
        registrata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_richiesta_origine CHECK (
          (origine = 'presa-in-carico') = (cartella_id IS NOT NULL AND consenso_documento IS NOT NULL)),
        CONSTRAINT ck_richiesta_soddisfatta CHECK ((stato = 'soddisfatta') = (contratto_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_richiesta_persona ON richiesta (persona_id)`);
    await q.query(`CREATE INDEX ix_richiesta_aperta ON richiesta (registrata_il) WHERE stato = 'aperta'`);

    await q.query(`
      CREATE TABLE proposta (
        id uuid PRIMARY KEY,
        richiesta_id uuid NOT NULL REFERENCES richiesta (id),
        iscrizione_id uuid NOT NULL REFERENCES iscrizione (id),
        assistente_id uuid NOT NULL REFERENCES assistente (id),
        punteggio numeric(5, 1) NOT NULL,
        parti jsonb NOT NULL,
        versione_pesi text NOT NULL,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_PROPOSTA_ASSISTENTE)})),
        risposta_famiglia text CHECK (risposta_famiglia IN (${sqlValueList(RISPOSTE_PROPOSTA)})),
        risposta_assistente text CHECK (risposta_assistente IN (${sqlValueList(RISPOSTE_PROPOSTA)})),
        colloquio_il date,
        motivo text,
        proposta_da text NOT NULL,
        proposta_il timestamptz NOT NULL DEFAULT now(),
        aggiornata_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_proposta UNIQUE (richiesta_id, assistente_id)
      )`);

    await q.query(`
      CREATE TABLE contratto (
        id uuid PRIMARY KEY,
        richiesta_id uuid REFERENCES richiesta (id),
        persona_id uuid NOT NULL,
        assistente_id uuid REFERENCES assistente (id),
        datore text NOT NULL CHECK (datore IN (${sqlValueList(DATORI_LAVORO)})),
        livello_ccnl text NOT NULL CHECK (livello_ccnl IN (${sqlValueList(LIVELLI_CCNL)})),
        ore_settimanali numeric(4, 1) NOT NULL CHECK (ore_settimanali > 0),
        convivente boolean NOT NULL,
        data_inizio date NOT NULL,
        costo_mensile_centesimi bigint NOT NULL CHECK (costo_mensile_centesimi >= 0),
        comunicazione_inps text,
        registrato_da text NOT NULL,
        registrato_il timestamptz NOT NULL DEFAULT now()
      )`);
    // A richiesta is satisfied by one contract: two desks registering at once, one wins.
    await q.query(
      `CREATE UNIQUE INDEX uq_contratto_richiesta ON contratto (richiesta_id) WHERE richiesta_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX ix_contratto_assistente ON contratto (assistente_id)`);
    await q.query(
      `ALTER TABLE richiesta ADD CONSTRAINT fk_richiesta_contratto FOREIGN KEY (contratto_id) REFERENCES contratto (id)`,
    );

    // Each pre-check: the rule version, the inputs it used (derived and declared) and its outcome; the
    // outcome of the Region the family reports later.
    await q.query(`
      CREATE TABLE verifica_bonus (
        id uuid PRIMARY KEY,
        contratto_id uuid NOT NULL REFERENCES contratto (id),
        giorno date NOT NULL,
        versione_regole text NOT NULL,
        dati jsonb NOT NULL,
        esito jsonb NOT NULL,
        ammissibile boolean NOT NULL,
        importo_centesimi bigint,
        verificata_da text NOT NULL,
        verificata_il timestamptz NOT NULL DEFAULT now(),
        esito_regione text CHECK (esito_regione IN (${sqlValueList(ESITI_BONUS)})),
        importo_riconosciuto_centesimi bigint CHECK (importo_riconosciuto_centesimi >= 0),
        annualita integer,
        esito_registrato_da text,
        esito_registrato_il timestamptz,
        CONSTRAINT ck_verifica_esito CHECK (
          (esito_regione IS NULL) = (esito_registrato_il IS NULL)
          AND (esito_regione IS DISTINCT FROM 'accolta' OR importo_riconosciuto_centesimi IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_verifica_bonus_contratto ON verifica_bonus (contratto_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE verifica_bonus`);
    await q.query(`ALTER TABLE richiesta DROP CONSTRAINT fk_richiesta_contratto`);
    for (const t of ['contratto', 'proposta', 'richiesta']) await q.query(`DROP TABLE ${t}`);
  }
}
