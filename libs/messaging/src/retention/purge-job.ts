import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import { retentionPurgedRowsTotal } from '../metrics/messaging-metrics';
import { inboxRetentionMs, type RetentionOptions } from './retention-options';

export interface PurgeResult {
  outbox: number;
  inbox: number;
}

/**
 * Deletes what the service no longer needs to keep: outbox rows published longer ago than
 * `outboxRetentionMs` (never unpublished or parked ones) and inbox rows older than any redelivery or
 * replay of their event (see inboxRetentionMs). Each replica runs it on a timer: the DELETEs take
 * at most `purgeBatchSize` rows each, skipping rows another replica holds, so concurrent runs are safe
 * and never lock the tables for long.
 */
export class PurgeJob {
  private readonly logger = new Logger(PurgeJob.name);
  private timer?: NodeJS.Timeout;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: RetentionOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current.catch(() => undefined);
  }

  /** One complete pass (also used by tests and after a restore). */
  async runOnce(): Promise<PurgeResult> {
    const outbox = await this.purge(
      `DELETE FROM outbox_message WHERE id IN (
         SELECT id FROM outbox_message
          WHERE published_at < now() - make_interval(secs => $1 / 1000.0)
          LIMIT $2 FOR UPDATE SKIP LOCKED)`,
      this.retention.outboxRetentionMs,
    );
    const inboxMs = inboxRetentionMs(this.retention);
    const inbox =
      inboxMs > 0
        ? await this.purge(
            `DELETE FROM inbox_message WHERE (consumer, event_id) IN (
               SELECT consumer, event_id FROM inbox_message
                WHERE processed_at < now() - make_interval(secs => $1 / 1000.0)
                LIMIT $2 FOR UPDATE SKIP LOCKED)`,
            inboxMs,
          )
        : 0;
    if (outbox > 0) retentionPurgedRowsTotal.inc({ table: 'outbox_message' }, outbox);
    if (inbox > 0) retentionPurgedRowsTotal.inc({ table: 'inbox_message' }, inbox);
    if (outbox + inbox > 0) this.logger.log({ outbox, inbox }, 'righe scadute cancellate');
    return { outbox, inbox };
  }

  /** Batch after batch until a batch comes back short. */
  private async purge(sql: string, olderThanMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const [, affected] = (await this.dataSource.query(sql, [
        olderThanMs,
        this.retention.purgeBatchSize,
      ])) as [unknown, number];
      total += affected;
      if (affected < this.retention.purgeBatchSize || this.stopped) return total;
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.runOnce()
        .catch((error: unknown) =>
          this.logger.warn(
            { errore: erroreSenzaDati(error) },
            'pulizia di outbox e inbox non riuscita: si riprova',
          ),
        )
        .finally(() => this.schedule());
    }, this.retention.purgeIntervalMs);
    this.timer.unref();
  }
}
