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
  /** The caller's Idempotency-Key (HTTP), on state-changing requests: a repeat returns the first answer. */
  idempotencyKey: 'Ambito-Idempotency-Key',
  /** Deadline of the request (epoch milliseconds): after it the service neither starts nor commits. */
  scadenza: 'Ambito-Scadenza',
} as const;
