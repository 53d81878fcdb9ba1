import { Counter, Gauge, Histogram, type Metric } from 'prom-client';

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

/*
 * Requests and events, by what is declared (subject, durable) and by error code: never by id, so the
 * number of series stays that of the contracts.
 */

export const natsRequestDuration = new Histogram({
  name: 'ambito_nats_request_duration_seconds',
  help: 'Durata delle richieste NATS servite, per subject ed esito (ok, error)',
  labelNames: ['subject', 'outcome'],
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [],
});

export const natsRequestErrorsTotal = new Counter({
  name: 'ambito_nats_request_errors_total',
  help: 'Richieste NATS servite con una risposta di errore, per subject e codice (ERROR_KINDS)',
  labelNames: ['subject', 'code'],
  registers: [],
});

export const eventHandlerDuration = new Histogram({
  name: 'ambito_event_handler_duration_seconds',
  help: 'Durata della gestione di un evento JetStream, per consumatore durable ed esito (ok, error)',
  labelNames: ['durable', 'outcome'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [],
});

export const eventRedeliveriesTotal = new Counter({
  name: 'ambito_event_redeliveries_total',
  help: 'Consegne ripetute di eventi (dopo un errore, un timeout o un riavvio), per consumatore durable',
  labelNames: ['durable'],
  registers: [],
});

/*
 * State read at each scrape: the outbox of the service's schema, its durable consumers on JetStream,
 * its database pool. The parts register what to read (`osserva*`) and remove it when they stop.
 */

interface StatoOutbox {
  pending: number;
  oldestAgeSeconds: number;
  parked: number;
}

interface StatoConsumatore {
  pending: number;
  ackPending: number;
  redelivered: number;
  /** Dead letters of the durable still in the dead-letter stream (not replayed, not expired). */
  deadLetters: number;
}

const outboxSources = new Map<string, () => Promise<StatoOutbox>>();
const consumerSources = new Map<string, () => Promise<StatoConsumatore>>();
const poolSources = new Map<
  string,
  () => Promise<{ total: number; idle: number; waiting: number; max: number }>
>();

/**
 * Registers a source until the returned function is called. Its reading is shared for 100 ms, so the
 * gauges it feeds cost one query per scrape, not one each.
 */
function osserva<T>(
  sources: Map<string, () => Promise<T>>,
  key: string,
  leggi: () => T | Promise<T>,
): () => void {
  let ultima: { at: number; valore: Promise<T> } | undefined;
  const source = () => {
    if (!ultima || Date.now() - ultima.at > 100)
      ultima = { at: Date.now(), valore: Promise.resolve().then(leggi) };
    return ultima.valore;
  };
  sources.set(key, source);
  return () => {
    if (sources.get(key) === source) sources.delete(key);
  };
}

export const osservaOutbox = (schema: string, leggi: () => Promise<StatoOutbox>) =>
  osserva(outboxSources, schema, leggi);
export const osservaConsumatore = (durable: string, leggi: () => Promise<StatoConsumatore>) =>
  osserva(consumerSources, durable, leggi);
export const osservaPool = (
  schema: string,
  leggi: () => { total: number; idle: number; waiting: number; max: number },
) => osserva(poolSources, schema, leggi);

/** The readings of every source; one that fails (database or NATS down) is left out of this scrape. */
async function letture<T>(sources: Map<string, () => Promise<T>>): Promise<Array<[string, T]>> {
  const results = await Promise.allSettled(
    [...sources].map(async ([key, leggi]) => [key, await leggi()] as [string, T]),
  );
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

function gaugeDa<T>(
  name: string,
  help: string,
  label: string,
  sources: Map<string, () => Promise<T>>,
  valore: (stato: T) => number,
): Gauge {
  return new Gauge({
    name,
    help,
    labelNames: [label],
    registers: [],
    async collect() {
      this.reset();
      for (const [key, stato] of await letture(sources)) this.set({ [label]: key }, valore(stato));
    },
  });
}

export const outboxPendingMessages = gaugeDa(
  'ambito_outbox_pending_messages',
  'Righe dell’outbox non ancora pubblicate (esclude le parcheggiate), per schema',
  'schema',
  outboxSources,
  (s) => s.pending,
);

export const outboxOldestPendingAge = gaugeDa(
  'ambito_outbox_oldest_pending_age_seconds',
  'Età della più vecchia riga dell’outbox non pubblicata (0 se nessuna), per schema',
  'schema',
  outboxSources,
  (s) => s.oldestAgeSeconds,
);

export const outboxParkedMessages = gaugeDa(
  'ambito_outbox_parked_messages',
  'Righe dell’outbox parcheggiate che attendono un operatore, per schema',
  'schema',
  outboxSources,
  (s) => s.parked,
);

export const consumerPendingMessages = gaugeDa(
  'ambito_consumer_pending_messages',
  'Eventi nello stream non ancora consegnati al consumatore durable (arretrato)',
  'durable',
  consumerSources,
  (s) => s.pending,
);

export const consumerAckPendingMessages = gaugeDa(
  'ambito_consumer_ack_pending_messages',
  'Eventi consegnati al consumatore durable e non ancora confermati',
  'durable',
  consumerSources,
  (s) => s.ackPending,
);

export const consumerRedeliveredMessages = gaugeDa(
  'ambito_consumer_redelivered_messages',
  'Eventi riconsegnati almeno una volta e non ancora confermati, per consumatore durable',
  'durable',
  consumerSources,
  (s) => s.redelivered,
);

export const deadLetterMessages = gaugeDa(
  'ambito_dead_letter_messages',
  'Dead letter del consumatore durable ancora nello stream DLQ, in attesa di un operatore',
  'durable',
  consumerSources,
  (s) => s.deadLetters,
);

export const dbPoolConnections = new Gauge({
  name: 'ambito_db_pool_connections',
  help: 'Connessioni del pool PostgreSQL del servizio, per stato (totali, inattive, massime)',
  labelNames: ['schema', 'state'],
  registers: [],
  async collect() {
    this.reset();
    for (const [schema, s] of await letture(poolSources)) {
      this.set({ schema, state: 'total' }, s.total);
      this.set({ schema, state: 'idle' }, s.idle);
      this.set({ schema, state: 'max' }, s.max);
    }
  },
});

export const dbPoolWaitingRequests = gaugeDa(
  'ambito_db_pool_waiting_requests',
  'Richieste in attesa di una connessione libera del pool PostgreSQL',
  'schema',
  poolSources,
  (s) => s.waiting,
);

/** Every metric above, for the registry that serves them. */
export const MESSAGING_METRICS: Metric[] = [
  natsRequestDuration,
  natsRequestErrorsTotal,
  eventHandlerDuration,
  eventRedeliveriesTotal,
  outboxPendingMessages,
  outboxOldestPendingAge,
  outboxParkedMessages,
  consumerPendingMessages,
  consumerAckPendingMessages,
  consumerRedeliveredMessages,
  deadLetterMessages,
  dbPoolConnections,
  dbPoolWaitingRequests,
  deadLettersTotal,
  deadLetterPublishFailuresTotal,
  deadLetterReplaysTotal,
  outboxPublishFailuresTotal,
  outboxParkedTotal,
  retentionPurgedRowsTotal,
];
