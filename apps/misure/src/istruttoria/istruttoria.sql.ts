import type { EntityManager } from 'typeorm';
import type { EsitoIstruttoria, InputIstruttoriaV1, ValutazioneIstanzaV1 } from '@ambito/contracts';

export interface IstruttoriaRow {
  id: string;
  istanza_id: string;
  numero: number;
  regole_id: string;
  causa: string;
  data_riferimento: string;
  input: InputIstruttoriaV1;
  esito_calcolato: EsitoIstruttoria;
  valutazione: ValutazioneIstanzaV1;
  esito: EsitoIstruttoria;
  decisione_da: string | null;
  decisione_il: Date | null;
  motivazione: string | null;
  istruita_da: string;
  istruita_il: Date;
}

const COLONNE = `id, istanza_id, numero, regole_id, causa, data_riferimento::text AS data_riferimento, input,
  esito_calcolato, valutazione, esito, decisione_da, decisione_il, motivazione, istruita_da, istruita_il`;

/**
 * A new istruttoria, numbered after the istanza's last one (the caller holds the istanza's row lock;
 * uq_istruttoria_numero is the backstop), and its result copied to the istanza's row for the
 * graduatoria's ordering query.
 */
export async function inserisciIstruttoria(
  manager: EntityManager,
  i: {
    id: string;
    istanzaId: string;
    causa: string;
    input: InputIstruttoriaV1;
    valutazione: ValutazioneIstanzaV1;
    istruitaDa: string;
  },
): Promise<number> {
  const v = i.valutazione;
  const [{ numero }] = await manager.query<Array<{ numero: number }>>(
    `INSERT INTO istruttoria (id, istanza_id, numero, regole_id, causa, data_riferimento, input,
       esito_calcolato, valutazione, esito, istruita_da)
     SELECT $1, $2, coalesce(max(numero), 0) + 1, $3, $4, $5, $6, $7, $8, $7, $9
       FROM istruttoria WHERE istanza_id = $2
     RETURNING numero`,
    [
      i.id,
      i.istanzaId,
      v.regoleId,
      i.causa,
      i.input.dataRiferimento,
      JSON.stringify(i.input),
      v.esito,
      JSON.stringify(v),
      i.istruitaDa,
    ],
  );
  await manager.query(
    `UPDATE istanza SET esito = $2, area = $3, importo_mensile_centesimi = $4, importo_totale_centesimi = $5,
       isee_centesimi = $6, chiavi = $7
     WHERE id = $1`,
    [
      i.istanzaId,
      v.esito,
      v.area,
      v.importoMensileCentesimi,
      v.importoTotaleCentesimi,
      v.chiavi.iseeCentesimi,
      JSON.stringify(v.chiavi),
    ],
  );
  return numero;
}

export async function istruttorieDellIstanza(
  manager: EntityManager,
  istanzaId: string,
): Promise<IstruttoriaRow[]> {
  return manager.query<IstruttoriaRow[]>(
    `SELECT ${COLONNE} FROM istruttoria WHERE istanza_id = $1 ORDER BY numero`,
    [istanzaId],
  );
}

export async function ultimaIstruttoria(
  manager: EntityManager,
  istanzaId: string,
): Promise<IstruttoriaRow | null> {
  const [riga] = await manager.query<IstruttoriaRow[]>(
    `SELECT ${COLONNE} FROM istruttoria WHERE istanza_id = $1 ORDER BY numero DESC LIMIT 1`,
    [istanzaId],
  );
  return riga ?? null;
}

/** The operator's decision, on the istruttoria row, and the istanza's valid outcome. */
export async function registraDecisione(
  manager: EntityManager,
  d: { istruttoriaId: string; istanzaId: string; esito: EsitoIstruttoria; da: string; motivazione: string },
): Promise<void> {
  await manager.query(
    `UPDATE istruttoria SET esito = $2, decisione_da = $3, decisione_il = now(), motivazione = $4 WHERE id = $1`,
    [d.istruttoriaId, d.esito, d.da, d.motivazione],
  );
  await manager.query(`UPDATE istanza SET esito = $2 WHERE id = $1`, [d.istanzaId, d.esito]);
}
