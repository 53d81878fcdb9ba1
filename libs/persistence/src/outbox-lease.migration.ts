import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox and inbox for a relay that holds no transaction while it publishes, and for the purge job:
 *  - `claimed_until`: the relay's lease on a row it is publishing (another replica skips it until then;
 *    after a crash the lease runs out and the row is published again, de-duplicated by JetStream);
 *  - `parked_at`, `parked_reason`: a row NATS keeps refusing, set aside so it no longer blocks the
 *    others (listed by `npm run dlq -- outbox`, see docs/operations.md);
 *  - indexes for the purge of published outbox rows and of old inbox rows.
 *
 * Every service appends it to its migrations (after its last one):
 *
 *   export const MY_MIGRATIONS = [..., createOutboxLeaseMigration(1770000000002)];
 */
export function createOutboxLeaseMigration(timestamp: number): new () => MigrationInterface {
  const name = `AddOutboxLease${timestamp}`;
  const migration = class implements MigrationInterface {
    name = name;

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        ALTER TABLE outbox_message
          ADD COLUMN claimed_until timestamptz,
          ADD COLUMN parked_at timestamptz,
          ADD COLUMN parked_reason text`);
      await q.query(
        `CREATE INDEX ix_outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL`,
      );
      await q.query(`CREATE INDEX ix_inbox_message_processed ON inbox_message (processed_at)`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP INDEX ix_inbox_message_processed`);
      await q.query(`DROP INDEX ix_outbox_message_published`);
      await q.query(`
        ALTER TABLE outbox_message
          DROP COLUMN parked_reason,
          DROP COLUMN parked_at,
          DROP COLUMN claimed_until`);
    }
  };
  // TypeORM sorts migrations by the timestamp at the end of the class name.
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
