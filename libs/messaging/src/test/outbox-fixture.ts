import { DataSource } from 'typeorm';
import type { NatsConnection } from 'nats';
import { createOutboxLeaseMigration, runMigrations, serviceDataSourceOptions } from '@ambito/persistence';
import { createTestDatabase } from '@ambito/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A table standing for a consumer's state, to count the effects of handled events. */
export class CreateEffectTable1763800000500 implements MigrationInterface {
  name = 'CreateEffectTable1763800000500';
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE effect (id serial PRIMARY KEY, event_id uuid NOT NULL, consumer text NOT NULL)`,
    );
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE effect`);
  }
}

export const SCHEMA = 'messaging_test';

export async function openTestDataSource(): Promise<{ dataSource: DataSource; url: string }> {
  const url = await createTestDatabase('messaging');
  const options = serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    applicationName: 'messaging-test',
    entities: [],
    migrations: [CreateEffectTable1763800000500, createOutboxLeaseMigration(1763800000600)],
  });
  await runMigrations({ ...options, url, schema: SCHEMA });
  const dataSource = new DataSource(options);
  await dataSource.initialize();
  return { dataSource, url };
}

export async function countRows(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}

export async function closeAll(...closables: Array<NatsConnection | DataSource | undefined>): Promise<void> {
  for (const c of closables) {
    if (!c) continue;
    if (c instanceof DataSource) {
      if (c.isInitialized) await c.destroy();
    } else if (!c.isClosed()) {
      await c.close();
    }
  }
}
