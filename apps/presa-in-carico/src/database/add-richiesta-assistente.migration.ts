import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sqlValueList } from '@ambito/persistence';
import { CHI_CONSENTE, STATI_RICHIESTA_ASSISTENTE } from '@ambito/contracts';

/**
 * Issue 11 point 4: the richieste of an assistente familiare a cartella proposed to the sportello (the
 * sportello holds the richiesta; this is the cartella's side of the link): the valutazione and the
 * criteria that showed the need, the consent with who gave it and when, the outcome. One per
 * valutazione, one open per cartella (enforced here, not only by the service).
 */
export class AddRichiestaAssistente1796048400000 implements MigrationInterface {
  name = 'AddRichiestaAssistente1796048400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE richiesta_assistente (
        richiesta_id uuid PRIMARY KEY,
        cartella_id uuid NOT NULL REFERENCES cartella (id),
        episodio integer NOT NULL,
        valutazione_id uuid NOT NULL REFERENCES valutazione (id),
        valutazione_del date NOT NULL,
        versione_criteri text NOT NULL,
        strumento text NOT NULL,
        punteggio integer,
        spiegazione text NOT NULL,
        consenso_dato_da text NOT NULL CHECK (consenso_dato_da IN (${sqlValueList(CHI_CONSENTE)})),
        consenso_nominativo text,
        consenso_dato_il date NOT NULL,
        consenso_documento text NOT NULL,
        sportello text,
        stato text NOT NULL CHECK (stato IN (${sqlValueList(STATI_RICHIESTA_ASSISTENTE)})),
        contratto_id uuid,
        soddisfatta_il timestamptz,
        proposta_da text NOT NULL,
        proposta_da_nome text NOT NULL,
        proposta_il timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_richiesta_assistente_valutazione UNIQUE (cartella_id, valutazione_id),
        CONSTRAINT ck_richiesta_assistente_consenso CHECK (
          consenso_dato_da = 'persona' OR consenso_nominativo IS NOT NULL),
        CONSTRAINT ck_richiesta_assistente_esito CHECK (
          (stato = 'soddisfatta') = (contratto_id IS NOT NULL AND soddisfatta_il IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_richiesta_assistente_aperta ON richiesta_assistente (cartella_id) WHERE stato = 'aperta'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE richiesta_assistente`);
  }
}
