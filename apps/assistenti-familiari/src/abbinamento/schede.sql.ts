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

/**
 * The schede of the registro's active iscrizioni that pass the filters the database can apply with its
 * indexes (area, live-in, indispensable competences); the rest of the matching is the pure engine's.
 */
export async function schedeAttive(
  m: EntityManager,
  filtro: { registri: string[]; aree: string[]; convivente: boolean; competenze: string[] },
): Promise<SchedaRow[]> {
  return m.query<SchedaRow[]>(
    `SELECT i.id AS iscrizione_id, i.assistente_id, a.nome, a.cognome, i.sportello,
            s.competenze, s.lingue, s.aree, s.convivente, s.disponibilita
       FROM iscrizione i
       JOIN scheda s ON s.iscrizione_id = i.id
       JOIN assistente a ON a.id = i.assistente_id
      WHERE i.registro = ANY($1) AND i.stato = 'attiva'
        AND s.aree && $2::text[]
        AND ($3::boolean = false OR s.convivente)
        AND s.competenze @> $4::text[]`,
    [filtro.registri, filtro.aree, filtro.convivente, filtro.competenze],
  );
}

/** How many schede of active iscrizioni the registro has (the matching's denominator). */
export async function contaSchedeAttive(m: EntityManager, registri: string[]): Promise<number> {
  const [{ n }] = await m.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM iscrizione i JOIN scheda s ON s.iscrizione_id = i.id
      WHERE i.registro = ANY($1) AND i.stato = 'attiva'`,
    [registri],
  );
  return Number(n);
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
