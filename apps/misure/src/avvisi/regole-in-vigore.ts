import type { EntityManager } from 'typeorm';
import { DomainError, type Misura, type ParametriRegoleV1 } from '@ambito/contracts';

/** A rule set as the avvisi and the istruttoria read it. */
export interface RegoleRow {
  id: string;
  misura: Misura;
  annualita: number;
  parametri: ParametriRegoleV1;
}

/*
 * The rule set in force for a measure and annualità on a day (table regole_misura, stato 'in-vigore'):
 * read here with one statement until the rule sets' own repository (lane misure-regole) offers it.
 */
export async function regoleInVigore(
  manager: EntityManager,
  filtro: { ambito: string; misura: Misura; annualita: number; giorno: string },
): Promise<RegoleRow | null> {
  const [riga] = await manager.query<RegoleRow[]>(
    `SELECT id, misura, annualita, parametri FROM regole_misura
      WHERE ambito = $1 AND misura = $2 AND annualita = $3 AND stato = 'in-vigore'
        AND valido_dal <= $4::date AND (valido_al IS NULL OR valido_al >= $4::date)
      ORDER BY versione DESC LIMIT 1`,
    [filtro.ambito, filtro.misura, filtro.annualita, filtro.giorno],
  );
  return riga ?? null;
}

export async function regolePerId(manager: EntityManager, id: string): Promise<RegoleRow | null> {
  const [riga] = await manager.query<RegoleRow[]>(
    `SELECT id, misura, annualita, parametri FROM regole_misura WHERE id = $1`,
    [id],
  );
  return riga ?? null;
}

export const regoleNonInVigore = (dettaglio: string) =>
  new DomainError('REGOLE_NON_IN_VIGORE', `Nessuna versione delle regole applicabile: ${dettaglio}.`);
