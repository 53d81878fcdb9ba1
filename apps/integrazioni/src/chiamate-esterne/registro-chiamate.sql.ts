import type { EntityManager } from 'typeorm';

/** One outgoing call as the register keeps it (chiamata_esterna, append-only). */
export interface ChiamataRegistrata {
  sistema: string;
  operazione: string;
  correlationId: string;
  consultazioneId: string | null;
  /** Who asked (the operator of the istanza), as the tracking evidence names them. */
  operatore: string | null;
  codiceFiscale: string | null;
  prestazione: string | null;
  protocolloIstanza: string | null;
  purposeId: string | null;
  /** The declared purpose (FINALITA code and text). */
  finalita: string | null;
  /** OK, DATABASE_OFFLINE, HTTP_429, LIMITE_GIORNALIERO, TIMEOUT, VOUCHER_RIFIUTATO… */
  esito: string;
  httpStatus: number | null;
  durataMs: number;
}

export async function registraChiamata(manager: EntityManager, c: ChiamataRegistrata): Promise<void> {
  await manager.query(
    `INSERT INTO chiamata_esterna (sistema, operazione, correlation_id, consultazione_id, operatore,
       codice_fiscale, prestazione, protocollo_istanza, purpose_id, finalita, esito, http_status, durata_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      c.sistema,
      c.operazione,
      c.correlationId,
      c.consultazioneId,
      c.operatore,
      c.codiceFiscale,
      c.prestazione,
      c.protocolloIstanza,
      c.purposeId,
      c.finalita,
      c.esito,
      c.httpStatus,
      c.durataMs,
    ],
  );
}
