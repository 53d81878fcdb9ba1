/**
 * The Piano Operativo 2020 of the Ambito Cremasco as the source document gives it, transcribed by hand
 * from `../shared/seeds/002_71bfc4a44b37f22e.txt` (never computed from the demo data): the objective
 * number from each objective's heading ("rif. PdZ ob. 7.x"), the entry and amount of the summary table
 * "TABELLA RIEPILOGATIVA BUDGET ANNO 2020" (lines 499–516). `centesimi: null` is the table's "RISORSE
 * COMUNE DI CREMA": no resources of the Ambito. Objectives 8.1–8.3 have no line of their own: their
 * resources "sono ricomprese nell'ob. 7.8" (line 497).
 */
export const SEED_PIANO_OPERATIVO_2020 = 'seeds/002_71bfc4a44b37f22e.txt';

export interface VoceSeed {
  obiettivo: string;
  /** The entry of the summary table, as written there. */
  voce: string;
  centesimi: number | null;
  /** Seed lines: the objective's heading and the summary table's row. */
  rigaObiettivo: number;
  rigaTabella: number;
}

export const PIANO_OPERATIVO_2020_SEED: VoceSeed[] = [
  {
    obiettivo: '7.1',
    voce: 'PIATTAFORMA SOCIO-SANITARIA',
    centesimi: 13_047_720,
    rigaObiettivo: 110,
    rigaTabella: 502,
  },
  {
    obiettivo: '7.2',
    voce: 'SERVIZIO SOCIALE PROFESSIONALE',
    centesimi: 76_731_921,
    rigaObiettivo: 234,
    rigaTabella: 508,
  },
  {
    obiettivo: '7.3',
    voce: 'SERVIZIO TUTELA MINORI',
    centesimi: 41_790_619,
    rigaObiettivo: 260,
    rigaTabella: 509,
  },
  {
    obiettivo: '7.4',
    voce: 'SERVIZIO INSERIMENTO LAVORATIVO',
    centesimi: 5_646_454,
    rigaObiettivo: 289,
    rigaTabella: 510,
  },
  {
    obiettivo: '7.5',
    voce: 'GESTIONE ASSOCIATA DEI SERVIZI',
    centesimi: 664_367_494,
    rigaObiettivo: 132,
    rigaTabella: 503,
  },
  {
    obiettivo: '7.6',
    voce: "COORDINAMENTO RETE UNITA' DI OFFERTA",
    centesimi: 231_155_582,
    rigaObiettivo: 153,
    rigaTabella: 504,
  },
  {
    obiettivo: '7.7',
    voce: 'ACCREDITAMENTO E COPROGETTAZIONE',
    centesimi: 5_676_862,
    rigaObiettivo: 175,
    rigaTabella: 505,
  },
  {
    obiettivo: '7.8',
    voce: "PROGETTAZIONE E GESTIONE PROGETTI D'AMBITO",
    centesimi: 69_260_470,
    rigaObiettivo: 195,
    rigaTabella: 506,
  },
  {
    obiettivo: '7.9',
    voce: 'REDDITO DI INCLUSIONE',
    centesimi: 19_535_455,
    rigaObiettivo: 311,
    rigaTabella: 511,
  },
  {
    obiettivo: '7.10',
    voce: 'MISURE DISTRETTUALI E REGIONALI',
    centesimi: 83_952_891,
    rigaObiettivo: 341,
    rigaTabella: 512,
  },
  {
    obiettivo: '7.11',
    voce: 'INTEGRAZIONE CITTADINI STRANIERI',
    centesimi: 3_855_274,
    rigaObiettivo: 364,
    rigaTabella: 513,
  },
  {
    obiettivo: '7.12',
    voce: 'GESTIONE DI AMBITO CONTRASTO VIOLENZA DI GENERE',
    centesimi: null,
    rigaObiettivo: 382,
    rigaTabella: 514,
  },
  {
    obiettivo: '7.13',
    voce: 'GESTIONE DI AMBITO PROTEZIONE GIURIDICA',
    centesimi: null,
    rigaObiettivo: 401,
    rigaTabella: 515,
  },
  {
    obiettivo: '7.14',
    voce: 'GESTIONE DI AMBITO SERVIZI ABITATIVI',
    centesimi: null,
    rigaObiettivo: 214,
    rigaTabella: 507,
  },
];

/** "TOTALE PO € 12.150.207,42", line 516. */
export const TOTALE_PO_2020_SEED = { centesimi: 1_215_020_742, riga: 516 };
