import type { MigrationInterface, QueryRunner } from 'typeorm';
import { makeAppendOnly } from '@ambito/persistence';

/**
 * The ISEE adapter's tables:
 * - `consultazione_isee`: the durable queue of consultations (one per istanza and declared type), worked
 *   by the service until INPS answers; what an administrator sees and replays when one failed;
 * - `chiamata_esterna`: every outgoing call (voucher, SOAP), append-only: who asked, whose codice fiscale,
 *   for which prestazione and istanza, with which purpose, the outcome, the correlation id and duration.
 */
export class CreateIsee1796048500000 implements MigrationInterface {
  name = 'CreateIsee1796048500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE consultazione_isee (
         id uuid PRIMARY KEY,
         istanza_id uuid NOT NULL,
         protocollo_istanza text NOT NULL,
         persona_id uuid NOT NULL,
         codice_fiscale text NOT NULL,
         tipo text NOT NULL,
         tipo_indicatore text NOT NULL,
         data_validita date NOT NULL,
         prestazione text NOT NULL,
         operatore text NOT NULL,
         motivo text NOT NULL,
         stato text NOT NULL DEFAULT 'in-coda' CHECK (stato IN ('in-coda', 'completata', 'fallita')),
         tentativi integer NOT NULL DEFAULT 0,
         turni integer NOT NULL DEFAULT 0,
         ultimo_esito text,
         prossimo_tentativo timestamptz NOT NULL DEFAULT now(),
         creata_il timestamptz NOT NULL DEFAULT now(),
         conclusa_il timestamptz,
         correlation_id text NOT NULL,
         CONSTRAINT uq_consultazione_isee UNIQUE (istanza_id, tipo)
       )`,
    );
    // The worker's next pick: the queued ones whose time has come, oldest first.
    await q.query(
      `CREATE INDEX ix_consultazione_isee_coda ON consultazione_isee (prossimo_tentativo) WHERE stato = 'in-coda'`,
    );
    await q.query(`CREATE INDEX ix_consultazione_isee_creata ON consultazione_isee (creata_il DESC, id)`);
    await q.query(
      `CREATE TABLE chiamata_esterna (
         id bigserial PRIMARY KEY,
         sistema text NOT NULL,
         operazione text NOT NULL,
         correlation_id text NOT NULL,
         consultazione_id uuid,
         operatore text,
         codice_fiscale text,
         prestazione text,
         protocollo_istanza text,
         purpose_id text,
         finalita text,
         esito text NOT NULL,
         http_status integer,
         durata_ms integer NOT NULL,
         eseguita_il timestamptz NOT NULL DEFAULT now()
       )`,
    );
    await q.query(`CREATE INDEX ix_chiamata_esterna_consultazione ON chiamata_esterna (consultazione_id)`);
    await makeAppendOnly(
      q,
      'chiamata_esterna',
      'Il registro delle chiamate esterne non si modifica né si cancella: si aggiunge soltanto.',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chiamata_esterna`);
    await q.query(`DROP FUNCTION chiamata_esterna_append_only`);
    await q.query(`DROP TABLE consultazione_isee`);
  }
}
