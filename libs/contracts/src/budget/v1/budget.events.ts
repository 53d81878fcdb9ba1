import type { CausaleLiberazione } from './vocabolari';

/**
 * Events of the budget service (JetStream stream `EVT_BUDGET`, subjects `evt.budget.>`), published
 * through the transactional outbox: an event exists if and only if its change committed. Amounts are
 * integer euro cents.
 */

/** `evt.budget.dotazione.assegnata.v1`: part of a fund annualità allocated to a spending line. */
export interface DotazioneAssegnataV1 {
  dotazioneId: string;
  fondo: string;
  anno: number;
  linea: string;
  importoCentesimi: number;
  /** What the annualità still has to allocate after this one. */
  daDotareCentesimi: number;
}

/** `evt.budget.impegno.registrato.v1`: money of a line committed. */
export interface ImpegnoRegistratoV1 {
  impegnoId: string;
  chiaveIdempotenza: string;
  linea: string;
  fondo: string;
  anno: number;
  importoCentesimi: number;
  riferimento: string | null;
  comuneResidenza: string | null;
  /** What the line has left after this commitment. */
  disponibileLineaCentesimi: number;
}

/** `evt.budget.impegno.rifiutato.v1`: a commitment refused for lack of money (BUDGET_INSUFFICIENTE). */
export interface ImpegnoRifiutatoV1 {
  chiaveIdempotenza: string;
  linea: string;
  fondo: string | null;
  anno: number | null;
  importoCentesimi: number;
  riferimento: string | null;
  disponibileCentesimi: number;
  motivo: 'BUDGET_INSUFFICIENTE';
}

/** `evt.budget.impegno.liberato.v1`: part of a commitment given back to its line. */
export interface ImpegnoLiberatoV1 {
  impegnoId: string;
  linea: string;
  fondo: string;
  anno: number;
  causale: CausaleLiberazione;
  importoCentesimi: number;
  /** What remains committed after the release. */
  importoImpegnoCentesimi: number;
  disponibileLineaCentesimi: number;
}

/** `evt.budget.liquidazione.registrata.v1`: a payment against a commitment. */
export interface LiquidazioneRegistrataV1 {
  liquidazioneId: string;
  impegnoId: string;
  linea: string;
  fondo: string;
  anno: number;
  importoCentesimi: number;
  periodo: string;
  mandato: string | null;
  riferimento: string | null;
  comuneResidenza: string | null;
}
