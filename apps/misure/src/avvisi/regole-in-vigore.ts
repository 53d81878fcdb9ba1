import type { EntityManager } from 'typeorm';
import { DomainError, ParametriRegoleV1, validaContratto, type Misura } from '@ambito/contracts';

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
  return riga ? validata(riga) : null;
}

export async function regolePerId(manager: EntityManager, id: string): Promise<RegoleRow | null> {
  const [riga] = await manager.query<RegoleRow[]>(
    `SELECT id, misura, annualita, parametri FROM regole_misura WHERE id = $1`,
    [id],
  );
  return riga ? validata(riga) : null;
}

/** Documents already validated, by id, with their text: a document changed since is validated again. */
const validate = new Map<string, string>();

/**
 * A rule set read back is validated by its contract classes before it is used (ADR 0006); the engine
 * gets the stored document as it is, so a snapshot and its rule set always give the same result.
 */
async function validata(riga: RegoleRow): Promise<RegoleRow> {
  const testo = JSON.stringify(riga.parametri);
  if (validate.get(riga.id) === testo) return riga;
  try {
    await validaContratto(ParametriRegoleV1, riga.parametri);
  } catch {
    throw regoleNonInVigore(`la versione ${riga.id} non è un documento di regole valido`);
  }
  validate.set(riga.id, testo);
  return riga;
}

export const regoleNonInVigore = (dettaglio: string) =>
  new DomainError('REGOLE_NON_IN_VIGORE', `Nessuna versione delle regole applicabile: ${dettaglio}.`);
