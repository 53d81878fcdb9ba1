import type { EntityManager } from 'typeorm';
import type {
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
       note, stato, registrata_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'aperta', $18)`,
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
    ],
  );
}

export async function richiestaPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<RichiestaRow | undefined> {
  const [riga] = await m.query<RichiestaRow[]>(
    `SELECT id, persona_id, origine, cartella_id, sportello, comune, sub_ambito, orari, slot, convivenza,
            competenze, competenze_indispensabili, lingue, to_char(data_inizio, 'YYYY-MM-DD') AS data_inizio,
            note, stato, contratto_id, registrata_da, registrata_il
       FROM richiesta WHERE id = $1 ${opzioni.blocca ? 'FOR UPDATE' : ''}`,
    [id],
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
