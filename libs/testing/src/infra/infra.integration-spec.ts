import { connect } from 'nats';
import { Client } from 'pg';
import { createTestDatabase, dropTestDatabase } from '../database';
import { eventually } from '../eventually';
import { startNatsServer } from './nats-server';

describe('test infrastructure', () => {
  it('gives each test file its own PostgreSQL database', async () => {
    const url = await createTestDatabase('infra');
    const client = new Client({ connectionString: url });
    await client.connect();
    const [row] = (await client.query('SELECT current_database() AS db, 1 AS one')).rows;
    await client.end();
    expect(row.one).toBe(1);
    expect(url.endsWith(`/${row.db}`)).toBe(true);
    await dropTestDatabase(url);
  });

  it('runs a real nats-server with JetStream that can go down and come back with its streams', async () => {
    const nats = await startNatsServer();
    try {
      const nc = await connect({ servers: nats.url, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'PROBE', subjects: ['probe.>'] });
      await nc.jetstream().publish('probe.one', 'x');

      await nats.stop();
      expect(nats.isRunning()).toBe(false);
      await expect(connect({ servers: nats.url, maxReconnectAttempts: 0 })).rejects.toThrow();

      await nats.restart();
      const info = await eventually(() => jsm.streams.info('PROBE'), { timeoutMs: 10000 });
      expect(info.state.messages).toBe(1);
      await nc.close();
    } finally {
      await nats.destroy();
    }
  });
});
