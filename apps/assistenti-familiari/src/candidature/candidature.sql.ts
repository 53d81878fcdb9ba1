import type { EntityManager } from 'typeorm';
import type {
  CandidaturaV1,
  DichiarazioniCandidaturaV1,
  DocumentoCandidaturaV1,
  SchedaAssistenteV1,
  StatoCandidatura,
  VerificaRequisitiV1,
} from '@ambito/contracts';
import { assistentePerId } from '../registro/registro.sql';

export interface CandidaturaRow {
  id: string;
  registro: string;
  assistente_id: string;
  sportello: string;
  stato: StatoCandidatura;
  dichiarazioni: DichiarazioniCandidaturaV1;
  scheda: SchedaAssistenteV1;
  documenti: DocumentoCandidaturaV1[];
  requisiti_id: string;
  verifica: VerificaRequisitiV1;
  presentata_da: string;
  presentata_il: string;
  decisa_da: string | null;
  decisa_il: string | null;
  motivazione: string | null;
  iscrizione_id: string | null;
}

const ISO = (c: string) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function candidaturaPerId(
  manager: EntityManager,
  registro: string,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<CandidaturaRow | null> {
  const rows = await manager.query<CandidaturaRow[]>(
    `SELECT c.id, c.registro, c.assistente_id, c.sportello, c.stato, c.dichiarazioni, c.scheda, c.documenti,
            c.requisiti_id, c.verifica, c.presentata_da, ${ISO('c.presentata_il')} AS presentata_il, c.decisa_da,
            ${ISO('c.decisa_il')} AS decisa_il, c.motivazione,
            (SELECT i.id FROM iscrizione i WHERE i.candidatura_id = c.id) AS iscrizione_id
       FROM candidatura c WHERE c.id = $1 AND c.registro = $2${opzioni.blocca ? ' FOR UPDATE OF c' : ''}`,
    [id, registro],
  );
  return rows[0] ?? null;
}

export async function inserisciCandidatura(
  manager: EntityManager,
  c: Pick<
    CandidaturaRow,
    | 'id'
    | 'registro'
    | 'assistente_id'
    | 'sportello'
    | 'dichiarazioni'
    | 'scheda'
    | 'documenti'
    | 'requisiti_id'
    | 'verifica'
    | 'presentata_da'
  >,
): Promise<void> {
  await manager.query(
    `INSERT INTO candidatura (id, registro, assistente_id, sportello, stato, dichiarazioni, scheda, documenti, requisiti_id, verifica, presentata_da)
     VALUES ($1, $2, $3, $4, 'presentata', $5, $6, $7, $8, $9, $10)`,
    [
      c.id,
      c.registro,
      c.assistente_id,
      c.sportello,
      JSON.stringify(c.dichiarazioni),
      JSON.stringify(c.scheda),
      JSON.stringify(c.documenti),
      c.requisiti_id,
      JSON.stringify(c.verifica),
      c.presentata_da,
    ],
  );
}

export async function decidiCandidatura(
  manager: EntityManager,
  id: string,
  d: {
    stato: 'iscritta' | 'respinta';
    da: string;
    motivazione: string | null;
    verifica?: VerificaRequisitiV1;
  },
): Promise<void> {
  await manager.query(
    `UPDATE candidatura SET stato = $2, decisa_da = $3, decisa_il = now(), motivazione = $4,
       verifica = COALESCE($5::jsonb, verifica), requisiti_id = COALESCE($6::uuid, requisiti_id)
     WHERE id = $1`,
    [
      id,
      d.stato,
      d.da,
      d.motivazione,
      d.verifica ? JSON.stringify(d.verifica) : null,
      d.verifica?.requisitiId ?? null,
    ],
  );
}

export async function candidaturaV1(manager: EntityManager, r: CandidaturaRow): Promise<CandidaturaV1> {
  return {
    id: r.id,
    registro: r.registro,
    sportello: r.sportello,
    stato: r.stato,
    assistente: await assistentePerId(manager, r.assistente_id),
    dichiarazioni: r.dichiarazioni,
    scheda: r.scheda,
    documenti: r.documenti,
    verifica: r.verifica,
    presentataDa: r.presentata_da,
    presentataIl: r.presentata_il,
    decisaDa: r.decisa_da,
    decisaIl: r.decisa_il,
    motivazione: r.motivazione,
    iscrizioneId: r.iscrizione_id,
  };
}
