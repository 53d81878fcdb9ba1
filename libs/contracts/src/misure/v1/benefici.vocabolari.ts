/*
 * The words of benefici and their monthly erogazioni (issue 10, lane benefici-run). The migration
 * CreateBenefici1796046600000 writes the same lists literally in its CHECKs: a lane adding a value adds it
 * here and in a migration of its own.
 */

/** `attivo` (paid month by month, possibly suspended), `revocato` (definitive admission…), `cessato` (death…). */
export const STATI_BENEFICIO = ['attivo', 'revocato', 'cessato'] as const;
export type StatoBeneficio = (typeof STATI_BENEFICIO)[number];

/** Why a beneficio ends: a revoca (the right is lost) or a cessazione (death, renuncia). */
export const CAUSE_FINE_BENEFICIO = [
  'ricovero-definitivo',
  'decesso',
  'rinuncia',
  'decadenza',
  'revoca',
] as const;
export type CausaFineBeneficio = (typeof CAUSE_FINE_BENEFICIO)[number];

/** Why nothing is due for a period (rules 7 and 9). */
export const CAUSE_SOSPENSIONE = [
  'sollievo-oltre-limite',
  'residenza-fuori-ambito',
  'misura-incompatibile',
  'isee-scaduto',
  'altro',
] as const;
export type CausaSospensione = (typeof CAUSE_SOSPENSIONE)[number];

/** The suspensions an operator records (the others are derived from accesso's records and events). */
export const CAUSE_SOSPENSIONE_OPERATORE = ['misura-incompatibile', 'isee-scaduto', 'altro'] as const;
export type CausaSospensioneOperatore = (typeof CAUSE_SOSPENSIONE_OPERATORE)[number];

export const STATI_EROGAZIONE_RUN = ['in-corso', 'completata', 'interrotta'] as const;
export type StatoErogazioneRun = (typeof STATI_EROGAZIONE_RUN)[number];

/** A month's outcome: the whole monthly amount, a part (pro-rata), nothing. */
export const ESITI_EROGAZIONE = ['dovuto', 'ridotto', 'non-dovuto'] as const;
export type EsitoErogazione = (typeof ESITI_EROGAZIONE)[number];

/** A month's payment: to liquidate, liquidated (lane benefici-liquidazioni), nothing due. */
export const STATI_EROGAZIONE_MENSILE = ['da-liquidare', 'liquidata', 'nulla'] as const;
export type StatoErogazioneMensile = (typeof STATI_EROGAZIONE_MENSILE)[number];

/** How a month partly suspended is paid (rule set, `erogazione.meseParziale`). */
export const MODALITA_MESE_PARZIALE = ['pro-rata-giorni', 'nessun-importo'] as const;
export type ModalitaMeseParziale = (typeof MODALITA_MESE_PARZIALE)[number];
