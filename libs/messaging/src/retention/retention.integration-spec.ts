import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { eventually, startNatsServer, type NatsHandle } from '@ambito/testing';
import { EventSubscription } from '../jetstream/event-subscriber';
import { connectNats } from '../jetstream/nats-connection';
import { deadLetterStreamName, ensureStream, eventStreamName } from '../jetstream/streams';
import { retentionPurgedRowsTotal } from '../metrics/messaging-metrics';
import { closeAll, countRows, openTestDataSource } from '../test/outbox-fixture';
import { PurgeJob } from './purge-job';
import { DEFAULT_RETENTION, type RetentionOptions } from './retention-options';

const DAY_MS = 24 * 60 * 60 * 1000;
const NS_PER_MS = 1_000_000;

describe('stream retention (max_age)', () => {
  let nats: NatsHandle;
  let nc: NatsConnection;

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectNats(nats.url, 'retention-test');
  });

  afterAll(async () => {
    await closeAll(nc);
    await nats?.destroy();
  });

  it('gives a new stream its max_age and brings an existing stream without one to it', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureStream(jsm, 'EVT_NUOVO', ['evt.nuovo.>'], { maxAgeMs: 30 * DAY_MS });
    expect((await jsm.streams.info('EVT_NUOVO')).config.max_age).toBe(30 * DAY_MS * NS_PER_MS);

    // a stream created before retention existed keeps everything for ever
    await jsm.streams.add({ name: 'EVT_VECCHIO', subjects: ['evt.vecchio.>'], max_age: 0 });
    await nc.jetstream().publish('evt.vecchio.x.v1', '{}');
    await ensureStream(jsm, 'EVT_VECCHIO', ['evt.vecchio.>'], { maxAgeMs: 30 * DAY_MS });
    const info = await jsm.streams.info('EVT_VECCHIO');
    expect(info.config.max_age).toBe(30 * DAY_MS * NS_PER_MS);
    expect(info.state.messages).toBe(1); // the update keeps what is younger than the new age
  });

  it('gives the dead-letter stream its own max_age, and a consumer never changes its producer’s', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureStream(jsm, eventStreamName('accesso'), ['evt.accesso.>'], { maxAgeMs: 10 * DAY_MS });
    const subscription = new EventSubscription(nc, {
      service: 'consumatore',
      durable: 'ret-d',
      type: 'accesso.accesso.registrato',
      eventStreamMaxAgeMs: 30 * DAY_MS,
      deadLetterStreamMaxAgeMs: 90 * DAY_MS,
      handler: async () => undefined,
    });
    await subscription.start();
    try {
      expect((await jsm.streams.info(deadLetterStreamName('consumatore'))).config.max_age).toBe(
        90 * DAY_MS * NS_PER_MS,
      );
      expect((await jsm.streams.info(eventStreamName('accesso'))).config.max_age).toBe(
        10 * DAY_MS * NS_PER_MS,
      );
    } finally {
      await subscription.stop();
    }
  });

  it('lets the server drop a message older than max_age', async () => {
    const jsm = await nc.jetstreamManager();
    await ensureStream(jsm, 'EVT_BREVE', ['evt.breve.>'], { maxAgeMs: 1000 });
    await nc.jetstream().publish('evt.breve.x.v1', '{"cf":"RSSMRA80A01H501U"}');
    expect((await jsm.streams.info('EVT_BREVE')).state.messages).toBe(1);
    await eventually(async () => expect((await jsm.streams.info('EVT_BREVE')).state.messages).toBe(0), {
      timeoutMs: 10000,
    });
  });
});

describe('purge of the outbox and the inbox', () => {
  let dataSource: DataSource;
  const retention: RetentionOptions = {
    ...DEFAULT_RETENTION,
    outboxRetentionMs: 7 * DAY_MS,
    eventStreamMaxAgeMs: 30 * DAY_MS,
    deadLetterStreamMaxAgeMs: 90 * DAY_MS,
    purgeBatchSize: 2,
  };

  beforeAll(async () => {
    dataSource = (await openTestDataSource()).dataSource;
  });

  afterAll(async () => {
    await closeAll(dataSource);
  });

  async function outboxRow(ageDays: number, state: 'published' | 'pending' | 'parked'): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO outbox_message (id, subject, type, envelope, created_at, published_at, parked_at, parked_reason)
       VALUES ($1, 'evt.accesso.accesso.registrato.v1', 'accesso.accesso.registrato', '{}',
               now() - make_interval(days => $2), CASE WHEN $3 = 'published' THEN now() - make_interval(days => $2) END,
               CASE WHEN $3 = 'parked' THEN now() - make_interval(days => $2) END,
               CASE WHEN $3 = 'parked' THEN 'rifiutato' END)`,
      [id, ageDays, state],
    );
    return id;
  }

  async function inboxRow(ageDays: number): Promise<string> {
    const id = randomUUID();
    await dataSource.query(
      `INSERT INTO inbox_message (consumer, event_id, type, processed_at)
       VALUES ('c', $1, 'accesso.accesso.registrato', now() - make_interval(days => $2))`,
      [id, ageDays],
    );
    return id;
  }

  it('deletes published outbox rows past their retention and inbox rows past every redelivery, and keeps the rest', async () => {
    const oldPublished = await Promise.all([1, 2, 3, 4, 5].map(() => outboxRow(8, 'published')));
    const youngPublished = await outboxRow(6, 'published');
    const oldPending = await outboxRow(200, 'pending');
    const oldParked = await outboxRow(200, 'parked');
    const oldInbox = await Promise.all([1, 2, 3].map(() => inboxRow(91)));
    const inboxWithinDlqAge = await inboxRow(60); // past the event stream's age, not the dead letters'
    const before = (await retentionPurgedRowsTotal.get()).values;
    const valueOf = (values: typeof before, table: string) =>
      values.find((v) => v.labels.table === table)?.value ?? 0;

    // two replicas purging at the same time, in batches of 2
    const results = await Promise.all([
      new PurgeJob(dataSource, retention).runOnce(),
      new PurgeJob(dataSource, retention).runOnce(),
    ]);
    expect(results.reduce((n, r) => n + r.outbox, 0)).toBe(5);
    expect(results.reduce((n, r) => n + r.inbox, 0)).toBe(3);

    expect(await countRows(dataSource, 'outbox_message WHERE id = ANY($1::uuid[])', [oldPublished])).toBe(0);
    for (const kept of [youngPublished, oldPending, oldParked]) {
      expect(await countRows(dataSource, 'outbox_message WHERE id = $1', [kept])).toBe(1);
    }
    expect(await countRows(dataSource, 'inbox_message WHERE event_id = ANY($1::uuid[])', [oldInbox])).toBe(0);
    expect(await countRows(dataSource, 'inbox_message WHERE event_id = $1', [inboxWithinDlqAge])).toBe(1);

    const after = (await retentionPurgedRowsTotal.get()).values;
    expect(valueOf(after, 'outbox_message') - valueOf(before, 'outbox_message')).toBe(5);
    expect(valueOf(after, 'inbox_message') - valueOf(before, 'inbox_message')).toBe(3);
  });

  it('runs on its interval', async () => {
    const old = await outboxRow(30, 'published');
    const job = new PurgeJob(dataSource, { ...retention, purgeIntervalMs: 200 });
    job.start();
    try {
      await eventually(
        async () => expect(await countRows(dataSource, 'outbox_message WHERE id = $1', [old])).toBe(0),
        {
          timeoutMs: 5000,
        },
      );
    } finally {
      await job.stop();
    }
  });
});
