import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@ambito/contracts';

/**
 * Idempotent consumption: the inbox row and the effect commit together, so a redelivered event finds
 * its row and is skipped; a failed effect rolls the row back and the event can be retried.
 * Returns false when the event had already been handled.
 */
export async function handleOnce(
  dataSource: DataSource,
  consumer: string,
  envelope: EventEnvelope,
  effect: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbox_message (consumer, event_id, type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumer, envelope.id, envelope.type],
    );
    if (inserted.length === 0) return false;
    await effect(manager);
    return true;
  });
}

/**
 * Whether the event was handled already: a consumer that must fetch something before its effect (a
 * read from another service) skips the fetch on a redelivery. Not a guard by itself — `handleOnce`
 * still decides, in the effect's transaction.
 */
export async function alreadyHandled(
  dataSource: DataSource,
  consumer: string,
  envelope: EventEnvelope,
): Promise<boolean> {
  const rows: unknown[] = await dataSource.query(
    'SELECT 1 FROM inbox_message WHERE consumer = $1 AND event_id = $2',
    [consumer, envelope.id],
  );
  return rows.length > 0;
}
