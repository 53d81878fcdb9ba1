/** What an operation touched, as the audit log records it (who, when and why come from the context). */
export interface Traccia<R extends string = string> {
  azione: string;
  risorsa: R;
  risorsaId?: string | null;
  /** The data subject reached (a persona, a cartella); null when none in particular. */
  soggettoId?: string | null;
  /** Defaults to the service's `soggettoTipo` (AuditModule.forRoot). */
  soggettoTipo?: string;
}
