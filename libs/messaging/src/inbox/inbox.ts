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
