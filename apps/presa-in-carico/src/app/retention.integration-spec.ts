import { deadLetterStreamName, eventStreamName } from '@ambito/messaging';
import { startTestPresaInCarico, type TestPresaInCarico } from '../../test/presa-in-carico-harness';

const DAY_NS = 24 * 60 * 60 * 1000 * 1_000_000;

/** The service as started: its streams have the configured ages, its schema the outbox lease and parking. */
describe('presa-in-carico: retention of what the service keeps on the bus and in the outbox', () => {
  let svc: TestPresaInCarico;

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
  });

  afterAll(async () => {
    await svc?.close();
  });

  it('keeps its events 30 days and its dead letters 90 by default', async () => {
    const jsm = await svc.nats.jetstreamManager();
    expect((await jsm.streams.info(eventStreamName('presa-in-carico'))).config.max_age).toBe(30 * DAY_NS);
    expect((await jsm.streams.info(deadLetterStreamName('presa-in-carico'))).config.max_age).toBe(
      90 * DAY_NS,
    );
  });

  it('has the outbox columns the relay and the purge need', async () => {
    const columns = await svc.sql<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = 'presa_in_carico' AND table_name = 'outbox_message'`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(
      expect.arrayContaining(['claimed_until', 'parked_at', 'parked_reason']),
    );
  });
});
