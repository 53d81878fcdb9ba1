import type { EntityManager } from 'typeorm';
import type { ConsultazioneIseeV1, StatoConsultazione, TipoIsee } from '@ambito/contracts';

export interface ConsultazioneRow {
  id: string;
  istanza_id: string;
  protocollo_istanza: string;
  persona_id: string;
  codice_fiscale: string;
  tipo: TipoIsee;
  tipo_indicatore: string;
  data_validita: string;
  prestazione: string;
  operatore: string;
  motivo: string;
  stato: StatoConsultazione;
  tentativi: number;
  turni: number;
  ultimo_esito: string | null;
  prossimo_tentativo: Date;
  creata_il: Date;
  conclusa_il: Date | null;
  correlation_id: string;
}

const COLONNE = `id, istanza_id, protocollo_istanza, persona_id, codice_fiscale, tipo, tipo_indicatore,
  data_validita::text AS data_validita, prestazione, operatore, motivo, stato, tentativi, turni, ultimo_esito,
  prossimo_tentativo, creata_il, conclusa_il, correlation_id`;

export type NuovaConsultazione = Pick<
  ConsultazioneRow,
  | 'id'
  | 'istanza_id'
  | 'protocollo_istanza'
  | 'persona_id'
  | 'codice_fiscale'
  | 'tipo'
  | 'tipo_indicatore'
  | 'data_validita'
  | 'prestazione'
  | 'operatore'
  | 'motivo'
  | 'correlation_id'
>;

/** Queues a consultation; one per istanza and type (a redelivered event adds nothing). */
export async function accodaConsultazione(manager: EntityManager, c: NuovaConsultazione): Promise<void> {
  await manager.query(
    `INSERT INTO consultazione_isee (id, istanza_id, protocollo_istanza, persona_id, codice_fiscale, tipo,
       tipo_indicatore, data_validita, prestazione, operatore, motivo, correlation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (istanza_id, tipo) DO NOTHING`,
    [
      c.id,
      c.istanza_id,
      c.protocollo_istanza,
      c.persona_id,
      c.codice_fiscale,
      c.tipo,
      c.tipo_indicatore,
      c.data_validita,
      c.prestazione,
      c.operatore,
      c.motivo,
      c.correlation_id,
    ],
  );
}

/**
 * Takes the next due consultation for `leaseMs`: pushed ahead so that no other replica takes it while
 * this one works it (SKIP LOCKED); if the process dies, it is due again when the lease ends.
 */
export async function prendiProssima(
  manager: EntityManager,
  leaseMs: number,
): Promise<ConsultazioneRow | null> {
  const [riga] = await manager.query<ConsultazioneRow[]>(
    // As a SELECT over the UPDATE: TypeORM answers an UPDATE with [rows, count], a SELECT with rows.
    `WITH presa AS (
       UPDATE consultazione_isee SET prossimo_tentativo = now() + make_interval(secs => $1::double precision / 1000)
        WHERE id = (SELECT id FROM consultazione_isee WHERE stato = 'in-coda' AND prossimo_tentativo <= now()
                     ORDER BY prossimo_tentativo, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING *)
     SELECT ${COLONNE} FROM presa`,
    [leaseMs],
  );
  return riga ?? null;
}

/** Back in the queue until `quando` (a transient failure, 429, the daily limit). */
export async function rinvia(
  manager: EntityManager,
  id: string,
  r: { tentativi: number; turno: boolean; esito: string; quando: Date },
): Promise<void> {
  await manager.query(
    `UPDATE consultazione_isee SET tentativi = tentativi + $2, turni = turni + $3, ultimo_esito = $4,
            prossimo_tentativo = $5 WHERE id = $1`,
    [id, r.tentativi, r.turno ? 1 : 0, r.esito, r.quando],
  );
}

export async function concludi(
  manager: EntityManager,
  id: string,
  r: { stato: 'completata' | 'fallita'; tentativi: number; esito: string },
): Promise<void> {
  await manager.query(
    `UPDATE consultazione_isee SET stato = $2, tentativi = tentativi + $3, ultimo_esito = $4, conclusa_il = now()
      WHERE id = $1`,
    [id, r.stato, r.tentativi, r.esito],
  );
}

/** A failed consultation back in the queue, due now (an administrator's replay). */
export async function rimettiInCoda(manager: EntityManager, id: string): Promise<ConsultazioneRow | null> {
  const [riga] = await manager.query<ConsultazioneRow[]>(
    `WITH rimessa AS (
       UPDATE consultazione_isee SET stato = 'in-coda', turni = 0, conclusa_il = NULL, prossimo_tentativo = now()
        WHERE id = $1 AND stato = 'fallita' RETURNING *)
     SELECT ${COLONNE} FROM rimessa`,
    [id],
  );
  return riga ?? null;
}

export async function consultazionePerId(
  manager: EntityManager,
  id: string,
): Promise<ConsultazioneRow | null> {
  const [riga] = await manager.query<ConsultazioneRow[]>(
    `SELECT ${COLONNE} FROM consultazione_isee WHERE id = $1`,
    [id],
  );
  return riga ?? null;
}

export async function elencaConsultazioni(
  manager: EntityManager,
  filtro: { stato?: StatoConsultazione; pagina: number; perPagina: number },
): Promise<{ righe: ConsultazioneRow[]; totale: number }> {
  const where = filtro.stato ? `WHERE stato = $3` : '';
  const params: unknown[] = [filtro.perPagina, (filtro.pagina - 1) * filtro.perPagina];
  if (filtro.stato) params.push(filtro.stato);
  const righe = await manager.query<ConsultazioneRow[]>(
    `SELECT ${COLONNE} FROM consultazione_isee ${where} ORDER BY creata_il DESC, id LIMIT $1 OFFSET $2`,
    params,
  );
  const [{ n }] = await manager.query<Array<{ n: string }>>(
    `SELECT count(*)::text AS n FROM consultazione_isee ${filtro.stato ? 'WHERE stato = $1' : ''}`,
    filtro.stato ? [filtro.stato] : [],
  );
  return { righe, totale: Number(n) };
}

/** The administrator's view: no codice fiscale. */
export function toConsultazioneV1(r: ConsultazioneRow): ConsultazioneIseeV1 {
  return {
    id: r.id,
    istanzaId: r.istanza_id,
    protocolloIstanza: r.protocollo_istanza,
    tipo: r.tipo,
    stato: r.stato,
    tentativi: r.tentativi,
    ultimoEsito: r.ultimo_esito,
    prossimoTentativo: r.stato === 'in-coda' ? r.prossimo_tentativo.toISOString() : null,
    creataIl: r.creata_il.toISOString(),
    conclusaIl: r.conclusa_il ? r.conclusa_il.toISOString() : null,
  };
}
