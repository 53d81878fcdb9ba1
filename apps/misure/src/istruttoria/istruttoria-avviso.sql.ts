import type { EntityManager } from 'typeorm';
import type {
  DichiarazioniIstanzaV1,
  EsitoIstruttoria,
  InputIstruttoriaV1,
  IstruttoriaAvvisoV1,
  StatoIstruttoriaAvviso,
  ValutazioneIstanzaV1,
} from '@ambito/contracts';

export interface IstruttoriaAvvisoRow {
  id: string;
  avviso_id: string;
  stato: StatoIstruttoriaAvviso;
  causa: string;
  istanze_totali: number;
  istanze_istruite: number;
  esiti_cambiati: number;
  ultima_istanza_id: string | null;
  avviata_da: string;
  avviata_il: Date;
  conclusa_il: Date | null;
  ultimo_errore: { codice: string; messaggio: string } | null;
  /** No page recorded for a while: its process stopped, another request may take the run over. */
  abbandonata: boolean;
}

const COLONNE = `id, avviso_id, stato, causa, istanze_totali, istanze_istruite, esiti_cambiati, ultima_istanza_id,
  avviata_da, avviata_il, conclusa_il, ultimo_errore, aggiornata_il < now() - interval '2 minutes' AS abbandonata`;

export function toIstruttoriaAvvisoV1(r: IstruttoriaAvvisoRow): IstruttoriaAvvisoV1 {
  return {
    id: r.id,
    avvisoId: r.avviso_id,
    stato: r.stato,
    causa: r.causa,
    istanzeTotali: r.istanze_totali,
    istanzeIstruite: r.istanze_istruite,
    esitiCambiati: r.esiti_cambiati,
    avviataDa: r.avviata_da,
    avviataIl: r.avviata_il.toISOString(),
    conclusaIl: r.conclusa_il?.toISOString() ?? null,
    ultimoErrore: r.ultimo_errore,
  };
}

/** The avviso's run not yet completed (at most one: uq_istruttoria_avviso_aperta), locked. */
export async function istruttoriaAperta(
  m: EntityManager,
  avvisoId: string,
): Promise<IstruttoriaAvvisoRow | null> {
  const [riga] = await m.query<IstruttoriaAvvisoRow[]>(
    `SELECT ${COLONNE} FROM istruttoria_avviso WHERE avviso_id = $1 AND stato <> 'completata' FOR UPDATE`,
    [avvisoId],
  );
  return riga ?? null;
}

/** The avviso's last run, whatever its state. */
export async function ultimaIstruttoriaAvviso(
  m: EntityManager,
  avvisoId: string,
): Promise<IstruttoriaAvvisoRow | null> {
  const [riga] = await m.query<IstruttoriaAvvisoRow[]>(
    `SELECT ${COLONNE} FROM istruttoria_avviso WHERE avviso_id = $1 ORDER BY avviata_il DESC, id LIMIT 1`,
    [avvisoId],
  );
  return riga ?? null;
}

export async function nuovaIstruttoriaAvviso(
  m: EntityManager,
  r: { id: string; avvisoId: string; causa: string; da: string },
): Promise<void> {
  await m.query(
    `INSERT INTO istruttoria_avviso (id, avviso_id, stato, causa, istanze_totali, avviata_da)
     SELECT $1, $2, 'in-corso', $3, count(*), $4 FROM istanza WHERE avviso_id = $2`,
    [r.id, r.avvisoId, r.causa, r.da],
  );
}

/** An interrupted (or abandoned) run taken up again from its cursor. */
export async function riprendiIstruttoriaAvviso(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE istruttoria_avviso SET stato = 'in-corso', aggiornata_il = now(), ultimo_errore = NULL WHERE id = $1`,
    [id],
  );
}

export async function interrompiIstruttoriaAvviso(
  m: EntityManager,
  id: string,
  errore: { codice: string; messaggio: string },
): Promise<void> {
  await m.query(
    `UPDATE istruttoria_avviso SET stato = 'interrotta', ultimo_errore = $2, aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'`,
    [id, JSON.stringify(errore)],
  );
}

/** One istanza of a page: its declarations and its last istruttoria's input (the sources' data then). */
export interface IstanzaDaIstruire {
  id: string;
  persona_id: string;
  strumento: string;
  giorno_protocollo: string;
  versione: number;
  dati: DichiarazioniIstanzaV1;
  esito: EsitoIstruttoria | null;
  input: InputIstruttoriaV1 | null;
  numero: number | null;
}

const DA_ISTRUIRE = `i.id, i.persona_id, i.strumento,
  (i.protocollata_il AT TIME ZONE 'Europe/Rome')::date::text AS giorno_protocollo, i.versione, i.dati, i.esito,
  u.input, u.numero`;
const ULTIMA_ISTRUTTORIA = `LEFT JOIN LATERAL (SELECT s.input, s.numero FROM istruttoria s WHERE s.istanza_id = i.id
  ORDER BY s.numero DESC LIMIT 1) u ON true`;

/**
 * The next page after the cursor, in id order, read ahead without locks: it is judged while the
 * previous page is written, then checked under lock (`bloccaPagina`) before its results are stored.
 */
export async function paginaDaIstruire(
  m: EntityManager,
  avvisoId: string,
  dopo: string | null,
  quante: number,
): Promise<IstanzaDaIstruire[]> {
  return m.query<IstanzaDaIstruire[]>(
    `SELECT ${DA_ISTRUIRE} FROM istanza i ${ULTIMA_ISTRUTTORIA}
      WHERE i.avviso_id = $1 AND ($2::uuid IS NULL OR i.id > $2::uuid)
      ORDER BY i.id
      LIMIT $3`,
    [avvisoId, dopo, quante],
  );
}

