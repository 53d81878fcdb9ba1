/** Injection token of the service's audit options. */
export const OPZIONI_AUDIT = Symbol('OPZIONI_AUDIT');

export interface OpzioniAudit {
  /** The kind of data subject of the service's audit rows unless a trace says otherwise (`persona`, `cartella`). */
  soggettoTipo: string;
}
