import type { EntityManager } from 'typeorm';

/** A scheda with an active iscrizione, as the matching reads it. */
export interface SchedaRow {
  iscrizione_id: string;
  assistente_id: string;
  nome: string;
  cognome: string;
  sportello: string;
  competenze: string[];
  lingue: string[];
  aree: string[];
  convivente: boolean;
  disponibilita: number[];
}

/** One active iscrizione with its scheda (to propose it), or undefined. */
export async function schedaAttiva(m: EntityManager, iscrizioneId: string): Promise<SchedaRow | undefined> {
  const [riga] = await m.query<SchedaRow[]>(
    `SELECT i.id AS iscrizione_id, i.assistente_id, a.nome, a.cognome, i.sportello,
            s.competenze, s.lingue, s.aree, s.convivente, s.disponibilita
       FROM iscrizione i
       JOIN scheda s ON s.iscrizione_id = i.id
       JOIN assistente a ON a.id = i.assistente_id
      WHERE i.id = $1 AND i.stato = 'attiva'`,
    [iscrizioneId],
  );
  return riga;
}

/** Whether the assistant has an active iscrizione in any register this service keeps. */
export async function assistenteIscritto(m: EntityManager, assistenteId: string): Promise<boolean> {
  const righe = await m.query<unknown[]>(
    `SELECT 1 FROM iscrizione WHERE assistente_id = $1 AND stato = 'attiva' LIMIT 1`,
    [assistenteId],
  );
  return righe.length > 0;
}
