/**
 * The dead-letter wire: what a consumer writes when it gives up on an event, what the operator's
 * command (`npm run dlq`) reads and what it sends back to replay one. Wire values: never renamed.
 *
 * A dead letter of the durable consumer `<durable>` of service `<service>` is published on
 * `dlq.<service>.<durable>` in the stream `DLQ_<SERVICE>`, with the event's bytes as they arrived and
 * these headers (ids and codes, never payload values). A replay is the same bytes published on
 * `dlq.<service>.<durable>.replay` with `Ambito-Dlq-Replay-Of` = the dead letter's sequence: only that
 * durable listens there, so the other consumers of the original stream never see the event again.
 */
export const DLQ_HEADER = {
  /** Subject the event was delivered on, e.g. `evt.accesso.accesso.chiuso.v1`. */
  subject: 'Ambito-Dlq-Subject',
  /** Why it was given up: the error message (field names, never values), at most 500 characters. */
  error: 'Ambito-Dlq-Error',
  /** A code among MOTIVI_DLQ. */
  reason: 'Ambito-Dlq-Reason',
  /** The durable consumer that failed. */
  consumer: 'Ambito-Dlq-Consumer',
  /** The original stream and sequence of the event. */
  stream: 'Ambito-Dlq-Stream',
  streamSequence: 'Ambito-Dlq-Stream-Seq',
  /** Deliveries made before giving up. */
  deliveries: 'Ambito-Dlq-Deliveries',
  /** Event id and type, when the envelope could be read. */
  eventId: 'Ambito-Dlq-Event-Id',
  eventType: 'Ambito-Dlq-Event-Type',
  /** On a replay: the sequence of the dead letter it replays (in the same DLQ stream). */
  replayOf: 'Ambito-Dlq-Replay-Of',
} as const;

/**
 * Why an event was dead-lettered: `contratto` the envelope or payload breaks its declaration (it
 * would fail the same way every time), `errore` the handler failed on every delivery, `timeout` the
 * deliveries ran out without an answer (a handler that hangs, a process that died while handling).
 */
export const MOTIVI_DLQ = ['contratto', 'errore', 'timeout'] as const;
export type MotivoDlq = (typeof MOTIVI_DLQ)[number];

/** Subject of the dead letters of one durable consumer. */
export function deadLetterSubject(service: string, durable: string): string {
  return `dlq.${service}.${durable}`;
}

/** Subject on which the operator's command replays a dead letter to that durable consumer only. */
export function replaySubject(service: string, durable: string): string {
  return `${deadLetterSubject(service, durable)}.replay`;
}
