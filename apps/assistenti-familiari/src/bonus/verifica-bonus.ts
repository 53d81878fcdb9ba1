import type { RegoleBonus, RichiedenteBonus, TitolareIsee } from './regole-bonus';

/*
 * The sportello's pre-check of the Bonus assistenti familiari (rule 22): each requirement with its
 * outcome and an Italian sentence, and the amount the family may expect. A pure function of the inputs
 * and the rule version: the Region decides, this only tells the family whether to apply and what to
 * bring.
 */

export interface DatiVerificaBonus {
  /** The day of the check (AAAA-MM-GG): years of residence are counted to it. */
  giorno: string;
  richiedente: RichiedenteBonus;
  /** Whether the applicant is the employer on the contract. */
  richiedenteIntestatario: boolean;
  isee: { titolare: TitolareIsee; valoreCentesimi: number } | null;
  /** Whether the assistant is enrolled (iscrizione attiva) in a register on the day. */
  assistenteIscritto: boolean;
  /** Whether the contract is regular (registered, with the INPS communication). */
  contrattoRegolare: boolean;
  /** Since when the applicant lives in Lombardy (AAAA-MM-GG), null if not known. */
  residenteInLombardiaDal: string | null;
  speseAmmissibiliCentesimi: number;
}

export const REQUISITI_BONUS = [
  'richiedente-intestatario',
  'isee',
  'assistente-iscritto',
  'contratto-regolare',
  'residenza-lombardia',
] as const;
export type RequisitoBonus = (typeof REQUISITI_BONUS)[number];

export interface EsitoRequisito {
  requisito: RequisitoBonus;
  soddisfatto: boolean;
  spiegazione: string;
}

export interface CalcoloImporto {
  speseAmmissibiliCentesimi: number;
  percentualeSpese: number;
  quotaSpeseCentesimi: number;
  massimaleCentesimi: number;
  importoCentesimi: number;
}

export interface EsitoVerificaBonus {
  versioneRegole: string;
  ammissibile: boolean;
  requisiti: EsitoRequisito[];
  /** Null when not eligible. */
  calcolo: CalcoloImporto | null;
}

/** `€ 2.400,00`: thousands always grouped (Intl's Italian leaves 4-digit amounts ungrouped). */
export function euro(centesimi: number): string {
  const segno = centesimi < 0 ? '-' : '';
  const assoluto = Math.abs(centesimi);
  const interi = Math.floor(assoluto / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `€ ${segno}${interi},${String(assoluto % 100).padStart(2, '0')}`;
}

/** Whole years from `dal` to `al` (both AAAA-MM-GG), birthday-style. */
export function anniCompiuti(dal: string, al: string): number {
  const [y1, m1, d1] = dal.split('-').map(Number);
  const [y2, m2, d2] = al.split('-').map(Number);
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

const TITOLARE: Record<TitolareIsee, string> = { assistito: 'dell’assistito', familiare: 'del familiare' };

export function verificaBonus(dati: DatiVerificaBonus, regole: RegoleBonus): EsitoVerificaBonus {
  const requisiti: EsitoRequisito[] = [];
  const sogliaMassima = regole.fasce[regole.fasce.length - 1].iseeFinoCentesimi;

  if (regole.richiedenteIntestatario) {
    requisiti.push({
      requisito: 'richiedente-intestatario',
      soddisfatto: dati.richiedenteIntestatario,
      spiegazione: dati.richiedenteIntestatario
        ? 'il richiedente è l’intestatario del contratto'
        : 'il richiedente non è l’intestatario del contratto: la domanda va presentata da chi ha assunto l’assistente',
    });
  }

  const titolareAtteso = regole.iseeDi[dati.richiedente];
  let fascia = undefined as RegoleBonus['fasce'][number] | undefined;
  if (!dati.isee) {
    requisiti.push({
      requisito: 'isee',
      soddisfatto: false,
      spiegazione: `manca l’ISEE ${TITOLARE[titolareAtteso]}`,
    });
  } else if (dati.isee.titolare !== titolareAtteso) {
    requisiti.push({
      requisito: 'isee',
      soddisfatto: false,
      spiegazione: `serve l’ISEE ${TITOLARE[titolareAtteso]} (richiedente: ${dati.richiedente}), non quello ${TITOLARE[dati.isee.titolare]}`,
    });
  } else {
    fascia = regole.fasce.find((f) => dati.isee!.valoreCentesimi <= f.iseeFinoCentesimi);
    requisiti.push({
      requisito: 'isee',
      soddisfatto: fascia !== undefined,
      spiegazione: fascia
        ? `ISEE ${TITOLARE[titolareAtteso]} ${euro(dati.isee.valoreCentesimi)} ≤ ${euro(sogliaMassima)}`
        : `ISEE ${TITOLARE[titolareAtteso]} ${euro(dati.isee.valoreCentesimi)} oltre la soglia di ${euro(sogliaMassima)}`,
    });
  }

  if (regole.assistenteIscrittoRegistro) {
    requisiti.push({
      requisito: 'assistente-iscritto',
      soddisfatto: dati.assistenteIscritto,
      spiegazione: dati.assistenteIscritto
        ? 'l’assistente è iscritto a un registro territoriale'
        : 'l’assistente non risulta iscritto a un registro territoriale',
    });
  }
  if (regole.contrattoRegolare) {
    requisiti.push({
      requisito: 'contratto-regolare',
      soddisfatto: dati.contrattoRegolare,
      spiegazione: dati.contrattoRegolare
        ? 'contratto di lavoro regolare'
        : 'il contratto non risulta regolare',
    });
  }

  const anni = dati.residenteInLombardiaDal ? anniCompiuti(dati.residenteInLombardiaDal, dati.giorno) : null;
  requisiti.push({
    requisito: 'residenza-lombardia',
    soddisfatto: anni !== null && anni >= regole.anniResidenzaLombardia,
    spiegazione:
      anni === null
        ? 'data di inizio della residenza in Lombardia non indicata'
        : `residente in Lombardia da ${anni} anni (ne servono ${regole.anniResidenzaLombardia})`,
  });

  const ammissibile = requisiti.every((r) => r.soddisfatto);
  if (!ammissibile || !fascia)
    return { versioneRegole: regole.versione, ammissibile: false, requisiti, calcolo: null };

  // Whole cents, rounded down: the pre-check never promises more than the Region could grant.
  const quotaSpeseCentesimi = Math.floor((dati.speseAmmissibiliCentesimi * regole.percentualeSpese) / 100);
  return {
    versioneRegole: regole.versione,
    ammissibile,
    requisiti,
    calcolo: {
      speseAmmissibiliCentesimi: dati.speseAmmissibiliCentesimi,
      percentualeSpese: regole.percentualeSpese,
      quotaSpeseCentesimi,
      massimaleCentesimi: fascia.massimaleCentesimi,
      importoCentesimi: Math.min(quotaSpeseCentesimi, fascia.massimaleCentesimi),
    },
  };
}
