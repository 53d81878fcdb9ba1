import { trace, type Context } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { eventSubject, type AccessoRegistratoV1, type EventEnvelope } from '@ambito/contracts';
import { eventually, startNatsServer, type NatsHandle } from '@ambito/testing';
import { RequestContext } from '../context/request-context';
import { EventSubscription } from '../jetstream/event-subscriber';
import { connectNats } from '../jetstream/nats-connection';
import { ensureStream, eventStreamName } from '../jetstream/streams';
import { OutboxRelay } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { SCHEMA, closeAll, openTestDataSource } from '../test/outbox-fixture';
import { SpanKind, avviaSpan, chiudiSpan } from '../tracing/tracing';
import { MESSAGING_METRICS } from './messaging-metrics';

/*
 * Issue 13, point 5: the backbone's state as Prometheus reads it (outbox backlog and age, consumer
 * backlog, redeliveries and dead letters, database pool) and one trace from the work that writes an
 * event, through the outbox and JetStream, to the consumer and what the consumer does.
 */

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
);

const registry = new Registry();
for (const metric of MESSAGING_METRICS) registry.registerMetric(metric);

/** The value of one series of the exposition text, or undefined if it is not there. */
async function serie(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const testo = await registry.metrics();
  const attese = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const riga of testo.split('\n')) {
    const [, nome, etichette, valore] = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(riga) ?? [];
    if (nome !== name) continue;
    const presenti = (etichette ?? '').split(',');
    if (attese.every((a) => presenti.includes(a))) return Number(valore);
  }
  return undefined;
}

const payload = (): AccessoRegistratoV1 => ({
  accessoId: randomUUID(),
  personaId: randomUUID(),
  sede: 'SEDE-CREMA-HUB',
  subAmbito: 'SA-CREMA',
  comuneResidenza: '019035',
  areaBisogno: 'anziani',
  canale: 'sportello',
  dataOra: new Date().toISOString(),
  operatoreId: 'u-1',
});

