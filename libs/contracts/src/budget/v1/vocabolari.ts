/** Controlled vocabularies of the budget service. Wire values: do not change them. */

/**
 * Kind of spending line, the key of the per-fund rules (which fund may finance which kind, FSR quotas,
 * Pro.Vi. cofinanziamento). The rules themselves are data with validity dates, not code.
 */
export const CATEGORIE_LINEA = [
  'servizi',
  // The LEPS of access and taking charge (D.Lgs. 147/2017 art. 7): the QSFP may finance them.
  'segretariato-sociale',
  'servizio-sociale-professionale',
  'progetti',
  'misure-b2',
  'provi',
  'dopo-di-noi',
  'poverta',
  'riequilibrio',
  'altri-interventi',
] as const;
export type CategoriaLinea = (typeof CATEGORIE_LINEA)[number];

/** Legal act that assigns a fund annualità to the ambito. */
export const TIPI_ATTO = ['decreto', 'dgr', 'dm', 'delibera-assemblea', 'determina', 'convenzione'] as const;
export type TipoAtto = (typeof TIPI_ATTO)[number];

/** Why a commitment gives money back to its line. */
export const CAUSALI_LIBERAZIONE = ['rinuncia', 'revoca', 'decadenza', 'riduzione'] as const;
export type CausaleLiberazione = (typeof CAUSALI_LIBERAZIONE)[number];

/** Entries of the append-only ledger. */
export const TIPI_MOVIMENTO = [
  'assegnazione',
  'dotazione',
  'impegno',
  'liberazione',
  'liquidazione',
] as const;
export type TipoMovimento = (typeof TIPI_MOVIMENTO)[number];

/** Kinds of per-fund rule (table `regola_fondo`). */
export const TIPI_REGOLA = ['categoria-ammessa', 'quota-massima', 'cofinanziamento-minimo'] as const;
export type TipoRegola = (typeof TIPI_REGOLA)[number];
