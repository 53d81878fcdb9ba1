import type { EntityManager } from 'typeorm';
import type {
  ChiConsente,
  Convivenza,
  FasciaOrariaV1,
  OrigineRichiesta,
  RichiestaV1,
  StatoRichiesta,
} from '@ambito/contracts';
import { oreSettimanali } from '../abbinamento/griglia-oraria';

export interface RichiestaRow {
  id: string;
  persona_id: string;
  origine: OrigineRichiesta;
  cartella_id: string | null;
  valutazione_id: string | null;
  valutazione_del: string | null;
  consenso_dato_da: ChiConsente | null;
  consenso_nominativo: string | null;
  consenso_dato_il: string | null;
  consenso_documento: string | null;
  sportello: string | null;
  comune: string;
  sub_ambito: string;
  orari: FasciaOrariaV1[];
  slot: number[];
  convivenza: Convivenza;
  competenze: string[];
  competenze_indispensabili: string[];
  lingue: string[];
  data_inizio: string;
  note: string | null;
  stato: StatoRichiesta;
  contratto_id: string | null;
  registrata_da: string;
  registrata_il: Date;
}

export interface NuovaRichiesta {
  id: string;
  personaId: string;
  origine: OrigineRichiesta;
  cartellaId: string | null;
  consensoDocumento: string | null;
  valutazioneDel: string | null;
  valutazioneId: string | null;
  consensoDatoDa: ChiConsente | null;
  consensoNominativo: string | null;
  consensoDatoIl: string | null;
  sportello: string | null;
  comune: string;
  subAmbito: string;
  orari: FasciaOrariaV1[];
  slot: number[];
  convivenza: Convivenza;
  competenze: string[];
  competenzeIndispensabili: string[];
  lingue: string[];
  dataInizio: string;
  note: string | null;
  registrataDa: string;
}

export async function inserisciRichiesta(m: EntityManager, r: NuovaRichiesta): Promise<void> {
  await m.query(
    `INSERT INTO richiesta (id, persona_id, origine, cartella_id, consenso_documento, valutazione_del, sportello,
       comune, sub_ambito, orari, slot, convivenza, competenze, competenze_indispensabili, lingue, data_inizio,
       note, stato, registrata_da, valutazione_id, consenso_dato_da, consenso_nominativo, consenso_dato_il)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'aperta', $18,
       $19, $20, $21, $22)`,
    [
      r.id,
      r.personaId,
      r.origine,
      r.cartellaId,
      r.consensoDocumento,
      r.valutazioneDel,
      r.sportello,
      r.comune,
      r.subAmbito,
      JSON.stringify(r.orari),
      r.slot,
      r.convivenza,
      r.competenze,
      r.competenzeIndispensabili,
      r.lingue,
      r.dataInizio,
      r.note,
      r.registrataDa,
      r.valutazioneId,
      r.consensoDatoDa,
      r.consensoNominativo,
      r.consensoDatoIl,
    ],
  );
}

const COLONNE = `id, persona_id, origine, cartella_id, valutazione_id, to_char(valutazione_del, 'YYYY-MM-DD') AS valutazione_del,
            consenso_dato_da, consenso_nominativo, to_char(consenso_dato_il, 'YYYY-MM-DD') AS consenso_dato_il,
            consenso_documento, sportello, comune, sub_ambito, orari, slot, convivenza,
            competenze, competenze_indispensabili, lingue, to_char(data_inizio, 'YYYY-MM-DD') AS data_inizio,
            note, stato, contratto_id, registrata_da, registrata_il`;

export async function richiestaPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<RichiestaRow | undefined> {
  const [riga] = await m.query<RichiestaRow[]>(
    `SELECT ${COLONNE} FROM richiesta WHERE id = $1 ${opzioni.blocca ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return riga;
}

/** The richiesta presa in carico proposed for a cartella on a valutazione, if any (a retry finds it). */
export async function richiestaDellaValutazione(
  m: EntityManager,
  cartellaId: string,
  valutazioneId: string,
): Promise<RichiestaRow | undefined> {
  const [riga] = await m.query<RichiestaRow[]>(
    `SELECT ${COLONNE} FROM richiesta WHERE cartella_id = $1 AND valutazione_id = $2`,
    [cartellaId, valutazioneId],
  );
  return riga;
}

/** Marks the richiesta satisfied by the contract; false when it was not open any more. */
export async function segnaSoddisfatta(m: EntityManager, id: string, contrattoId: string): Promise<boolean> {
  // Through a CTE: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
  const righe = await m.query<unknown[]>(
    `WITH u AS (UPDATE richiesta SET stato = 'soddisfatta', contratto_id = $2 WHERE id = $1 AND stato = 'aperta' RETURNING id)
     SELECT id FROM u`,
    [id, contrattoId],
  );
  return righe.length === 1;
}

export function toRichiestaV1(r: RichiestaRow): RichiestaV1 {
  return {
    id: r.id,
    personaId: r.persona_id,
    origine: r.origine,
    cartellaId: r.cartella_id,
    valutazioneId: r.valutazione_id,
    valutazioneDel: r.valutazione_del,
    consenso:
      r.consenso_dato_da && r.consenso_dato_il && r.consenso_documento
        ? {
            datoDa: r.consenso_dato_da,
            nominativo: r.consenso_nominativo,
            datoIl: r.consenso_dato_il,
            documento: r.consenso_documento,
          }
        : null,
    sportello: r.sportello,
    comune: r.comune,
    subAmbito: r.sub_ambito,
    orari: r.orari,
    oreSettimanali: oreSettimanali(r.orari),
    convivenza: r.convivenza,
    competenze: r.competenze as RichiestaV1['competenze'],
    competenzeIndispensabili: r.competenze_indispensabili as RichiestaV1['competenze'],
    lingue: r.lingue,
    dataInizio: r.data_inizio,
    note: r.note,
    stato: r.stato,
    contrattoId: r.contratto_id,
    registrataDa: r.registrata_da,
    registrataIl: r.registrata_il.toISOString(),
  };
}