describe('observability of the backbone: gauges read at scrape time, traces across the outbox', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  const writer = new OutboxWriter({ service: 'accesso', ambito: 'CREMA', schema: SCHEMA });
  const subscriptions: EventSubscription<'accesso.accesso.registrato'>[] = [];
  let libera: () => void = () => undefined;

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'observability-test');
    await ensureStream(await nc.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
    const db = await openTestDataSource();
    dataSource = db.dataSource;
    relay = new OutboxRelay(dataSource, nc, {
      schema: SCHEMA,
      databaseUrl: db.url,
      pollIntervalMs: 200,
      publishTimeoutMs: 500,
    });
    await relay.start();
  });

  afterAll(async () => {
    libera();
    await Promise.all(subscriptions.map((s) => s.stop()));
    await relay?.stop();
    await closeAll(nc, dataSource);
    await nats?.destroy();
  });

  const scrivi = (trace?: Context): Promise<EventEnvelope> =>
    RequestContext.run({ correlationId: randomUUID(), causationId: null, trace }, () =>
      dataSource.transaction((manager) => writer.append(manager, 'accesso.accesso.registrato', payload())),
    );

  function consumatore(
    durable: string,
    handler: (envelope: EventEnvelope<'accesso.accesso.registrato'>) => Promise<void>,
  ) {
    const subscription = new EventSubscription(nc, {
      service: 'osservato',
      durable,
      type: 'accesso.accesso.registrato',
      retryDelayMs: 100,
      handler,
    });
    subscriptions.push(subscription);
    return subscription;
  }

  it('shows the outbox backlog and the age of its oldest row while NATS is down, and 0 once published', async () => {
    await nats.stop();
    await scrivi();
    await relay.trigger();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await serie('ambito_outbox_pending_messages', { schema: SCHEMA })).toBe(1);
    expect(await serie('ambito_outbox_oldest_pending_age_seconds', { schema: SCHEMA })).toBeGreaterThan(1);
    expect(await serie('ambito_outbox_parked_messages', { schema: SCHEMA })).toBe(0);
    await nats.restart();
    await eventually(
      async () => expect(await serie('ambito_outbox_pending_messages', { schema: SCHEMA })).toBe(0),
      {
        timeoutMs: 15_000,
      },
    );
    expect(await serie('ambito_outbox_oldest_pending_age_seconds', { schema: SCHEMA })).toBe(0);
  });

  it('shows the database pool: its size, the connections open and idle, the requests waiting', async () => {
    expect(await serie('ambito_db_pool_connections', { schema: SCHEMA, state: 'max' })).toBe(10);
    expect(
      await serie('ambito_db_pool_connections', { schema: SCHEMA, state: 'total' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      await serie('ambito_db_pool_connections', { schema: SCHEMA, state: 'idle' }),
    ).toBeGreaterThanOrEqual(0);
    expect(await serie('ambito_db_pool_waiting_requests', { schema: SCHEMA })).toBeGreaterThanOrEqual(0);
  });

  it('shows a consumer’s backlog while its handler is busy, its redeliveries and the time of each delivery', async () => {
    const occupato = new Promise<void>((resolve) => (libera = resolve));
    let primaVolta = true;
    await consumatore('osservato-lento', async () => {
      if (primaVolta) {
        primaVolta = false;
        throw new Error('guasto alla prima consegna');
      }
      await occupato;
    }).start();
    for (let i = 0; i < 3; i++) await scrivi();
    // A new durable starts from the beginning of the stream: every event in it is its backlog.
    const jsm = await nc.jetstreamManager();
    let eventi = 0;
    await eventually(
      async () => {
        eventi = (await jsm.streams.info(eventStreamName('accesso'))).state.messages;
        const inAttesa =
          ((await serie('ambito_consumer_pending_messages', { durable: 'osservato-lento' })) ?? 0) +
          ((await serie('ambito_consumer_ack_pending_messages', { durable: 'osservato-lento' })) ?? 0);
        expect(eventi).toBe(4); // the event of the first test and these three
        expect(inAttesa).toBe(eventi);
      },
      { timeoutMs: 10_000 },
    );
    libera();
    await eventually(
      async () => {
        expect(await serie('ambito_consumer_ack_pending_messages', { durable: 'osservato-lento' })).toBe(0);
        expect(await serie('ambito_consumer_pending_messages', { durable: 'osservato-lento' })).toBe(0);
      },
      { timeoutMs: 10_000 },
    );
    // The delivery that failed came back once the handler was free.
    expect(await serie('ambito_event_redeliveries_total', { durable: 'osservato-lento' })).toBe(1);
    expect(
      await serie('ambito_event_handler_duration_seconds_count', {
        durable: 'osservato-lento',
        outcome: 'ok',
      }),
    ).toBe(eventi);
    expect(
      await serie('ambito_event_handler_duration_seconds_count', {
        durable: 'osservato-lento',
        outcome: 'error',
      }),
    ).toBe(1);
    expect(await serie('ambito_dead_letter_messages', { durable: 'osservato-lento' })).toBe(0);
  });

  it('counts the dead letters still waiting in the dead-letter stream, by durable', async () => {
    await consumatore('osservato-dlq', async () => undefined).start();
    // An envelope that breaks its contract goes straight to the dead-letter stream.
    await nc
      .jetstream()
      .publish(
        eventSubject('accesso.accesso.registrato', 1),
        JSON.stringify({ id: randomUUID(), type: 'accesso.accesso.registrato', version: 1 }),
      );
    await eventually(
      async () => expect(await serie('ambito_dead_letter_messages', { durable: 'osservato-dlq' })).toBe(1),
      { timeoutMs: 10_000 },
    );
  });

  it('continues the trace of the work that wrote an event in the consumer and in what the consumer does', async () => {
    exporter.reset();
    const ricevuti: string[] = [];
    await consumatore('osservato-traccia', async (envelope) => {
      // The consumer's own work (its requests) is a child of the delivery's span.
      const { span } = avviaSpan(
        'lavoro del consumatore',
        SpanKind.INTERNAL,
        RequestContext.current()?.trace,
        {},
      );
      chiudiSpan(span);
      ricevuti.push(envelope.id);
    }).start();
    const radice = avviaSpan('richiesta di prova', SpanKind.SERVER, undefined, {});
    const envelope = await scrivi(radice.context);
    chiudiSpan(radice.span);
    await eventually(() => expect(ricevuti).toContain(envelope.id), { timeoutMs: 10_000 });
    // The row kept its traceparent for the relay, which moved it to the headers: not on the wire envelope.
    const [riga] = (await dataSource.query(`SELECT envelope FROM outbox_message WHERE id = $1`, [
      envelope.id,
    ])) as Array<{ envelope: { traceparent?: string } }>;
    expect(riga.envelope.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);

    const spans = await eventually(() => {
      const di = exporter
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === radice.span.spanContext().traceId);
      expect(di.map((s) => s.name)).toContain('lavoro del consumatore');
      return di;
    });
    const per = (name: string): ReadableSpan => spans.find((s) => s.name === name)!;
    const padre = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    const subject = eventSubject('accesso.accesso.registrato', 1);
    expect(padre(per(`${subject} publish`))).toBe(radice.span.spanContext().spanId);
    expect(padre(per(`${subject} process`))).toBe(per(`${subject} publish`).spanContext().spanId);
    expect(padre(per('lavoro del consumatore'))).toBe(per(`${subject} process`).spanContext().spanId);
    expect(per(`${subject} process`).attributes).toMatchObject({
      'messaging.consumer.group.name': 'osservato-traccia',
      'ambito.service': 'osservato',
    });
  });
});
