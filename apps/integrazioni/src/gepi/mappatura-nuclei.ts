/**
 * The column mapping of GePI's export of the ADI households assigned to the ambito (docs/gepi.md), as
 * data: a new GePI layout is a new version added here, the old ones stay to read older files. Headers
 * are matched ignoring case, accents and extra spaces; columns not listed are ignored
 * (GePI exports more, e.g. the state of the domanda). Each import records the version it used.
 */
export type CampoNucleo =
  | 'codiceDomanda'
  | 'codiceFiscale'
  | 'cognome'
  | 'nome'
  | 'dataNascita'
  | 'sesso'
  | 'comuneResidenza'
  | 'dataPad'
  | 'componenti';

export type FormatoCampo =
  'testo' | 'codice-domanda' | 'codice-fiscale' | 'data' | 'sesso' | 'istat' | 'intero';

export interface ColonnaMappata {
  /** The header in GePI's file. */
  intestazione: string;
  campo: CampoNucleo;
  obbligatoria: boolean;
  formato: FormatoCampo;
}

export interface MappaturaNuclei {
  /** Recorded on each import: `gepi-nuclei-adi@<n>`. */
  versione: string;
  /** The GePI export it reads. */
  export: string;
  colonne: readonly ColonnaMappata[];
}

export const MAPPATURA_NUCLEI_V1: MappaturaNuclei = {
  versione: 'gepi-nuclei-adi@1',
  export:
    'GePI, Coordinatore per il Patto per l’Inclusione: elenco dei nuclei ADI assegnati all’Ambito, "Esporta CSV"',
  colonne: [
    { intestazione: 'Codice domanda', campo: 'codiceDomanda', obbligatoria: true, formato: 'codice-domanda' },
    {
      intestazione: 'Codice fiscale richiedente',
      campo: 'codiceFiscale',
      obbligatoria: true,
      formato: 'codice-fiscale',
    },
    { intestazione: 'Cognome richiedente', campo: 'cognome', obbligatoria: true, formato: 'testo' },
    { intestazione: 'Nome richiedente', campo: 'nome', obbligatoria: true, formato: 'testo' },
    { intestazione: 'Data di nascita', campo: 'dataNascita', obbligatoria: true, formato: 'data' },
    { intestazione: 'Sesso', campo: 'sesso', obbligatoria: false, formato: 'sesso' },
    {
      intestazione: 'Codice ISTAT comune di residenza',
      campo: 'comuneResidenza',
      obbligatoria: true,
      formato: 'istat',
    },
    { intestazione: 'Data sottoscrizione PAD', campo: 'dataPad', obbligatoria: true, formato: 'data' },
    { intestazione: 'Numero componenti nucleo', campo: 'componenti', obbligatoria: false, formato: 'intero' },
  ],
};

/** The mapping in use for new imports. */
export const MAPPATURA_NUCLEI_CORRENTE = MAPPATURA_NUCLEI_V1;

export function normalizzaIntestazione(testo: string): string {
  return testo
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
