import type { EntityManager } from 'typeorm';
import type { IseeAcquisitoV1, IseeVerificatoInpsV1 } from '@ambito/contracts';

/** Records a consultation's outcome once (a redelivered event changes nothing). */
export async function registraIseeVerificato(manager: EntityManager, v: IseeAcquisitoV1): Promise<boolean> {
  const righe = await manager.query<unknown[]>(
    `INSERT INTO isee_verificato (consultazione_id, istanza_id, tipo, esito, valore_centesimi, protocollo_dsu,
                                  data_presentazione, acquisito_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (consultazione_id) DO NOTHING RETURNING 1`,
    [
      v.consultazioneId,
      v.istanzaId,
      v.tipo,
      v.esito,
      v.valoreCentesimi,
      v.protocolloDsu,
      v.dataPresentazione,
      v.acquisitoIl,
    ],
  );
  return righe.length > 0;
}

/** The latest consultation per type of an istanza, in type order (what the istruttoria's input carries). */
export async function iseeVerificatiDellIstanza(
  manager: EntityManager,
  istanzaId: string,
): Promise<IseeVerificatoInpsV1[]> {
  return (await iseeVerificatiDelleIstanze(manager, [istanzaId])).get(istanzaId) ?? [];
}

/**
 * The same for many istanze in one statement (a page of the avviso's istruttoria): only the istanze with
 * a consultation are in the map.
 */
export async function iseeVerificatiDelleIstanze(
  manager: EntityManager,
  istanzeIds: readonly string[],
): Promise<Map<string, IseeVerificatoInpsV1[]>> {
  const perIstanza = new Map<string, IseeVerificatoInpsV1[]>();
  if (istanzeIds.length === 0) return perIstanza;
  const righe = await manager.query<
    Array<{
      istanza_id: string;
      consultazione_id: string;
      tipo: IseeVerificatoInpsV1['tipo'];
      esito: IseeVerificatoInpsV1['esito'];
      valore_centesimi: string | null;
      protocollo_dsu: string | null;
      data_presentazione: string | null;
    }>
  >(
    `SELECT DISTINCT ON (istanza_id, tipo) istanza_id, consultazione_id, tipo, esito,
            valore_centesimi::text AS valore_centesimi, protocollo_dsu, data_presentazione::text AS data_presentazione
       FROM isee_verificato WHERE istanza_id = ANY($1::uuid[])
      ORDER BY istanza_id, tipo, acquisito_il DESC, consultazione_id`,
    [istanzeIds],
  );
  for (const r of righe) {
    const verificati = perIstanza.get(r.istanza_id) ?? [];
    verificati.push({
      consultazioneId: r.consultazione_id,
      tipo: r.tipo,
      esito: r.esito,
      valoreCentesimi: r.valore_centesimi === null ? null : Number(r.valore_centesimi),
      protocolloDsu: r.protocollo_dsu,
      dataPresentazione: r.data_presentazione,
    });
    perIstanza.set(r.istanza_id, verificati);
  }
  return perIstanza;
}
