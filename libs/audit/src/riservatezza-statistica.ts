import { DomainError } from '@ambito/contracts';
import { FUSO_ORARIO } from './periodo-locale';

/*
 * Confidentiality of the aggregated figures shown to the roles that see aggregates only (LETTORI_AMBITO
 * of the contracts). A cell with few persons behind it, or a daily series per comune, lets whoever
 * knows a neighbour's visit recognise the rest of it (area di bisogno, sub-ambito, outcome).
 */

/** A cell as counted, before the rule: the persons inside it and, for a filtered answer, outside it. */
export interface CellaConteggiata {
  /** Distinct persons behind the cell. */
  persone: number;
  /**
   * Distinct persons of the same cell left out by a filter that cuts across cells (e.g. accessi of a
   * sub-ambito per comune of residence): 0 without such a filter.
   */
  personeFuori?: number;
  /** Records of the same cell left out by that filter. */
  totaleFuori?: number;
}

/**
 * Whether a cell may be published: at least `soglia` persons (primary suppression) and, when a filter
 * leaves part of the cell out, that part either empty or of at least `soglia` persons too, since the
 * unfiltered answer minus this one would give it (secondary suppression). The published total is the
 * sum of the published cells, so it never reveals an omitted one.
 */
export function cellaPubblicabile(cella: CellaConteggiata, soglia: number): boolean {
  if (cella.persone < soglia) return false;
  if ((cella.totaleFuori ?? 0) > 0 && (cella.personeFuori ?? 0) < soglia) return false;
  return true;
}

/** The current month in Italian local time, `AAAA-MM`: its cells still change day by day. */
export function meseInCorso(adesso: Date = new Date()): string {
  const parti = new Intl.DateTimeFormat('en-CA', { timeZone: FUSO_ORARIO, year: 'numeric', month: '2-digit' })
    .formatToParts(adesso)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parti.year}-${parti.month}`;
}

/**
 * Aggregate-only roles count whole months: a period that starts or ends inside a month would give,
 * by difference with the next one, the figures of single days.
 */
export function assertMesiInteri(dal: string, al: string): void {
  const [anno, mese, giorno] = al.split('-').map(Number);
  const ultimo = new Date(Date.UTC(anno, mese, 0)).getUTCDate();
  if (!dal.endsWith('-01') || giorno !== ultimo) {
    throw new DomainError(
      'DETTAGLIO_STATISTICO_NON_CONSENTITO',
      'Per il proprio ruolo i contatori sono per mesi interi: dal deve essere il primo giorno di un mese e al l’ultimo giorno di un mese.',
      [{ campo: dal.endsWith('-01') ? 'al' : 'dal', messaggi: ['mese intero richiesto'] }],
    );
  }
}

/** Injection token of the threshold of a service (its `STATISTICHE_SOGLIA_PERSONE`). */
export const SOGLIA_PERSONE = Symbol('SOGLIA_PERSONE');
