/*
 * The rules of the Bonus assistenti familiari (Regione Lombardia, L.R. 15/2015), one document per
 * version with its validity and sources (regole-lombardia.md §4.3 and rule 22). The Region decides the
 * applications on its own platform: the sportello only pre-checks with the version in force on the day
 * of the check, and records which one it used.
 */

export const RICHIEDENTI_BONUS = ['assistito', 'familiare', 'amministratore-sostegno', 'tutore'] as const;
export type RichiedenteBonus = (typeof RICHIEDENTI_BONUS)[number];

/** Whose ISEE counts. */
export type TitolareIsee = 'assistito' | 'familiare';

export interface FasciaBonus {
  /** Upper ISEE bound of the band, inclusive, in cents. */
  iseeFinoCentesimi: number;
  massimaleCentesimi: number;
}

export interface FonteRegolaBonus {
  parametro: string;
  fonte: string;
  affidabilita: 'V' | 'S' | 'B' | 'NF';
}

export interface RegoleBonus {
  versione: string;
  validoDal: string;
  validoAl: string | null;
  /** Share of the eligible expenses the bonus covers, in percent. */
  percentualeSpese: number;
  /** What the expenses are (all wages and contributions, or contributions only). */
  speseAmmissibili: string;
  /** Bands by ISEE, ascending; above the last one there is no bonus. */
  fasce: FasciaBonus[];
  anniResidenzaLombardia: number;
  assistenteIscrittoRegistro: boolean;
  contrattoRegolare: boolean;
  richiedenteIntestatario: boolean;
  /** Whose ISEE counts, by who applies. */
  iseeDi: Record<RichiedenteBonus, TitolareIsee>;
  fonti: FonteRegolaBonus[];
}

const RL = 'regole-lombardia.md';

export const REGOLE_BONUS: readonly RegoleBonus[] = [
  {
    versione: 'bonus-af-2018',
    validoDal: '2018-01-01',
    validoAl: '2021-12-31',
    percentualeSpese: 50,
    speseAmmissibili: 'spese previdenziali del contratto',
    fasce: [{ iseeFinoCentesimi: 2_500_000, massimaleCentesimi: 150_000 }],
    anniResidenzaLombardia: 5,
    assistenteIscrittoRegistro: true,
    contrattoRegolare: true,
    richiedenteIntestatario: false,
    iseeDi: {
      assistito: 'assistito',
      familiare: 'familiare',
      'amministratore-sostegno': 'assistito',
      tutore: 'assistito',
    },
    fonti: [
      {
        parametro: 'fasce',
        fonte: `§4.3 prima versione: ISEE ≤ 25.000 €, max 1.500 € (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'percentualeSpese',
        fonte: `§4.3: 50% delle spese previdenziali (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'anniResidenzaLombardia',
        fonte: `§4.3: residenza in Lombardia da ≥ 5 anni (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'iseeDi',
        fonte: `non indicato per la prima versione: come la successiva (${RL})`,
        affidabilita: 'B',
      },
    ],
  },
  {
    versione: 'bonus-af-2022',
    validoDal: '2022-01-01',
    validoAl: null,
    percentualeSpese: 60,
    speseAmmissibili: 'spese per la retribuzione e i contributi del contratto',
    fasce: [
      { iseeFinoCentesimi: 2_500_000, massimaleCentesimi: 240_000 },
      { iseeFinoCentesimi: 3_500_000, massimaleCentesimi: 200_000 },
    ],
    anniResidenzaLombardia: 5,
    assistenteIscrittoRegistro: true,
    contrattoRegolare: true,
    richiedenteIntestatario: true,
    iseeDi: {
      assistito: 'assistito',
      familiare: 'familiare',
      'amministratore-sostegno': 'assistito',
      tutore: 'assistito',
    },
    fonti: [
      {
        parametro: 'fasce',
        fonte: `§4.3 e regola 22: ISEE ≤ 25.000 € max 2.400 €, 25.000–35.000 € max 2.000 € (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'percentualeSpese',
        fonte: `regola 22: 60% delle spese ammissibili (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'richiedenteIntestatario',
        fonte: `regola 22: il richiedente è l’intestatario del contratto (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'iseeDi',
        fonte: `regola 22: ISEE dell’assistito con AdS/tutore, del familiare se richiede il familiare (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'anniResidenzaLombardia',
        fonte: `regola 22: residenza in Lombardia da ≥ 5 anni (${RL})`,
        affidabilita: 'S',
      },
      {
        parametro: 'validoAl',
        fonte: `§4.3: versione 2022-2025, rifinanziata a 12/2025; fine non nota (${RL})`,
        affidabilita: 'B',
      },
    ],
  },
];

export function regoleBonusInVigore(
  giorno: string,
  versioni: readonly RegoleBonus[] = REGOLE_BONUS,
): RegoleBonus {
  const inVigore = versioni
    .filter((v) => v.validoDal <= giorno && (v.validoAl === null || giorno <= v.validoAl))
    .sort((a, b) => b.validoDal.localeCompare(a.validoDal));
  if (inVigore.length === 0)
    throw new Error(`nessuna versione delle regole del Bonus in vigore il ${giorno}`);
  return inVigore[0];
}
