import type { EntityManager } from 'typeorm';
import { COLONNE_BENEFICIO, type BeneficioRow } from './benefici.sql';
import type { EffettoRitorno } from './ritorno-progetto';

/** The beneficio of a concessione (istanza + impegno, uq_beneficio_concessione), locked. */
export async function beneficioDellaConcessione(
  m: EntityManager,
  istanzaId: string,
  impegnoId: string,
): Promise<BeneficioRow | null> {
  const [riga] = await m.query<BeneficioRow[]>(
    `SELECT ${COLONNE_BENEFICIO} FROM beneficio WHERE istanza_id = $1 AND impegno_id = $2 FOR UPDATE`,
    [istanzaId, impegnoId],
  );
  return riga ?? null;
}

/** The latest version of the cartella's progetto applied to the beneficio; null if none. */
export async function ultimaVersioneApplicata(
  m: EntityManager,
  beneficioId: string,
  cartellaId: string,
): Promise<number | null> {
  const [r] = await m.query<Array<{ versione: number }>>(
    `SELECT versione FROM ritorno_progetto
      WHERE beneficio_id = $1 AND cartella_id = $2 AND esito = 'applicato'
      ORDER BY versione DESC LIMIT 1`,
    [beneficioId, cartellaId],
  );
  return r?.versione ?? null;
}

export interface RitornoProgettoRow {
  evento_id: string;
  beneficio_id: string;
  cartella_id: string;
  progetto_id: string;
  versione: number;
  intervento_misura_id: string;
  regole_id: string;
  esito: 'applicato' | 'superato';
  effetti: EffettoRitorno[];
  input: Record<string, unknown>;
}

export async function registraRitornoProgetto(m: EntityManager, r: RitornoProgettoRow): Promise<void> {
  await m.query(
    `INSERT INTO ritorno_progetto (evento_id, beneficio_id, cartella_id, progetto_id, versione,
       intervento_misura_id, regole_id, esito, effetti, input)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      r.evento_id,
      r.beneficio_id,
      r.cartella_id,
      r.progetto_id,
      r.versione,
      r.intervento_misura_id,
      r.regole_id,
      r.esito,
      JSON.stringify(r.effetti),
      JSON.stringify(r.input),
    ],
  );
}
