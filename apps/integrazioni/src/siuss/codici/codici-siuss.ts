/*
 * How a measure's strumento is coded in SIUSS, as versioned data (law as data): each version has its
 * validity dates, its source and the confidence mark of domain/regole-lombardia.md (§7.2, rule 27).
 * The mapping is [B] (to be checked against INPS' official nomenclatore, not yet retrieved): when INPS'
 * table arrives, add a version with `validoDal`, never edit one in force.
 */

/** SIUSS AreaUtenza: 1 famiglia e minori, 2 disabilità e non autosufficienza, 3 povertà ed esclusione. */
export type AreaUtenzaSiuss = '1' | '2' | '3';
/** PresenzaProvaMezzi: 1 ISEE, 2 altra prova dei mezzi, 3 ISEE non richiesto al beneficiario, 4 nessuna. */
export type ProvaMezziSiuss = '1' | '2' | '3' | '4';

export interface CodiceStrumentoSiuss {
  codicePrestazione: string;
  denominazione: string;
  areaUtenza: AreaUtenzaSiuss;
  provaMezzi: ProvaMezziSiuss;
  /** Disability and non-self-sufficiency: the record carries the SINA section when the valutazione has it. */
  sina: boolean;
}

export interface VersioneCodiciSiuss {
  versione: string;
  validoDal: string;
  validoAl: string | null;
  fonte: string;
  confidenza: 'V' | 'B';
  /** Key `misura/strumento`; `misura/*` is the measure's default. */
  codici: Readonly<Record<string, CodiceStrumentoSiuss>>;
}

const A1_11: Omit<CodiceStrumentoSiuss, 'areaUtenza' | 'sina'> = {
  codicePrestazione: 'A1.11',
  denominazione: 'Assegnazioni economiche per il sostegno della domiciliarità e dell’autonomia personale',
  provaMezzi: '1',
};

export const CODICI_SIUSS: readonly VersioneCodiciSiuss[] = [
  {
    versione: 'siuss-2026.1',
    validoDal: '2018-12-01',
    validoAl: null,
    fonte:
      'regole-lombardia.md §7.2 (mappatura misure → codici, lista PrestazioneDaErogare coincidente con la codifica SIUSS) e regola 27; XSD PS_PSA_SINA201812',
    confidenza: 'B',
    codici: {
      'b2/buono-caregiver': { ...A1_11, areaUtenza: '2', sina: true },
      'b2/buono-assistente-familiare': { ...A1_11, areaUtenza: '2', sina: true },
      'b2/buono-assistente': { ...A1_11, areaUtenza: '2', sina: true },
      'b2/voucher-minori': {
        codicePrestazione: 'A2.02',
        denominazione: 'Sostegno socio-educativo territoriale o domiciliare',
        areaUtenza: '1',
        provaMezzi: '1',
        sina: false,
      },
      'b2/buono-vacanze': {
        codicePrestazione: 'A1.20',
        denominazione: 'Buono vacanze per persone con disabilità',
        areaUtenza: '2',
        provaMezzi: '1',
        sina: true,
      },
      'pro-vi/*': { ...A1_11, areaUtenza: '2', sina: true },
      'dopo-di-noi/*': { ...A1_11, areaUtenza: '2', sina: true },
    },
  },
];

export interface CodificaSiuss extends CodiceStrumentoSiuss {
  /** The version of the table used: recorded with every record. */
  versione: string;
}

/** The code of a strumento on a day, or null when no version in force codes it. */
export function codificaSiuss(
  misura: string,
  strumento: string,
  giorno: string,
  tabella: readonly VersioneCodiciSiuss[] = CODICI_SIUSS,
): CodificaSiuss | null {
  const versione = tabella.find(
    (v) => v.validoDal <= giorno && (v.validoAl === null || giorno <= v.validoAl),
  );
  if (!versione) return null;
  const codice = versione.codici[`${misura}/${strumento}`] ?? versione.codici[`${misura}/*`];
  return codice ? { ...codice, versione: versione.versione } : null;
}
