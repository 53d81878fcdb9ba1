import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DiscardPolicy, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { DLQ_HEADER, type AccessoRegistratoV1, type EventEnvelope } from '@ambito/contracts';
import { eventually, freePort, startNatsServer, type NatsHandle } from '@ambito/testing';
import { deadLetterPublishFailuresTotal, deadLettersTotal } from '../metrics/messaging-metrics';
import { EventSubscription } from './event-subscriber';
import { connectNats } from './nats-connection';
import { deadLetterStreamName, ensureStream, eventStreamName } from './streams';

const TYPE = 'accesso.accesso.registrato';
const SUBJECT = 'evt.accesso.accesso.registrato.v1';

const envelope = (): EventEnvelope<typeof TYPE, AccessoRegistratoV1> => ({
  id: randomUUID(),
  type: TYPE,
  version: 1,
  occurredAt: new Date().toISOString(),
  ambito: 'CREMA',
  actor: { userId: 'u-1', nome: 'Mario Rossi', ruoli: [] },
  correlationId: randomUUID(),
  causationId: null,
  payload: {
    accessoId: randomUUID(),
    personaId: randomUUID(),
    sede: 'SEDE-CREMA-HUB',
    subAmbito: 'SA-CREMA',
    comuneResidenza: '019035',
    areaBisogno: 'anziani',
    canale: 'sportello',
    dataOra: new Date().toISOString(),
    operatoreId: 'u-1',
  },
});

const never = () => new Promise<void>(() => undefined);

async function counterValue(
  counter: typeof deadLettersTotal | typeof deadLetterPublishFailuresTotal,
  labels: Record<string, string>,
): Promise<number> {
  const { values } = await counter.get();
  const found = values.find((v) =>
    Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x),
  );
  return found?.value ?? 0;
}

