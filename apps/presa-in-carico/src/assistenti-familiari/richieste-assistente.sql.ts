import type { EntityManager } from 'typeorm';
import type { ChiConsente, RichiestaAssistenteV1, StatoRichiestaAssistente } from '@ambito/contracts';

/** The cartella's side of a richiesta of an assistente familiare (raw SQL, docs/adr/0006-misure-sql.md). */
interface RichiestaAssistenteRow {
  richiesta_id: string;
  cartella_id: string;
  valutazione_id: string;
  valutazione_del: string;
  versione_criteri: string;
  strumento: string;
  punteggio: number | null;
  spiegazione: string;
  consenso_dato_da: ChiConsente;
  consenso_nominativo: string | null;
  consenso_dato_il: string;
  consenso_documento: string;
  sportello: string | null;
  stato: StatoRichiestaAssistente;
  contratto_id: string | null;
  soddisfatta_il: string | null;
  proposta_da: string;
  proposta_da_nome: string;
  proposta_il: string;
}

const ISO = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLONNE = `richiesta_id, cartella_id, valutazione_id, to_char(valutazione_del, 'YYYY-MM-DD') AS valutazione_del,
  versione_criteri, strumento, punteggio, spiegazione, consenso_dato_da, consenso_nominativo,
  to_char(consenso_dato_il, 'YYYY-MM-DD') AS consenso_dato_il, consenso_documento, sportello, stato, contratto_id,
  ${ISO('soddisfatta_il')} AS soddisfatta_il, proposta_da, proposta_da_nome, ${ISO('proposta_il')} AS proposta_il`;

export function toRichiestaAssistenteV1(r: RichiestaAssistenteRow): RichiestaAssistenteV1 {
  return {
    richiestaId: r.richiesta_id,
    cartellaId: r.cartella_id,
    valutazioneId: r.valutazione_id,
    valutazioneDel: r.valutazione_del,
    bisogno: {
      versioneCriteri: r.versione_criteri,
      strumento: r.strumento,
      punteggio: r.punteggio,
      spiegazione: r.spiegazione,
    },
    consenso: {
      datoDa: r.consenso_dato_da,
      nominativo: r.consenso_nominativo,
      datoIl: r.consenso_dato_il,
      documento: r.consenso_documento,
    },
    sportello: r.sportello,
    stato: r.stato,
    contrattoId: r.contratto_id,
    soddisfattaIl: r.soddisfatta_il,
    propostaDa: { id: r.proposta_da, nome: r.proposta_da_nome },
    propostaIl: r.proposta_il,
  };
}

export async function richiesteDellaCartella(
  m: EntityManager,
  cartellaId: string,
): Promise<RichiestaAssistenteV1[]> {
  const righe = await m.query<RichiestaAssistenteRow[]>(
    `SELECT ${COLONNE} FROM richiesta_assistente WHERE cartella_id = $1 ORDER BY proposta_il, richiesta_id`,
    [cartellaId],
  );
  return righe.map(toRichiestaAssistenteV1);
}

/** The richiesta proposed for a valutazione of the cartella, or the open one of the cartella. */
export async function richiestaEsistente(
  m: EntityManager,
  cartellaId: string,
  valutazioneId: string,
): Promise<RichiestaAssistenteV1 | undefined> {
  const righe = await m.query<RichiestaAssistenteRow[]>(
    `SELECT ${COLONNE} FROM richiesta_assistente
      WHERE cartella_id = $1 AND (valutazione_id = $2 OR stato = 'aperta')
      ORDER BY (valutazione_id = $2) DESC LIMIT 1`,
    [cartellaId, valutazioneId],
  );
  return righe[0] ? toRichiestaAssistenteV1(righe[0]) : undefined;
}

export interface NuovaRichiestaAssistente {
  richiestaId: string;
  cartellaId: string;
  episodio: number;
  valutazioneId: string;
  valutazioneDel: string;
  versioneCriteri: string;
  strumento: string;
  punteggio: number | null;
  spiegazione: string;
  consensoDatoDa: ChiConsente;
  consensoNominativo: string | null;
  consensoDatoIl: string;
  consensoDocumento: string;
  sportello: string | null;
  propostaDa: string;
  propostaDaNome: string;
}

export async function inserisciRichiestaAssistente(
  m: EntityManager,
  r: NuovaRichiestaAssistente,
): Promise<void> {
  await m.query(
    `INSERT INTO richiesta_assistente (richiesta_id, cartella_id, episodio, valutazione_id, valutazione_del,
       versione_criteri, strumento, punteggio, spiegazione, consenso_dato_da, consenso_nominativo, consenso_dato_il,
       consenso_documento, sportello, stato, proposta_da, proposta_da_nome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'aperta', $15, $16)`,
    [
      r.richiestaId,
      r.cartellaId,
      r.episodio,
      r.valutazioneId,
      r.valutazioneDel,
      r.versioneCriteri,
      r.strumento,
      r.punteggio,
      r.spiegazione,
      r.consensoDatoDa,
      r.consensoNominativo,
      r.consensoDatoIl,
      r.consensoDocumento,
      r.sportello,
      r.propostaDa,
      r.propostaDaNome,
    ],
  );
}

export async function richiestaPerId(
  m: EntityManager,
  richiestaId: string,
): Promise<RichiestaAssistenteV1 | undefined> {
  const righe = await m.query<RichiestaAssistenteRow[]>(
    `SELECT ${COLONNE} FROM richiesta_assistente WHERE richiesta_id = $1`,
    [richiestaId],
  );
  return righe[0] ? toRichiestaAssistenteV1(righe[0]) : undefined;
}

/** The outcome from the sportello; the cartella it belongs to, or null when it is not one of ours or already known. */
export async function segnaSoddisfatta(
  m: EntityManager,
  richiestaId: string,
  contrattoId: string,
  il: string,
): Promise<string | null> {
  const righe = await m.query<Array<{ cartella_id: string }>>(
    `WITH u AS (
       UPDATE richiesta_assistente SET stato = 'soddisfatta', contratto_id = $2, soddisfatta_il = $3
        WHERE richiesta_id = $1 AND stato = 'aperta' RETURNING cartella_id)
     SELECT cartella_id FROM u`,
    [richiestaId, contrattoId, il],
  );
  return righe[0]?.cartella_id ?? null;
}
