/* eslint-disable @nx/enforce-module-boundaries --
 * The command is tried against the real consumers it serves: the test runs EventSubscription and the
 * inbox of @ambito/messaging and an outbox/inbox schema of @ambito/persistence, which a tool itself
 * never imports (the command speaks NATS only).
 */
import { randomUUID } from 'node:crypto';
import { headers, type NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { DLQ_HEADER, replaySubject, type AccessoRegistratoV1, type EventEnvelope } from '@ambito/contracts';
import {
  EventSubscription,
  deadLetterReplaysTotal,
  connectNats,
  deadLetterStreamName,
  ensureStream,
  eventStreamName,
  handleOnce,
} from '@ambito/messaging';
import { runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createTestDatabase, eventually, startNatsServer, type NatsHandle } from '@ambito/testing';
import { OSCURATO, listDeadLetters, replayDeadLetter, showDeadLetter } from './dlq-admin';
import { runDlqCommand } from './dlq-command';

const TYPE = 'accesso.accesso.registrato';
const SERVICE = 'dlqcli';

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

describe('npm run dlq: list, show and replay dead letters to the consumer that failed', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;
  let dataSource: DataSource;
  const subscriptions: EventSubscription<typeof TYPE>[] = [];
  /** Handler calls per durable and event. */
  const calls: Record<string, string[]> = { 'dlq-ok': [], 'dlq-flaky': [] };
  let broken = true;

  const effects = async (durable: string, eventId: string): Promise<number> => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM effect WHERE consumer = $1 AND event_id = $2`,
      [durable, eventId],
    );
    return row.n;
  };

  function consumer(durable: string, fails: () => boolean) {
    const subscription = new EventSubscription(nc, {
      service: SERVICE,
      durable,
      type: TYPE,
      maxDeliver: 1,
      retryDelayMs: 50,
      handler: async (e) => {
        calls[durable].push(e.id);
        await handleOnce(dataSource, durable, e, async (manager) => {
          await manager.query(`INSERT INTO effect (event_id, consumer) VALUES ($1, $2)`, [e.id, durable]);
          if (fails()) throw new Error('servizio anagrafe non raggiungibile');
        });
      },
    });
    subscriptions.push(subscription);
    return subscription;
  }

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'dlq-cli-test');
    const url = await createTestDatabase('dlq');
    const options = serviceDataSourceOptions({
      url,
      schema: 'dlq_test',
      applicationName: 'dlq-test',
      entities: [],
      migrations: [],
    });
    await runMigrations({ ...options, url, schema: 'dlq_test' });
    dataSource = new DataSource(options);
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE effect (event_id uuid NOT NULL, consumer text NOT NULL)`);
    await ensureStream(await nc.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
    await consumer('dlq-ok', () => false).start();
    await consumer('dlq-flaky', () => broken).start();
  });

  afterAll(async () => {
    await Promise.all(subscriptions.map((s) => s.stop()));
    if (dataSource?.isInitialized) await dataSource.destroy();
    if (nc && !nc.isClosed()) await nc.close();
    await nats?.destroy();
  });

  async function deadLettered(): Promise<EventEnvelope<typeof TYPE, AccessoRegistratoV1>> {
    const event = envelope();
    const before = (await listDeadLetters(nc, { service: SERVICE }).catch(() => [])).length;
    await nc
      .jetstream()
      .publish('evt.accesso.accesso.registrato.v1', JSON.stringify(event), { msgID: event.id });
    await eventually(
      async () => expect(await listDeadLetters(nc, { service: SERVICE })).toHaveLength(before + 1),
      {
        timeoutMs: 10000,
      },
    );
    await eventually(() => expect(calls['dlq-ok']).toContain(event.id), { timeoutMs: 10000 });
    return event;
  }

  it('lists a dead letter with its consumer, reason, type, event id and error, and shows it redacted unless asked', async () => {
    broken = true;
    const event = await deadLettered();
    const letters = await listDeadLetters(nc, { service: SERVICE });
    const letter = letters.find((l) => l.eventId === event.id)!;
    expect(letter).toEqual(
      expect.objectContaining({
        service: SERVICE,
        consumer: 'dlq-flaky',
        reason: 'errore',
        eventType: TYPE,
        eventId: event.id,
        error: expect.stringContaining('servizio anagrafe non raggiungibile'),
      }),
    );
    expect(letter.ref).toBe(`${SERVICE}/${letter.seq}`);

    const out: string[] = [];
    expect(
      await runDlqCommand(
        ['list', '--consumer', 'dlq-flaky'],
        nc,
        (l) => out.push(l),
        () => undefined,
      ),
    ).toBe(0);
    expect(out.join('\n')).toContain(event.id);
    expect(out.join('\n')).toContain('dlq-flaky');

    const redacted = await showDeadLetter(nc, letter.ref);
    const text = JSON.stringify(redacted);
    for (const personal of ['Mario Rossi', 'SEDE-CREMA-HUB', '019035']) expect(text).not.toContain(personal);
    expect(text).toContain(OSCURATO);
    expect(text).toContain(event.payload.personaId); // identifiers stay
    expect(redacted.headers['Ambito-Dlq-Reason']).toBe('errore');

    const warnings: string[] = [];
    const shown: string[] = [];
    await runDlqCommand(
      ['show', letter.ref, '--full'],
      nc,
      (l) => shown.push(l),
      (l) => warnings.push(l),
    );
    expect(shown.join('\n')).toContain('019035');
    expect(warnings.join('\n')).toMatch(/dati personali/);
  });

  it('replays to the failed consumer only: its effect happens once, the other consumer never sees the event again, the dead letter is removed', async () => {
    broken = true;
    const event = await deadLettered();
    const [letter] = (await listDeadLetters(nc, { consumer: 'dlq-flaky' })).filter(
      (l) => l.eventId === event.id,
    );
    expect(await effects('dlq-flaky', event.id)).toBe(0);

    broken = false;
    const result = await replayDeadLetter(nc, letter.ref, { waitMs: 15000 });
    expect(result.outcome).toBe('riuscita');
    expect(await effects('dlq-flaky', event.id)).toBe(1);
    expect(await effects('dlq-ok', event.id)).toBe(1);
    expect(calls['dlq-ok'].filter((id) => id === event.id)).toHaveLength(1);
    expect((await listDeadLetters(nc, { service: SERVICE })).map((l) => l.eventId)).not.toContain(event.id);
    // nothing left behind on the dead-letter stream for this event (no replay in flight)
    const info = await (await nc.jetstreamManager()).streams.info(deadLetterStreamName(SERVICE));
    expect(info.state.messages).toBe((await listDeadLetters(nc, { service: SERVICE })).length);

    // a second replay of the same ref finds nothing
    await expect(replayDeadLetter(nc, letter.ref, { waitMs: 1000 })).rejects.toThrow(/non trovata/);
  });

  it('handles a replay whose dead letter is already gone (replayed twice) once, and leaves nothing behind', async () => {
    broken = true;
    const event = await deadLettered();
    const [letter] = (await listDeadLetters(nc, { consumer: 'dlq-flaky' })).filter(
      (l) => l.eventId === event.id,
    );
    broken = false;
    const failed = async () =>
      (await deadLetterReplaysTotal.get()).values.find(
        (v) => v.labels.durable === 'dlq-flaky' && v.labels.outcome === 'fallita',
      )?.value ?? 0;
    const failedBefore = await failed();
    // two replays of the same dead letter in flight: the second finds it removed
    const h = headers();
    h.set(DLQ_HEADER.replayOf, String(letter.seq));
    const jsm = await nc.jetstreamManager();
    const data = (await jsm.streams.getMessage(letter.stream, { seq: letter.seq })).data;
    await nc.jetstream().publish(replaySubject(SERVICE, 'dlq-flaky'), data, { headers: h });
    await nc.jetstream().publish(replaySubject(SERVICE, 'dlq-flaky'), data, { headers: h });
    await eventually(
      async () => {
        expect((await listDeadLetters(nc, { service: SERVICE })).map((l) => l.eventId)).not.toContain(
          event.id,
        );
        const info = await jsm.streams.info(deadLetterStreamName(SERVICE));
        expect(info.state.messages).toBe((await listDeadLetters(nc, { service: SERVICE })).length);
      },
      { timeoutMs: 15000 },
    );
    expect(await effects('dlq-flaky', event.id)).toBe(1);
    expect(await failed()).toBe(failedBefore); // both replays succeeded, neither was taken for a failure
  });

  it('keeps the dead letter when the replay fails again', async () => {
    broken = true;
    const event = await deadLettered();
    const [letter] = (await listDeadLetters(nc, { consumer: 'dlq-flaky' })).filter(
      (l) => l.eventId === event.id,
    );
    const result = await replayDeadLetter(nc, letter.ref, { waitMs: 15000 });
    expect(result.outcome).toBe('fallita');
    expect((await listDeadLetters(nc, { service: SERVICE })).map((l) => l.ref)).toContain(letter.ref);
    expect(await effects('dlq-flaky', event.id)).toBe(0);
  });

  it('replays all the dead letters of a consumer with --all', async () => {
    broken = true;
    await deadLettered();
    broken = false;
    const out: string[] = [];
    const code = await runDlqCommand(
      ['replay', '--all', '--consumer', 'dlq-flaky', '--attesa', '15'],
      nc,
      (l) => out.push(l),
      () => undefined,
    );
    expect(out.join('\n')).not.toMatch(/fallita|in attesa/);
    expect(code).toBe(0);
    expect(await listDeadLetters(nc, { service: SERVICE })).toEqual([]);
  });
});
