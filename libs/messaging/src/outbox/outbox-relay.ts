import { Logger } from '@nestjs/common';
import { headers as natsHeaders, type JetStreamClient, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { HEADER, type EventEnvelope } from '@ambito/contracts';
import { outboxChannel } from './outbox-writer';

export interface OutboxRelayOptions {
  schema: string;
  /** Database URL for the LISTEN connection. */
  databaseUrl: string;
  batchSize?: number;
  /** Fallback poll when no notification arrives (missed NOTIFY, NATS back after an outage). */
  pollIntervalMs?: number;
  publishTimeoutMs?: number;
}

interface PendingRow {
  id: string;
  subject: string;
  envelope: EventEnvelope;
}

/**
 * Publishes outbox rows to JetStream in creation order, with `Nats-Msg-Id` = event id so that a row
 * published twice (crash between publish and mark) is dropped by the stream's de-duplication window.
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so several replicas can run a relay each.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly js: JetStreamClient;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private rerun = false;
  private stopped = false;
  private current: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    nats: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.js = nats.jetstream();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listen();
    this.schedulePoll();
    void this.trigger();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.current;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  /** Publishes what is pending now; resolves when the outbox has been drained as far as NATS allows. */
  trigger(): Promise<void> {
    if (this.stopped) return this.current;
    if (this.running) {
      this.rerun = true;
      return this.current;
    }
    this.running = true;
    this.current = (async () => {
      try {
        do {
          this.rerun = false;
          while ((await this.publishBatch()) === (this.options.batchSize ?? 100));
        } while (this.rerun && !this.stopped);
      } catch (error) {
        this.logger.warn({ err: error }, 'pubblicazione outbox sospesa: nuovo tentativo al prossimo ciclo');
      } finally {
        this.running = false;
      }
    })();
    return this.current;
  }

  /** Claims and publishes one batch; returns how many rows were published. */
  private async publishBatch(): Promise<number> {
    const limit = this.options.batchSize ?? 100;
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: PendingRow[] = await manager.query(
        `SELECT id, subject, envelope FROM outbox_message
          WHERE published_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      const published: string[] = [];
      let failure: unknown;
      for (const row of rows) {
        try {
          await this.publish(row);
          published.push(row.id);
        } catch (error) {
          failure = error;
          await manager.query(
            `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2 WHERE id = $1`,
            [row.id, String((error as Error)?.message ?? error).slice(0, 500)],
          );
          break; // keep the order: nothing after a failed event is published before it
        }
      }
      if (published.length > 0) {
        await manager.query(`UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[])`, [
          published,
        ]);
      }
      return { published: published.length, failure };
    });
    if (outcome.failure) throw outcome.failure;
    return outcome.published;
  }

  private async publish(row: PendingRow): Promise<void> {
    const h = natsHeaders();
    h.set(HEADER.correlationId, row.envelope.correlationId);
    h.set(HEADER.causationId, row.envelope.id);
    await this.js.publish(row.subject, JSON.stringify(row.envelope), {
      msgID: row.id,
      headers: h,
      timeout: this.options.publishTimeoutMs ?? 2000,
    });
  }

  private schedulePoll(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.trigger().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs ?? 1000);
    this.timer.unref();
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'outbox-relay',
    });
    client.on('notification', () => void this.trigger());
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'connessione LISTEN persa: resta il polling, nuovo tentativo tra 1 s');
      this.listener = undefined;
      setTimeout(() => void (this.stopped ? undefined : this.listen().catch(() => undefined)), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${outboxChannel(this.options.schema)}`);
    this.listener = client;
  }
}
