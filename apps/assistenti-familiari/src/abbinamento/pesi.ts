/*
 * The weights and thresholds of the matching, as versioned data (law-as-data rule of the project): the
 * sportello's practice, not a law, so every value is marked B (best reconstruction, regole-lombardia.md
 * §4.1 gives the sportello's task c) "aiuto nella ricerca e selezione" and no method). A new practice is
 * a new version with its own validity; every proposal records the version it was ranked with.
 */

export const CRITERI_ABBINAMENTO = ['competenze', 'disponibilita', 'area', 'lingue', 'convivenza'] as const;
export type CriterioAbbinamento = (typeof CRITERI_ABBINAMENTO)[number];

export interface PesiAbbinamento {
  versione: string;
  validoDal: string;
  validoAl: string | null;
  /** The act or decision the version comes from, and its confidence mark (V, S, B, NF). */
  fonte: { atto: string; affidabilita: 'V' | 'S' | 'B' | 'NF' };
  /** Relative weight of each criterion; the score is their weighted mean × 100. */
  pesi: Record<CriterioAbbinamento, number>;
  /** Value of the area criterion by how close the assistant's declared area is to the family's comune. */
  area: { comune: number; subAmbito: number; ambito: number };
  /** Value of the live-in criterion when the family would like live-in and the assistant does not offer it. */
  convivenzaGraditaNonOfferta: number;
  filtri: {
    /** Share of the requested hours the assistant must be available for (0..1): below it, not a candidate. */
    disponibilitaMinima: number;
  };
}

export const PESI_ABBINAMENTO: readonly PesiAbbinamento[] = [
  {
    versione: 'abbinamento-2026.1',
    validoDal: '2025-01-01',
    validoAl: null,
    fonte: {
      atto: 'Prassi degli sportelli assistenti familiari dell’Ambito (L.R. 15/2015 art. 6 c. 1 lett. c), regole-lombardia.md §4.1): pesi da confermare con le referenti',
      affidabilita: 'B',
    },
    pesi: { competenze: 35, disponibilita: 30, area: 15, lingue: 10, convivenza: 10 },
    area: { comune: 1, subAmbito: 0.6, ambito: 0.3 },
    convivenzaGraditaNonOfferta: 0,
    filtri: { disponibilitaMinima: 0.5 },
  },
];

/** The version in force on `giorno` (AAAA-MM-GG), the latest to start when validities overlap. */
export function pesiInVigore(
  giorno: string,
  versioni: readonly PesiAbbinamento[] = PESI_ABBINAMENTO,
): PesiAbbinamento {
  const inVigore = versioni
    .filter((v) => v.validoDal <= giorno && (v.validoAl === null || giorno <= v.validoAl))
    .sort((a, b) => b.validoDal.localeCompare(a.validoDal));
  if (inVigore.length === 0)
    throw new Error(`nessuna versione dei pesi di abbinamento in vigore il ${giorno}`);
  return inVigore[0];
}
