import { CODICE_PRESTAZIONE_PATTERN } from '@ambito/contracts';

/*
 * How a valutazione of presa in carico becomes the SINA section of a SIUSS prestazione
 * (PS_PSA_SINA201812.xsd, SINAType), as versioned data (law as data): each version has its validity
 * dates, its source and, per instrument version, the confidence mark of domain/regole-lombardia.md.
 * A new grid or a corrected reading is a new version with `validoDal`, never an edit of one in force.
 */

/** The attributes of SINAType, in the XSD's names; values are the XSD's enumeration codes. */
export const ATTRIBUTI_SINA = [
  'Mobilita',
  'AttivitaVitaQuotidiana',
  'DisturbiAreaCognitiva',
  'DisturbiComportamentali',
  'NecessitaCureSanitarie',
  'AreaReddituale',
  'AreaSupporto',
  'FonteDerivazioneValutazione',
  'StrumentoValutazione',
  'FonteDerivazioneInvalidita',
] as const;
export type AttributoSina = (typeof ATTRIBUTI_SINA)[number];

/** Required by the XSD: without them the section is not sent (the record goes without SINA). */
export const ATTRIBUTI_SINA_OBBLIGATORI: readonly AttributoSina[] = [
  'Mobilita',
  'AttivitaVitaQuotidiana',
  'DisturbiComportamentali',
  'AreaReddituale',
  'AreaSupporto',
  'FonteDerivazioneValutazione',
  'StrumentoValutazione',
];

/** One XSD attribute read from one item of the instrument: item value → XSD code. */
export interface VoceSina {
  voce: string;
  valori: Readonly<Record<number, string>>;
}

export interface MappaStrumentoSina {
  confidenza: 'V' | 'B';
  /** Why the mark, when it is not [V]. */
  nota?: string;
  attributi: Readonly<Partial<Record<AttributoSina, VoceSina>>>;
  /** InvaliditaCivile/InvCiv: a list item (codes as the XSD's), or one value item (0 = none). */
  invalidita:
    | { voce: string; tipo: 'lista'; codici: readonly string[] }
    | { voce: string; tipo: 'valore'; valori: Readonly<Record<number, string>> }
    | null;
  /** NecessitaInterventiSociali: a list item of SIUSS codici prestazione. */
  necessita: { voce: string } | null;
}

export interface VersioneMappaSina {
  versione: string;
  validoDal: string;
  validoAl: string | null;
  fonte: string;
  /** Key `strumento@versione` of presa in carico's instrument. */
  strumenti: Readonly<Record<string, MappaStrumentoSina>>;
}

const identici = (n: number): Record<number, string> =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [i + 1, String(i + 1)]));

const CODICI_INVCIV = ['1', '2', '3', '4', '5', '6', '7', '8'];

export const MAPPE_SINA: readonly VersioneMappaSina[] = [
  {
    versione: 'sina-2026.1',
    validoDal: '2019-01-01',
    validoAl: null,
    fonte:
      'INPS, tracciato PS_PSA_SINA201812.xsd (SINAType, enumerazioni); regole-lombardia.md §7.3; strumenti SINA v1 e v2 di presa in carico (strumenti.seed.ts, sina-v2.seed.ts)',
    strumenti: {
      // Version 2 is the XSD itself: item codes are the attribute names, values its enumerations.
      'SINA@2': {
        confidenza: 'V',
        attributi: {
          Mobilita: { voce: 'Mobilita', valori: identici(3) },
          AttivitaVitaQuotidiana: { voce: 'AttivitaVitaQuotidiana', valori: identici(3) },
          DisturbiAreaCognitiva: { voce: 'DisturbiAreaCognitiva', valori: identici(3) },
          DisturbiComportamentali: { voce: 'DisturbiComportamentali', valori: identici(2) },
          NecessitaCureSanitarie: { voce: 'NecessitaCureSanitarie', valori: identici(3) },
          AreaReddituale: { voce: 'AreaReddituale', valori: identici(3) },
          AreaSupporto: { voce: 'AreaSupporto', valori: identici(3) },
          FonteDerivazioneValutazione: { voce: 'FonteDerivazioneValutazione', valori: identici(4) },
          StrumentoValutazione: { voce: 'StrumentoValutazione', valori: identici(7) },
          FonteDerivazioneInvalidita: { voce: 'FonteDerivazioneInvalidita', valori: identici(2) },
        },
        invalidita: { voce: 'InvaliditaCivile', tipo: 'lista', codici: CODICI_INVCIV },
        necessita: { voce: 'NecessitaInterventiSociali' },
      },
      // Version 1 predates the XSD's names; its area reddituale reads income adequacy, not the XSD's
      // "autonomo / aiutato da parenti / in bisogno senza aiuti": the 1:1 reading is a reconstruction.
      'SINA@1': {
        confidenza: 'B',
        nota: 'areaReddituale v1 (reddito adeguato/parziale/inadeguato) letta 1:1 sulle classi XSD; invalidità a valore singolo',
        attributi: {
          Mobilita: { voce: 'mobilita', valori: identici(3) },
          AttivitaVitaQuotidiana: { voce: 'attivitaVitaQuotidiana', valori: identici(3) },
          DisturbiAreaCognitiva: { voce: 'disturbiAreaCognitiva', valori: identici(3) },
          DisturbiComportamentali: { voce: 'disturbiComportamentali', valori: identici(2) },
          NecessitaCureSanitarie: { voce: 'necessitaCureSanitarie', valori: identici(3) },
          AreaReddituale: { voce: 'areaReddituale', valori: identici(3) },
          AreaSupporto: { voce: 'areaSupporto', valori: identici(3) },
          FonteDerivazioneValutazione: { voce: 'fonteDerivazioneValutazione', valori: identici(4) },
          StrumentoValutazione: { voce: 'strumentoValutazione', valori: identici(7) },
        },
        // 0 = no certification: nothing sent.
        invalidita: { voce: 'invaliditaCivile', tipo: 'valore', valori: identici(8) },
        necessita: null,
      },
    },
  },
];

