/** Message header names carried on every NATS hop. Wire values: do not change them. */
export const HEADER = {
  actor: 'Ambito-Actor',
  correlationId: 'Ambito-Correlation-Id',
  causationId: 'Ambito-Causation-Id',
  /** Why personal data is read (GDPR purpose), recorded in the audit log. */
  motivo: 'Ambito-Motivo',
  /** The code of that purpose, one of FINALITA (common/finalita.ts). */
  finalita: 'Ambito-Finalita',
  /** On a reply: `ok` (the body is the reply) or `errore` (the body is an ErrorReply). */
  esito: 'Ambito-Esito',
} as const;
