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

/**
 * Why an impegno is reduced (riduzione d'impegno): the beneficiary renounces, the benefit is revoked or
 * lapses, or the spending turned out lower than committed (`economia`, the economia d'impegno). The
 * amount reduced goes back to the line's disponibile.
 */
export const CAUSALI_RIDUZIONE = ['rinuncia', 'revoca', 'decadenza', 'economia'] as const;
export type CausaleRiduzione = (typeof CAUSALI_RIDUZIONE)[number];

/**
 * The causali of the first schema (then called "liberazione"), read only by its migration: a migration
 * that ran is never edited. Not a vocabulary of the API.
 */
export const CAUSALI_LIBERAZIONE = ['rinuncia', 'revoca', 'decadenza', 'riduzione'] as const;

/**
 * Entries of the append-only ledger: a `riduzione` gives part of an impegno back to its line; a
 * `liquidazione` says what is due (TUEL art. 184), a `pagamento` that a mandato paid it (art. 185).
 */
export const TIPI_MOVIMENTO = [
  'assegnazione',
  'dotazione',
  'impegno',
  'riduzione',
  'liquidazione',
  'pagamento',
] as const;
export type TipoMovimento = (typeof TIPI_MOVIMENTO)[number];

/** Kinds of per-fund rule (table `regola_fondo`). */
export const TIPI_REGOLA = ['categoria-ammessa', 'quota-massima', 'cofinanziamento-minimo'] as const;
export type TipoRegola = (typeof TIPI_REGOLA)[number];

/** Who an impegno is owed to: a person (by the calling service's id, never by name) or an ente. */
export const TIPI_CREDITORE = ['persona', 'ente'] as const;
export type TipoCreditore = (typeof TIPI_CREDITORE)[number];

/** Who approves a variazione of the piano operativo: the Assemblea dei Sindaci or a body it delegated. */
export const ORGANI_VARIAZIONE = ['assemblea-dei-sindaci', 'organo-delegato'] as const;
export type OrganoVariazione = (typeof ORGANI_VARIAZIONE)[number];

/** What a calling service may be granted on a line (table `abilitazione_servizio`). */
export const OPERAZIONI_ABILITABILI = ['impegno', 'liquidazione', 'riduzione'] as const;
export type OperazioneAbilitabile = (typeof OPERAZIONI_ABILITABILI)[number];