/** The SINA section of a prestazione, ready for the XML (attribute names as in the XSD). */
export interface SinaSiuss {
  attributi: Partial<Record<AttributoSina, string>>;
  necessitaInterventiSociali: string[];
  invaliditaCivile: string[];
}

export interface ValutazioneSina {
  valutazioneId: string;
  strumento: string;
  versione: number;
  data: string;
  risposte: Record<string, number>;
  risposteMultiple: Record<string, string[]> | null;
}

export type EsitoSina =
  | {
      esito: 'sina';
      sina: SinaSiuss;
      /** Recorded with the record: which table, which instrument, how sure. */
      versione: string;
      confidenza: 'V' | 'B';
      valutazioneId: string;
    }
  | { esito: 'assente'; motivo: string };

/** The SINA section a valutazione gives on a day (the day of the valutazione picks the table). */
export function sezioneSina(
  v: ValutazioneSina | null,
  tabella: readonly VersioneMappaSina[] = MAPPE_SINA,
): EsitoSina {
  if (!v) return { esito: 'assente', motivo: 'nessuna valutazione SINA nella cartella' };
  const versione = tabella.find(
    (t) => t.validoDal <= v.data && (t.validoAl === null || v.data <= t.validoAl),
  );
  const mappa = versione?.strumenti[`${v.strumento}@${v.versione}`];
  if (!versione || !mappa)
    return {
      esito: 'assente',
      motivo: `nessuna mappa SINA per ${v.strumento} versione ${v.versione} al ${v.data}`,
    };
  const attributi: Partial<Record<AttributoSina, string>> = {};
  for (const nome of ATTRIBUTI_SINA) {
    const voce = mappa.attributi[nome];
    const risposta = voce && v.risposte[voce.voce];
    if (voce && risposta !== undefined && voce.valori[risposta] !== undefined)
      attributi[nome] = voce.valori[risposta];
  }
  const mancanti = ATTRIBUTI_SINA_OBBLIGATORI.filter((a) => attributi[a] === undefined);
  if (mancanti.length > 0)
    return { esito: 'assente', motivo: `valutazione SINA senza ${mancanti.join(', ')}` };
  let invaliditaCivile: string[] = [];
  if (mappa.invalidita?.tipo === 'lista') {
    const codici = mappa.invalidita.codici;
    invaliditaCivile = (v.risposteMultiple?.[mappa.invalidita.voce] ?? []).filter((c) => codici.includes(c));
  } else if (mappa.invalidita?.tipo === 'valore') {
    const codice = mappa.invalidita.valori[v.risposte[mappa.invalidita.voce] ?? 0];
    invaliditaCivile = codice ? [codice] : [];
  }
  const necessitaInterventiSociali = mappa.necessita
    ? (v.risposteMultiple?.[mappa.necessita.voce] ?? []).filter((c) => CODICE_PRESTAZIONE_PATTERN.test(c))
    : [];
  return {
    esito: 'sina',
    sina: {
      attributi,
      necessitaInterventiSociali: [...new Set(necessitaInterventiSociali)],
      invaliditaCivile: [...new Set(invaliditaCivile)].sort(),
    },
    versione: `${versione.versione}/${v.strumento}@${v.versione}`,
    confidenza: mappa.confidenza,
    valutazioneId: v.valutazioneId,
  };
}