/** What tells whether a read-ahead istanza is still as it was judged: its version and last istruttoria. */
export interface StatoIstanza {
  id: string;
  versione: number;
  esito: EsitoIstruttoria | null;
  numero: number | null;
}

/**
 * The istanze of a page's range (after the cursor, up to its last id) locked for the page's transaction,
 * as they are now: a concurrent decision or riesame of one of them waits for it, then numbers after it.
 */
export async function bloccaPagina(
  m: EntityManager,
  avvisoId: string,
  dopo: string | null,
  fino: string,
): Promise<StatoIstanza[]> {
  return m.query<StatoIstanza[]>(
    `SELECT i.id, i.versione, i.esito, u.numero
       FROM istanza i
       LEFT JOIN LATERAL (SELECT s.numero FROM istruttoria s WHERE s.istanza_id = i.id
                           ORDER BY s.numero DESC LIMIT 1) u ON true
      WHERE i.avviso_id = $1 AND ($2::uuid IS NULL OR i.id > $2::uuid) AND i.id <= $3::uuid
      ORDER BY i.id
        FOR UPDATE OF i`,
    [avvisoId, dopo, fino],
  );
}

/** Istanze read again, whole, inside the page's transaction (they changed after the read-ahead). */
export async function istanzeDaIstruire(m: EntityManager, ids: string[]): Promise<IstanzaDaIstruire[]> {
  return m.query<IstanzaDaIstruire[]>(
    `SELECT ${DA_ISTRUIRE} FROM istanza i ${ULTIMA_ISTRUTTORIA} WHERE i.id = ANY($1::uuid[]) ORDER BY i.id`,
    [ids],
  );
}

export interface IstruttoriaDiPagina {
  id: string;
  istanza_id: string;
  numero: number;
  regole_id: string;
  data_riferimento: string;
  input: InputIstruttoriaV1;
  valutazione: ValutazioneIstanzaV1;
}

/**
 * A page's istruttorie and the istanze's result columns, two statements whatever the page's size, and
 * the run's cursor and counts; the caller's transaction makes them one.
 */
export async function registraPagina(
  m: EntityManager,
  run: { id: string; causa: string; da: string },
  righe: IstruttoriaDiPagina[],
  ultima: string,
  cambiati: number,
  lette: number,
): Promise<boolean> {
  // Columns as arrays (unnest): each jsonb is parsed on its own, not one document of the whole page.
  const v = righe.map((r) => r.valutazione);
  await m.query(
    `INSERT INTO istruttoria (id, istanza_id, numero, regole_id, causa, data_riferimento, input,
       esito_calcolato, valutazione, esito, istruita_da)
     SELECT x.id, x.istanza_id, x.numero, x.regole_id, $7, x.data_riferimento, x.input::json, x.esito,
            x.valutazione::json, x.esito, $8
       FROM unnest($1::uuid[], $2::uuid[], $3::integer[], $4::uuid[], $5::date[], $6::text[], $9::text[], $10::text[])
            AS x(id, istanza_id, numero, regole_id, data_riferimento, input, valutazione, esito)`,
    [
      righe.map((r) => r.id),
      righe.map((r) => r.istanza_id),
      righe.map((r) => r.numero),
      righe.map((r) => r.regole_id),
      righe.map((r) => r.data_riferimento),
      righe.map((r) => JSON.stringify(r.input)),
      run.causa,
      run.da,
      v.map((x) => JSON.stringify(x)),
      v.map((x) => x.esito),
    ],
  );
  // Only the istanze whose result changed: rewriting a row with the values it has costs a new row
  // version and an entry in each of its indexes, for nothing (a re-run mostly confirms).
  await m.query(
    `UPDATE istanza i
        SET esito = x.esito, area = x.area, importo_mensile_centesimi = x.mensile,
            importo_totale_centesimi = x.totale, isee_centesimi = x.isee, chiavi = x.chiavi::jsonb
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::text[])
            AS x(istanza_id, esito, area, mensile, totale, isee, chiavi)
      WHERE i.id = x.istanza_id
        AND (i.esito, i.area, i.importo_mensile_centesimi, i.importo_totale_centesimi, i.isee_centesimi, i.chiavi)
            IS DISTINCT FROM (x.esito, x.area, x.mensile, x.totale, x.isee, x.chiavi::jsonb)`,
    [
      righe.map((r) => r.istanza_id),
      v.map((x) => x.esito),
      v.map((x) => x.area),
      v.map((x) => x.importoMensileCentesimi),
      v.map((x) => x.importoTotaleCentesimi),
      v.map((x) => x.chiavi.iseeCentesimi),
      v.map((x) => JSON.stringify(x.chiavi)),
    ],
  );
  const [, aggiornate] = await m.query<[unknown, number]>(
    `UPDATE istruttoria_avviso
        SET ultima_istanza_id = $2, istanze_istruite = istanze_istruite + $3,
            esiti_cambiati = esiti_cambiati + $4, aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'`,
    [run.id, ultima, lette, cambiati],
  );
  return aggiornate === 1;
}

export async function completaIstruttoriaAvviso(m: EntityManager, id: string): Promise<void> {
  await m.query(
    `UPDATE istruttoria_avviso SET stato = 'completata', conclusa_il = now(), aggiornata_il = now()
      WHERE id = $1 AND stato = 'in-corso'`,
    [id],
  );
}
