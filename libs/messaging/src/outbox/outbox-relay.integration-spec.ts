import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import type { AccessoRegistratoV1, EventEnvelope } from '@ambito/contracts';
import { eventually, startNatsServer, type NatsHandle } from '@ambito/testing';
import { RequestContext } from '../context/request-context';
import { handleOnce } from '../inbox/inbox';
import { outboxParkedTotal } from '../metrics/messaging-metrics';
import { EventSubscription } from '../jetstream/event-subscriber';
import { connectNats } from '../jetstream/nats-connection';
import { deadLetterStreamName, ensureStream, eventStreamName } from '../jetstream/streams';
import { SCHEMA, closeAll, countRows, openTestDataSource } from '../test/outbox-fixture';
import { OutboxRelay } from './outbox-relay';
import { OutboxWriter } from './outbox-writer';

const payload = (accessoId: string): AccessoRegistratoV1 => ({
  accessoId,
  personaId: randomUUID(),
  sede: 'SEDE-CREMA-HUB',
  subAmbito: 'SA-CREMA',
  comuneResidenza: '019035',
  areaBisogno: 'anziani',
  canale: 'sportello',
  dataOra: new Date().toISOString(),
  operatoreId: 'u-1',
});

describe('transactional outbox → JetStream → idempotent consumers', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let dataSource: DataSource;
  let relay: OutboxRelay;
  const writer = new OutboxWriter({ service: 'accesso', ambito: 'CREMA', schema: SCHEMA });
  const subscriptions: EventSubscription<'accesso.accesso.registrato'>[] = [];

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'outbox-test');
    await ensureStream(await nc.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
    const db = await openTestDataSource();
    dataSource = db.dataSource;
    relay = new OutboxRelay(dataSource, nc, {
      schema: SCHEMA,
      databaseUrl: db.url,
      pollIntervalMs: 200,
      publishTimeoutMs: 500,
      maxAttempts: 3,
    });
    await relay.start();
  });

  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.stop()));
    await relay?.stop();
    await closeAll(nc, dataSource);
    await nats?.destroy();
  });

  async function writeEvent(accessoId: string): Promise<EventEnvelope> {
    return RequestContext.run({ correlationId: 'corr-1', causationId: 'req-1' }, () =>
      dataSource.transaction((manager) =>
        writer.append(manager, 'accesso.accesso.registrato', payload(accessoId)),
      ),
    );
  }

  function consumer(durable: string, received: string[]) {
    const subscription = new EventSubscription(nc, {
      service: 'test',
      durable,
      type: 'accesso.accesso.registrato',
      handler: async (envelope) => {
        await handleOnce(dataSource, durable, envelope, async (manager) => {
          await manager.query(`INSERT INTO effect (event_id, consumer) VALUES ($1, $2)`, [
            envelope.id,
            durable,
          ]);
        });
        received.push(envelope.id);
      },
    });
    subscriptions.push(subscription);
    return subscription;
  }

  it('refuses to write outside a transaction, so an event can never exist without its state change', async () => {
    await expect(
      writer.append(dataSource.manager, 'accesso.accesso.registrato', payload(randomUUID())),
    ).rejects.toThrow(/transazione/);
  });

  it('an event written while NATS is down is published when NATS returns, once per consumer', async () => {
    const receivedA: string[] = [];
    const receivedB: string[] = [];
    await consumer('consumer-a', receivedA).start();
    await consumer('consumer-b', receivedB).start();

    await nats.stop();
    const envelope = await writeEvent(randomUUID()); // the write does not block on NATS
    expect(envelope.correlationId).toBe('corr-1');
    expect(envelope.causationId).toBe('req-1');
    await relay.trigger();
    expect(
      await countRows(dataSource, 'outbox_message WHERE id = $1 AND published_at IS NULL', [envelope.id]),
    ).toBe(1);

    await nats.restart();
    await eventually(
      async () => {
        expect(
          await countRows(dataSource, 'outbox_message WHERE id = $1 AND published_at IS NOT NULL', [
            envelope.id,
          ]),
        ).toBe(1);
      },
      { timeoutMs: 15000 },
    );
    await eventually(
      () => {
        expect(receivedA).toContain(envelope.id);
        expect(receivedB).toContain(envelope.id);
      },
      { timeoutMs: 15000 },
    );

    // a crash between publish and mark makes the relay publish the row again: the stream drops the duplicate
    await dataSource.query(`UPDATE outbox_message SET published_at = NULL WHERE id = $1`, [envelope.id]);
    await relay.trigger();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receivedA.filter((id) => id === envelope.id)).toHaveLength(1);
    expect(receivedB.filter((id) => id === envelope.id)).toHaveLength(1);
    expect(await countRows(dataSource, 'effect WHERE event_id = $1', [envelope.id])).toBe(2);
    const info = await (await nc.jetstreamManager()).streams.info(eventStreamName('accesso'));
    expect(info.state.messages).toBeGreaterThanOrEqual(1);
  });

  it('holds no transaction open while a publish waits for JetStream, and never parks a row for NATS being down', async () => {
    await nats.stop();
    const envelope = await writeEvent(randomUUID());
    const states: string[] = [];
    const sampling = (async () => {
      const until = Date.now() + 2500;
      while (Date.now() < until) {
        const rows: Array<{ state: string }> = await dataSource.query(
          `SELECT state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        states.push(...rows.map((r) => r.state));
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    void relay.trigger();
    await sampling;
    // the relay was really stalled on the publish meanwhile
    const [row] = await dataSource.query(
      `SELECT attempts, last_error, parked_at FROM outbox_message WHERE id = $1`,
      [envelope.id],
    );
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(row.last_error).toBeTruthy();
    expect(states.filter((s) => s?.startsWith('idle in transaction'))).toEqual([]);
    expect(row.parked_at).toBeNull(); // no answer is not a refusal
    await nats.restart();
    await eventually(
      async () =>
        expect(
          await countRows(dataSource, 'outbox_message WHERE id = $1 AND published_at IS NOT NULL', [
            envelope.id,
          ]),
        ).toBe(1),
      { timeoutMs: 15000 },
    );
  });

  it('parks a row the stream keeps refusing, so the rows after it are published', async () => {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'EVT_PARCHEGGIO', subjects: ['evt.parcheggio.>'], max_msg_size: 1024 });
    const parkedBefore = (await outboxParkedTotal.get()).values[0]?.value ?? 0;
    const row = async (size: number) => {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO outbox_message (id, subject, type, envelope) VALUES ($1, 'evt.parcheggio.x.v1', 'parcheggio.x', $2)`,
        [id, JSON.stringify({ id, correlationId: 'corr-p', riempitivo: 'x'.repeat(size) })],
      );
      return id;
    };
    const tooLarge = await row(4000);
    const after = [await row(10), await row(10)];
    await eventually(
      async () => {
        await relay.trigger();
        expect(
          await countRows(
            dataSource,
            'outbox_message WHERE id = ANY($1::uuid[]) AND published_at IS NOT NULL',
            [after],
          ),
        ).toBe(2);
      },
      { timeoutMs: 15000, intervalMs: 250 },
    );
    const [parked] = await dataSource.query(
      `SELECT attempts, parked_at, parked_reason, published_at FROM outbox_message WHERE id = $1`,
      [tooLarge],
    );
    expect(parked.parked_at).not.toBeNull();
    expect(parked.published_at).toBeNull();
    expect(parked.attempts).toBe(3);
    expect(parked.parked_reason).toMatch(/size|maximum/i);
    expect((await jsm.streams.info('EVT_PARCHEGGIO')).state.messages).toBe(2);
    expect(((await outboxParkedTotal.get()).values[0]?.value ?? 0) - parkedBefore).toBe(1);
    // a parked row is skipped for good
    await relay.trigger();
    const [again] = await dataSource.query(`SELECT attempts FROM outbox_message WHERE id = $1`, [tooLarge]);
    expect(again.attempts).toBe(3);
  });

  it('stores nothing after a refused row before that row is parked, though it sends a batch at once', async () => {
    const jsm = await nc.jetstreamManager();
    await jsm.streams.add({ name: 'EVT_CATENA', subjects: ['evt.catena.>'], max_msg_size: 1024 });
    // Written together, so that one claim takes them all: the first is sent alone, the other four chained.
    const [first, tooLarge, ...after] = [10, 4000, 10, 10, 10].map((size) => ({ id: randomUUID(), size }));
    await dataSource.transaction(async (manager) => {
      for (const { id, size } of [first, tooLarge, ...after]) {
        await manager.query(
          `INSERT INTO outbox_message (id, subject, type, envelope, created_at)
           VALUES ($1, 'evt.catena.x.v1', 'catena.x', $2, clock_timestamp())`,
          [id, JSON.stringify({ id, correlationId: 'corr-c', riempitivo: 'x'.repeat(size) })],
        );
      }
    });
    await eventually(
      async () => {
        await relay.trigger();
        expect((await jsm.streams.info('EVT_CATENA')).state.messages).toBe(4);
      },
      { timeoutMs: 15000, intervalMs: 250 },
    );
    const stored = await Promise.all(
      [1, 2, 3, 4].map((seq) => jsm.streams.getMessage('EVT_CATENA', { seq })),
    );
    expect(stored.map((m) => m.header.get('Nats-Msg-Id'))).toEqual([first, ...after].map((r) => r.id));
    const [parked] = await dataSource.query(`SELECT parked_at, attempts FROM outbox_message WHERE id = $1`, [
      tooLarge.id,
    ]);
    expect(parked.attempts).toBe(3);
    // The rows after it waited for it: each refusal of the chain is not the row's, only the parking lets them go.
    for (const m of stored.slice(1))
      expect(m.time.getTime()).toBeGreaterThanOrEqual(parked.parked_at.getTime());
  });

  it('publishes in creation order', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const envelopes: Awaited<ReturnType<typeof writeEvent>>[] = [];
    for (const id of ids) envelopes.push(await writeEvent(id));
    const received: string[] = [];
    await consumer('consumer-order', received).start();
    await eventually(() => expect(received).toEqual(expect.arrayContaining(envelopes.map((e) => e.id))), {
      timeoutMs: 10000,
    });
    const positions = envelopes.map((e) => received.indexOf(e.id));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
  it('under load marks each published batch with the claim of the next one: one statement per batch', async () => {
    const standaloneMarks: number[] = [];
    const claimsMarking: number[] = [];
    const logQuery = dataSource.logger.logQuery.bind(dataSource.logger);
    dataSource.logger.logQuery = (query, parameters, queryRunner) => {
      const values = (parameters ?? []) as unknown[];
      const sql = String(query).trim();
      if (/^WITH marcate/.test(sql)) {
        const marked = (values[2] as string[] | undefined)?.length ?? 0;
        if (marked > 0) claimsMarking.push(marked);
      } else if (/^UPDATE outbox_message SET published_at/.test(sql)) {
        standaloneMarks.push(((values[0] as string[] | undefined) ?? []).length);
      }
      return logQuery(query, parameters, queryRunner);
    };
    let ids: string[] = [];
    try {
      // 250 events at once (a month's liquidazioni, a burst of requests): batches of 100, 100, 50.
      const envelopes = await RequestContext.run({ correlationId: 'corr-lotto', causationId: null }, () =>
        dataSource.transaction((manager) =>
          writer.appendMany(
            manager,
            'accesso.accesso.registrato',
            Array.from({ length: 250 }, () => payload(randomUUID())),
          ),
        ),
      );
      ids = envelopes.map((e) => e.id);
      await eventually(
        async () =>
          expect(
            await countRows(
              dataSource,
              'outbox_message WHERE id = ANY($1::uuid[]) AND published_at IS NOT NULL',
              [ids],
            ),
          ).toBe(250),
        { timeoutMs: 15000 },
      );
    } finally {
      dataSource.logger.logQuery = logQuery;
    }
    // Each batch is marked once; the first two by the claims that follow them, the last one by a claim
    // too if a NOTIFY or the poll came meanwhile, else on its own.
    expect([...claimsMarking, ...standaloneMarks].reduce((x, y) => x + y, 0)).toBe(250);
    expect(claimsMarking.slice(0, 2)).toEqual([100, 100]);
    expect(standaloneMarks.length).toBeLessThanOrEqual(1);
  });
});

describe('inbox and bounded redelivery', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let dataSource: DataSource;

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'inbox-test');
    await ensureStream(await nc.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
    dataSource = (await openTestDataSource()).dataSource;
  });

  afterAll(async () => {
    await closeAll(nc, dataSource);
    await nats?.destroy();
  });

  const envelope = (): EventEnvelope => ({
    id: randomUUID(),
    type: 'accesso.accesso.registrato',
    version: 1,
    occurredAt: new Date().toISOString(),
    ambito: 'CREMA',
    actor: { userId: 'u-1', nome: 'Test', ruoli: [] },
    correlationId: randomUUID(),
    causationId: null,
    payload: payload(randomUUID()),
  });

  it('handles an event once: a redelivery has no second effect', async () => {
    const event = envelope();
    const effect = jest.fn(async () => undefined);
    expect(await handleOnce(dataSource, 'c1', event, effect)).toBe(true);
    expect(await handleOnce(dataSource, 'c1', event, effect)).toBe(false);
    expect(effect).toHaveBeenCalledTimes(1);
    // another consumer of the same event has its own inbox entry
    expect(await handleOnce(dataSource, 'c2', event, effect)).toBe(true);
  });

  it('a failed effect leaves no inbox row, so the retry runs it', async () => {
    const event = envelope();
    await expect(
      handleOnce(dataSource, 'c1', event, async (manager) => {
        await manager.query(`INSERT INTO effect (event_id, consumer) VALUES ($1, 'c1')`, [event.id]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countRows(dataSource, 'inbox_message WHERE event_id = $1', [event.id])).toBe(0);
    expect(await countRows(dataSource, 'effect WHERE event_id = $1', [event.id])).toBe(0);
    expect(await handleOnce(dataSource, 'c1', event, async () => undefined)).toBe(true);
  });

  it('redelivers a failing event a bounded number of times, then parks it in the dead-letter stream', async () => {
    const event = envelope();
    let attempts = 0;
    const subscription = new EventSubscription(nc, {
      service: 'test',
      durable: 'always-fails',
      type: 'accesso.accesso.registrato',
      maxDeliver: 3,
      retryDelayMs: 50,
      handler: async (e) => {
        if (e.id === event.id) {
          attempts += 1;
          throw new Error('elaborazione impossibile');
        }
      },
    });
    await subscription.start();
    await nc
      .jetstream()
      .publish('evt.accesso.accesso.registrato.v1', JSON.stringify(event), { msgID: event.id });
    const jsm = await nc.jetstreamManager();
    await eventually(
      async () => {
        const info = await jsm.streams.info(deadLetterStreamName('test'));
        expect(info.state.messages).toBe(1);
      },
      { timeoutMs: 10000 },
    );
    const parked = await jsm.streams.getMessage(deadLetterStreamName('test'), {
      last_by_subj: 'dlq.test.always-fails',
    });
    expect(parked.json<EventEnvelope>().id).toBe(event.id);
    expect(parked.header.get('Ambito-Dlq-Error')).toContain('elaborazione impossibile');
    expect(attempts).toBe(3);
    await subscription.stop();
  });

  it('parks an event that breaks its contract in the dead-letter stream at once, with the field, never in the handler', async () => {
    const event = envelope();
    const invalid = {
      ...event,
      payload: { ...(event.payload as object), comuneResidenza: 'Crema', canale: 'piccione' },
    };
    let handled = 0;
    const subscription = new EventSubscription(nc, {
      service: 'test',
      durable: 'contract-check',
      type: 'accesso.accesso.registrato',
      maxDeliver: 5,
      handler: async (e) => {
        if (e.id === event.id) handled += 1;
      },
    });
    await subscription.start();
    await nc
      .jetstream()
      .publish('evt.accesso.accesso.registrato.v1', JSON.stringify(invalid), { msgID: event.id });
    const jsm = await nc.jetstreamManager();
    let parked: Awaited<ReturnType<typeof jsm.streams.getMessage>> | undefined;
    await eventually(
      async () => {
        parked = await jsm.streams.getMessage(deadLetterStreamName('test'), {
          last_by_subj: 'dlq.test.contract-check',
        });
        expect(parked.json<EventEnvelope>().id).toBe(event.id);
      },
      { timeoutMs: 10000 },
    );
    const reason = parked!.header.get('Ambito-Dlq-Error');
    expect(reason).toContain('payload non valido');
    expect(reason).toContain('comuneResidenza');
    expect(reason).toContain('canale');
    expect(reason).not.toContain('piccione'); // the reason names fields, never values
    expect(handled).toBe(0);
    await subscription.stop();
  });
});
