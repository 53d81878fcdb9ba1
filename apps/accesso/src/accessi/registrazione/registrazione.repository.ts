import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RigaAuditConsentita } from '@ambito/audit';
import type { AccessoRegistratoV1 } from '@ambito/contracts';
import { unaIstruzione, type RigaOutbox } from '@ambito/messaging';
import type { AccessoEntity } from '../accesso.entity';

/** The accesso to write, as the use case decided it (everything but the persona's comune). */
export type NuovoAccesso = Pick<
  AccessoEntity,
  | 'id'
  | 'personaId'
  | 'dataOra'
  | 'sede'
  | 'subAmbito'
  | 'operatoreId'
  | 'operatoreNome'
  | 'canale'
  | 'presentatoDa'
  | 'referente'
  | 'areaBisogno'
  | 'richiesta'
  | 'note'
>;

/** Where the persona belongs: the Ambito's comuni, and the sede's comune for one who lives elsewhere. */
export interface ComuneDellAccesso {
  comuniAmbito: string[];
  comuneSede: string;
}

/** What the statement returns: the persona as the reply shows it and the comune it was counted in. */
export interface AccessoRegistrato {
  comuneResidenza: string;
  persona: { id: string; codiceFiscale: string; cognome: string; nome: string };
}

/**
 * The registration of an accesso in one SQL statement, so one round trip to PostgreSQL (issue 15): the
 * persona read, the accesso row, its `accesso.registrato` outbox row with the NOTIFY that wakes the
 * relay, and the audit row. No row at all when the persona does not exist (null).
 *
 * The comune is `comuneNellAmbito` (persone/regole-persona.ts) in SQL: the persona's residence if it is
 * in the Ambito, else its domicile if that is, else the sede's comune; the event carries the same value.
 */
@Injectable()
export class RegistrazioneRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async registra(
    accesso: NuovoAccesso,
    comune: ComuneDellAccesso,
    evento: RigaOutbox<'accesso.accesso.registrato'>,
    audit: RigaAuditConsentita,
  ): Promise<AccessoRegistrato | null> {
    const comunePayload: keyof AccessoRegistratoV1 = 'comuneResidenza';
    const rows = await unaIstruzione<{
      comune_residenza: string;
      codice_fiscale: string;
      cognome: string;
      nome: string;
    }>(
      this.dataSource,
      `WITH trovata AS (
         SELECT id, codice_fiscale, cognome, nome,
                CASE WHEN comune_residenza = ANY($14::text[]) THEN comune_residenza
                     WHEN comune_domicilio = ANY($14::text[]) THEN comune_domicilio
                     ELSE $15 END AS comune
           FROM persona WHERE id = $2
       ), scritto AS (
         INSERT INTO accesso (id, persona_id, comune_residenza, data_ora, sede, sub_ambito, operatore_id,
                              operatore_nome, canale, presentato_da, referente, area_bisogno, richiesta, note, stato)
         SELECT $1::uuid, t.id, t.comune, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'aperto' FROM trovata t
         RETURNING comune_residenza
       ), evento AS (
         INSERT INTO outbox_message (id, subject, type, envelope)
         SELECT $16::uuid, $17, $18, jsonb_set($19::jsonb, ARRAY['payload', $21], to_jsonb(s.comune_residenza))
           FROM scritto s
         RETURNING id
       ), traccia AS (
         INSERT INTO voce_audit (utente, ruoli, azione, risorsa, risorsa_id, soggetto_tipo, soggetto_id,
                                 motivo, finalita, esito, correlation_id)
         SELECT $22, $23::text[], $24, $25, $26, $27, $28::uuid, $29, $30, 'consentito', $31 FROM scritto
       )
       SELECT s.comune_residenza, t.codice_fiscale, t.cognome, t.nome, pg_notify($20, e.id::text) AS notificato
         FROM scritto s, trovata t, evento e`,
      [
        accesso.id,
        accesso.personaId,
        accesso.dataOra,
        accesso.sede,
        accesso.subAmbito,
        accesso.operatoreId,
        accesso.operatoreNome,
        accesso.canale,
        accesso.presentatoDa,
        accesso.referente,
        accesso.areaBisogno,
        accesso.richiesta,
        accesso.note,
        comune.comuniAmbito,
        comune.comuneSede,
        evento.id,
        evento.subject,
        evento.type,
        evento.json,
        evento.canale,
        comunePayload,
        audit.utente,
        audit.ruoli,
        audit.azione,
        audit.risorsa,
        audit.risorsaId,
        audit.soggettoTipo,
        audit.soggettoId,
        audit.motivo,
        audit.finalita,
        audit.correlationId,
      ],
    );
    const [row] = rows;
    if (!row) return null;
    return {
      comuneResidenza: row.comune_residenza,
      persona: {
        id: accesso.personaId,
        codiceFiscale: row.codice_fiscale,
        cognome: row.cognome,
        nome: row.nome,
      },
    };
  }
}
