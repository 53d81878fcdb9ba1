import type { EntityManager } from 'typeorm';
import type {
  ParteDelPunteggioV1,
  PropostaAssistenteV1,
  RispostaProposta,
  StatoPropostaAssistente,
} from '@ambito/contracts';

export interface PropostaRow {
  id: string;
  richiesta_id: string;
  iscrizione_id: string;
  assistente_id: string;
  punteggio: string;
  parti: ParteDelPunteggioV1[];
  versione_pesi: string;
  stato: StatoPropostaAssistente;
  risposta_famiglia: RispostaProposta | null;
  risposta_assistente: RispostaProposta | null;
  colloquio_il: string | null;
  motivo: string | null;
}

const COLONNE = `id, richiesta_id, iscrizione_id, assistente_id, punteggio, parti, versione_pesi, stato,
  risposta_famiglia, risposta_assistente, to_char(colloquio_il, 'YYYY-MM-DD') AS colloquio_il, motivo`;

export async function inserisciProposta(
  m: EntityManager,
  p: {
    id: string;
    richiestaId: string;
    iscrizioneId: string;
    assistenteId: string;
    punteggio: number;
    parti: ParteDelPunteggioV1[];
    versionePesi: string;
    da: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO proposta (id, richiesta_id, iscrizione_id, assistente_id, punteggio, parti, versione_pesi, stato, proposta_da)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposta', $8)`,
    [
      p.id,
      p.richiestaId,
      p.iscrizioneId,
      p.assistenteId,
      p.punteggio,
      JSON.stringify(p.parti),
      p.versionePesi,
      p.da,
    ],
  );
}

export async function propostaPerId(
  m: EntityManager,
  id: string,
  opzioni: { blocca?: boolean } = {},
): Promise<PropostaRow | undefined> {
  const [riga] = await m.query<PropostaRow[]>(
    `SELECT ${COLONNE} FROM proposta WHERE id = $1 ${opzioni.blocca ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return riga;
}

export async function propostaAccettata(
  m: EntityManager,
  richiestaId: string,
  assistenteId: string,
): Promise<boolean> {
  const righe = await m.query<unknown[]>(
    `SELECT 1 FROM proposta WHERE richiesta_id = $1 AND assistente_id = $2 AND stato = 'accettata'`,
    [richiestaId, assistenteId],
  );
  return righe.length > 0;
}

export async function aggiornaRisposte(
  m: EntityManager,
  id: string,
  r: {
    rispostaFamiglia: RispostaProposta | null;
    rispostaAssistente: RispostaProposta | null;
    stato: StatoPropostaAssistente;
    colloquioIl: string | null;
    motivo: string | null;
  },
): Promise<void> {
  await m.query(
    `UPDATE proposta SET risposta_famiglia = $2, risposta_assistente = $3, stato = $4, colloquio_il = $5,
            motivo = $6, aggiornata_il = now() WHERE id = $1`,
    [id, r.rispostaFamiglia, r.rispostaAssistente, r.stato, r.colloquioIl, r.motivo],
  );
}

export function toPropostaV1(p: PropostaRow): PropostaAssistenteV1 {
  return {
    id: p.id,
    richiestaId: p.richiesta_id,
    iscrizioneId: p.iscrizione_id,
    assistenteId: p.assistente_id,
    punteggio: Number(p.punteggio),
    parti: p.parti,
    versionePesi: p.versione_pesi,
    stato: p.stato,
    rispostaFamiglia: p.risposta_famiglia,
    rispostaAssistente: p.risposta_assistente,
    colloquioIl: p.colloquio_il,
    motivo: p.motivo,
  };
}
