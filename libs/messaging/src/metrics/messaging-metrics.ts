import { Counter, type Metric } from 'prom-client';

/*
 * Counters of the event backbone. They belong to no registry here: the service's MetricsModule
 * (@ambito/service-runtime) registers them on the registry it serves at /metrics, with the `service`
 * label. Alerting rules: any increase of ambito_dead_letters_total or ambito_outbox_parked_total needs
 * an operator (docs/operations.md).
 */

export const deadLettersTotal = new Counter({
  name: 'ambito_dead_letters_total',
  help: 'Eventi spostati nella dead-letter, per consumatore, durable e motivo (contratto, errore, timeout)',
  labelNames: ['consumer', 'durable', 'reason'],
  registers: [],
});

export const deadLetterPublishFailuresTotal = new Counter({
  name: 'ambito_dead_letter_publish_failures_total',
  help: 'Pubblicazioni nella dead-letter non riuscite (l’evento è ritentato più tardi)',
  labelNames: ['consumer', 'durable'],
  registers: [],
});

export const deadLetterReplaysTotal = new Counter({
  name: 'ambito_dead_letter_replays_total',
  help: 'Dead letter riproposte al loro consumatore, per esito (riuscita, fallita)',
  labelNames: ['consumer', 'durable', 'outcome'],
  registers: [],
});

export const outboxPublishFailuresTotal = new Counter({
  name: 'ambito_outbox_publish_failures_total',
  help: 'Tentativi di pubblicazione di righe dell’outbox non riusciti',
  registers: [],
});

export const outboxParkedTotal = new Counter({
  name: 'ambito_outbox_parked_total',
  help: 'Righe dell’outbox parcheggiate dopo troppi tentativi falliti (non più pubblicate)',
  registers: [],
});

export const retentionPurgedRowsTotal = new Counter({
  name: 'ambito_retention_purged_rows_total',
  help: 'Righe cancellate dal job di conservazione, per tabella (outbox_message, inbox_message)',
  labelNames: ['table'],
  registers: [],
});

/** Every metric above, for the registry that serves them. */
export const MESSAGING_METRICS: Metric[] = [
  deadLettersTotal,
  deadLetterPublishFailuresTotal,
  deadLetterReplaysTotal,
  outboxPublishFailuresTotal,
  outboxParkedTotal,
  retentionPurgedRowsTotal,
];