describe('dead letters: alert, metric, a loop that survives, timeouts', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  const subscriptions: EventSubscription<typeof TYPE>[] = [];
  const connections: NatsConnection[] = [];

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'dlq-test');
    await ensureStream(await nc.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.stop().catch(() => undefined)));
    for (const c of [...connections, nc]) if (c && !c.isClosed()) await c.close();
    await nats?.destroy();
  });

  function subscribe(
    service: string,
    durable: string,
    handler: (e: EventEnvelope<typeof TYPE>) => Promise<void>,
    options: {
      maxDeliver?: number;
      ackWaitMs?: number;
      connection?: NatsConnection;
      maxRetryDelayMs?: number;
    } = {},
  ): EventSubscription<typeof TYPE> {
    const subscription = new EventSubscription(options.connection ?? nc, {
      service,
      durable,
      type: TYPE,
      maxDeliver: options.maxDeliver ?? 1,
      ackWaitMs: options.ackWaitMs ?? 5000,
      retryDelayMs: 50,
      maxRetryDelayMs: options.maxRetryDelayMs,
      deadLetterRetryDelayMs: 200,
      handler: handler as never,
    });
    subscriptions.push(subscription);
    return subscription;
  }

  const publish = (event: EventEnvelope) =>
    nc.jetstream().publish(SUBJECT, JSON.stringify(event), { msgID: event.id });

  async function deadLetters(service: string, durable: string) {
    const jsm = await nc.jetstreamManager();
    const found = [];
    const info = await jsm.streams.info(deadLetterStreamName(service));
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const m = await jsm.streams.getMessage(deadLetterStreamName(service), { seq }).catch(() => undefined);
      if (m && m.subject === `dlq.${service}.${durable}`) found.push(m);
    }
    return found;
  }

  it('counts each dead letter by consumer, durable and reason and logs an alert with ids, never the payload', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    const event = envelope();
    const before = await counterValue(deadLettersTotal, {
      consumer: 'alert',
      durable: 'alert-d',
      reason: 'errore',
    });
    await subscribe('alert', 'alert-d', async (e) => {
      if (e.id === event.id) throw new Error('archivio non raggiungibile');
    }).start();
    await publish(event);

    await eventually(async () => expect(await deadLetters('alert', 'alert-d')).toHaveLength(1), {
      timeoutMs: 10000,
    });
    expect(
      await counterValue(deadLettersTotal, { consumer: 'alert', durable: 'alert-d', reason: 'errore' }),
    ).toBe(before + 1);
    const [parked] = await deadLetters('alert', 'alert-d');
    expect(parked.header.get(DLQ_HEADER.reason)).toBe('errore');
    expect(parked.header.get(DLQ_HEADER.eventId)).toBe(event.id);
    expect(parked.header.get(DLQ_HEADER.eventType)).toBe(TYPE);
    expect(parked.header.get(DLQ_HEADER.consumer)).toBe('alert-d');

    const alert = errors.mock.calls.find((call) => String(call[1]).includes('dead-letter'));
    expect(alert?.[0]).toEqual(
      expect.objectContaining({
        eventId: event.id,
        type: TYPE,
        consumer: 'alert',
        durable: 'alert-d',
        reason: 'errore',
      }),
    );
    const logged = JSON.stringify(alert);
    for (const value of ['Mario Rossi', 'SEDE-CREMA-HUB', '019035', event.payload.personaId]) {
      expect(logged).not.toContain(value);
    }
  });

  it('survives a dead-letter stream that refuses the publish: the event is retried later, the others go on', async () => {
    const failing = envelope();
    const later = envelope();
    const handled: string[] = [];
    await subscribe('dlqfull', 'full-d', async (e) => {
      if (e.id === failing.id) throw new Error('elaborazione impossibile');
      handled.push(e.id);
    }).start();
    // The dead-letter stream is full and refuses new messages.
    const jsm = await nc.jetstreamManager();
    const stream = deadLetterStreamName('dlqfull');
    await jsm.streams.update(stream, { max_msgs: 1, discard: DiscardPolicy.New });
    await nc.jetstream().publish('dlq.dlqfull.riempitivo', 'x');
    const failuresBefore = await counterValue(deadLetterPublishFailuresTotal, { durable: 'full-d' });

    await publish(failing);
    await eventually(
      async () =>
        expect(await counterValue(deadLetterPublishFailuresTotal, { durable: 'full-d' })).toBeGreaterThan(
          failuresBefore,
        ),
      { timeoutMs: 10000 },
    );
    // the consume loop is still running
    await publish(later);
    await eventually(() => expect(handled).toContain(later.id), { timeoutMs: 10000 });

    // the stream takes messages again: the dead letter arrives, with its original reason
    await jsm.streams.update(stream, { max_msgs: -1, discard: DiscardPolicy.Old });
    await eventually(async () => expect(await deadLetters('dlqfull', 'full-d')).toHaveLength(1), {
      timeoutMs: 10000,
    });
    const [parked] = await deadLetters('dlqfull', 'full-d');
    expect(parked.json<EventEnvelope>().id).toBe(failing.id);
    expect(parked.header.get(DLQ_HEADER.reason)).toBe('errore');
    expect(handled).not.toContain(failing.id);
  });

  it('dead-letters an event whose handler hangs through every ack wait, once, with reason timeout', async () => {
    const hanging = envelope();
    const next = envelope();
    const handled: string[] = [];
    let attempts = 0;
    await subscribe(
      'hang',
      'hang-d',
      async (e) => {
        if (e.id === hanging.id) {
          attempts += 1;
          return never();
        }
        handled.push(e.id);
      },
      { maxDeliver: 2, ackWaitMs: 1000 },
    ).start();
    await publish(hanging);
    await publish(next);

    await eventually(async () => expect(await deadLetters('hang', 'hang-d')).toHaveLength(1), {
      timeoutMs: 15000,
    });
    const [parked] = await deadLetters('hang', 'hang-d');
    expect(parked.json<EventEnvelope>().id).toBe(hanging.id);
    expect(parked.header.get(DLQ_HEADER.reason)).toBe('timeout');
    expect(attempts).toBe(2);
    await eventually(() => expect(handled).toContain(next.id), { timeoutMs: 5000 });
    // no later redelivery, no second dead letter
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await deadLetters('hang', 'hang-d')).toHaveLength(1);
    expect(attempts).toBe(2);
  });

  it('dead-letters an event whose last delivery died with its process, before any handler sees it again', async () => {
    const event = envelope();
    // replica A takes the event and dies while handling it (its connection goes away, no answer)
    const ncA = await connectNats(nats.url, 'replica-a');
    connections.push(ncA);
    let seenByA = 0;
    await subscribe(
      'crash',
      'crash-d',
      async (e) => {
        if (e.id !== event.id) return;
        seenByA += 1;
        return never();
      },
      { maxDeliver: 1, ackWaitMs: 1000, connection: ncA },
    ).start();
    await publish(event);
    await eventually(() => expect(seenByA).toBe(1), { timeoutMs: 5000 });
    await ncA.close();

    // replica B of the same durable gets the redelivery: the event had its one delivery
    const ncB = await connectNats(nats.url, 'replica-b');
    connections.push(ncB);
    let seenByB = 0;
    await subscribe(
      'crash',
      'crash-d',
      async (e) => {
        if (e.id === event.id) seenByB += 1;
      },
      { maxDeliver: 1, ackWaitMs: 1000, connection: ncB },
    ).start();
    await eventually(async () => expect(await deadLetters('crash', 'crash-d')).toHaveLength(1), {
      timeoutMs: 10000,
    });
    const [parked] = await deadLetters('crash', 'crash-d');
    expect(parked.json<EventEnvelope>().id).toBe(event.id);
    expect(parked.header.get(DLQ_HEADER.reason)).toBe('timeout');
    expect(parked.header.get(DLQ_HEADER.deliveries)).toBe('2');
    expect(seenByB).toBe(0);
  });

  it('retries, without dead-lettering, an event whose handler finds PostgreSQL down, for as long as it is down', async () => {
    // What the fault suite saw: the intake event of one proposta dead-lettered while PostgreSQL restarted.
    const event = envelope();
    const chiusa = await freePort(); // nothing listens here: the driver's own ECONNREFUSED
    const attempts: string[] = [];
    await subscribe(
      'pgdown',
      'pgdown-d',
      async (e) => {
        if (e.id !== event.id) return;
        if (attempts.length < 3) {
          attempts.push('rifiutata');
          const pg = new Client({ connectionString: `postgres://x@127.0.0.1:${chiusa}/x` });
          await pg.connect();
        } else if (attempts.length < 6) {
          // A session PostgreSQL ends (as on shutdown or restart): 57P01 from the server itself.
          attempts.push('terminata');
          const pg = new Client({ connectionString: process.env.TEST_DATABASE_URL });
          await pg.connect();
          try {
            await pg.query('SELECT pg_terminate_backend(pg_backend_pid())');
          } finally {
            await pg.end().catch(() => undefined);
          }
        } else attempts.push('riuscita');
      },
      { maxDeliver: 2, maxRetryDelayMs: 200 },
    ).start();
    await publish(event);

    await eventually(() => expect(attempts.at(-1)).toBe('riuscita'), { timeoutMs: 15000 });
    expect(attempts).toEqual([
      'rifiutata',
      'rifiutata',
      'rifiutata',
      'terminata',
      'terminata',
      'terminata',
      'riuscita',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await deadLetters('pgdown', 'pgdown-d')).toHaveLength(0);
    expect(attempts).toHaveLength(7);
  });

  it('still dead-letters an event that fails on its own after a part was down for a while', async () => {
    const event = envelope();
    const chiusa = await freePort();
    let attempts = 0;
    await subscribe(
      'misto',
      'misto-d',
      async (e) => {
        if (e.id !== event.id) return;
        attempts += 1;
        if (attempts <= 3) {
          await new Client({ connectionString: `postgres://x@127.0.0.1:${chiusa}/x` }).connect();
        }
        throw new Error('dato che il gestore non sa trattare');
      },
      { maxDeliver: 2, maxRetryDelayMs: 200 },
    ).start();
    await publish(event);

    await eventually(async () => expect(await deadLetters('misto', 'misto-d')).toHaveLength(1), {
      timeoutMs: 15000,
    });
    // three deliveries that found PostgreSQL down, then the two the event is allowed on its own
    expect(attempts).toBe(5);
    const [parked] = await deadLetters('misto', 'misto-d');
    expect(parked.header.get(DLQ_HEADER.reason)).toBe('errore');
  });
});
