import { Logger } from '@nestjs/common';
import { headers as natsHeaders, type JetStreamClient, type NatsConnection } from 'nats';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { HEADER, type EventEnvelope } from '@ambito/contracts';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import {
  osservaOutbox,
  osservaPool,
  outboxParkedTotal,
  outboxPublishFailuresTotal,
} from '../metrics/messaging-metrics';
import { SpanKind, avviaSpan, chiudiSpan, daTraceparent, iniettaTraccia } from '../tracing/tracing';
import { OUTBOX_TRACEPARENT, outboxChannel } from './outbox-writer';
import { istruzionePreparata } from '../sql/istruzione-preparata';

export interface OutboxRelayOptions {
  schema: string;
  /** Database URL for the LISTEN connection. */
  databaseUrl: string;
  batchSize?: number;
  /** Fallback poll when no notification arrives (missed NOTIFY, NATS back after an outage). */
  pollIntervalMs?: number;
  publishTimeoutMs?: number;
  /** How long a claimed row is this relay's: after a crash it is published again once this runs out. */
  claimLeaseMs?: number;
  /** Refusals by NATS after which a row is parked (default 5). */
  maxAttempts?: number;
}

interface PendingRow {
  id: string;
  subject: string;
  type: string;
  envelope: EventEnvelope;
  attempts: number;
}

/**
 * Publishes outbox rows to JetStream in creation order, with `Nats-Msg-Id` = event id so that a row
 * published twice (crash between publish and mark) is dropped by the stream's de-duplication window.
 *
 * No transaction is open while it waits for JetStream: a batch is claimed in one short statement (a
 * lease in `claimed_until`, rows taken with FOR UPDATE SKIP LOCKED, so several replicas can each run a
 * relay), published, then marked in another. A row NATS keeps refusing (too large, refused by the
 * stream) is parked after `maxAttempts` so it no longer holds back the rows after it; a row that gets
 * no answer (NATS down) waits, however long, and keeps the order.
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
  private unobserve: Array<() => void> = [];

  constructor(
    private readonly dataSource: DataSource,
    nats: NatsConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    this.js = nats.jetstream();
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unobserve = [
      osservaOutbox(this.options.schema, () => this.stato()),
      osservaPool(this.options.schema, () => statoPool(this.dataSource)),
    ];
    await this.listen();
    this.schedulePoll();
    void this.trigger();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const unobserve of this.unobserve.splice(0)) unobserve();
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
      // Ids published and not yet marked: marked by the next claim (one statement per batch under load).
      let toMark: string[] = [];
      try {
        do {
          this.rerun = false;
          for (;;) {
            const rows = await this.claim(this.options.batchSize ?? 100, toMark);
            toMark = [];
            if (rows.length === 0) break;
            toMark = await this.publishBatch(rows);
            // A short batch drained the outbox, unless a NOTIFY came meanwhile (then claim again).
            if (rows.length < (this.options.batchSize ?? 100) && !this.rerun) break;
          }
        } while (this.rerun && !this.stopped);
        if (toMark.length > 0) await this.markPublished(toMark);
      } catch (error) {
        this.logger.warn(
          { errore: erroreSenzaDati(error) },
          'pubblicazione outbox sospesa: nuovo tentativo al prossimo ciclo',
        );
        if (toMark.length > 0) await this.markPublished(toMark).catch(() => undefined);
      } finally {
        this.running = false;
      }
    })();
    return this.current;
  }

  /**
   * Publishes one claimed batch in creation order and returns the ids JetStream stored (the caller marks
   * them, with its next claim under load). A row that fails without being parked stops the batch, so
   * nothing after it is stored before it; the rows after it are released for the next cycle. A row NATS
   * keeps refusing is parked and no longer holds back the rows after it.
   *
   * Each row is published on its own, waiting for its answer, and after each one stored the rest of the
   * batch goes out chained (`publishChained`): one round trip for the batch instead of one per row, with
   * the same order. Where the chain breaks, the row is published on its own again, which records (and
   * parks) a real refusal.
   */
  private async publishBatch(rows: PendingRow[]): Promise<string[]> {
    const published: string[] = [];
    let failure: unknown;
    let index = 0;
    try {
      for (; index < rows.length; index++) {
        const row = rows[index];
        try {
          await this.publish(row);
          published.push(row.id);
        } catch (error) {
          outboxPublishFailuresTotal.inc();
          if (await this.recordFailure(row, error)) continue; // parked: the next rows go on
          failure = error;
          break; // keep the order: nothing after a failed event is published before it
        }
        const chained = await this.publishChained(rows, index);
        published.push(...chained);
        index += chained.length;
      }
    } finally {
      const unpublished = rows.slice(index + (failure ? 1 : 0)).map((r) => r.id);
      if (unpublished.length > 0) {
        await this.dataSource.query(
          `UPDATE outbox_message SET claimed_until = NULL WHERE id = ANY($1::uuid[])`,
          [unpublished],
        );
      }
    }
    if (failure) {
      if (published.length > 0) await this.markPublished(published);
      throw failure;
    }
    return published;
  }

  private async markPublished(ids: string[]): Promise<void> {
    await this.dataSource.query(
      istruzionePreparata(
        `UPDATE outbox_message SET published_at = now(), claimed_until = NULL WHERE id = ANY($1::uuid[])`,
      ),
      [ids],
    );
  }

  /**
   * One statement, its own short transaction: marks the rows of the previous batch published and claims
   * the next ones, which are this relay's until the lease runs out. (The rows being marked still hold
   * this relay's lease in the statement's snapshot, so they are not claimed again.)
   */
  private async claim(limit: number, toMark: string[]): Promise<PendingRow[]> {
    const [rows] = (await this.dataSource.query(
      istruzionePreparata(`WITH marcate AS (
         UPDATE outbox_message SET published_at = now(), claimed_until = NULL WHERE id = ANY($3::uuid[])
       )
       UPDATE outbox_message SET claimed_until = now() + make_interval(secs => $2 / 1000.0)
        WHERE id IN (
          SELECT id FROM outbox_message
           WHERE published_at IS NULL AND parked_at IS NULL
             AND (claimed_until IS NULL OR claimed_until < now())
           ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, subject, type, envelope, attempts,
                  (extract(epoch FROM created_at) * 1000000)::float8 AS creato_micro`),
      [limit, this.options.claimLeaseMs ?? 30_000, toMark],
    )) as [Array<PendingRow & { creato_micro: number }>, number];
    // RETURNING keeps no order: back to creation order, to the microsecond (a Date keeps only the
    // millisecond: two events of one millisecond would go by id).
    return rows.sort((a, b) => a.creato_micro - b.creato_micro || a.id.localeCompare(b.id));
  }

  /**
   * Records a failed publish on the row and releases it. A refusal counts towards parking; no answer
   * (NATS down or slow, no stream yet) is the bus's fault, not the row's, and never parks it.
   * Returns true when the row was parked.
   */
  private async recordFailure(row: PendingRow, error: unknown): Promise<boolean> {
    const message = String((error as Error)?.message ?? error).slice(0, 500);
    const park = refusedByNats(error) && row.attempts + 1 >= (this.options.maxAttempts ?? 5);
    await this.dataSource.query(
      `UPDATE outbox_message
          SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
              parked_at = CASE WHEN $3 THEN now() END, parked_reason = CASE WHEN $3 THEN $2 END
        WHERE id = $1`,
      [row.id, message, park],
    );
    if (park) {
      outboxParkedTotal.inc();
      this.logger.error(
        { eventId: row.id, type: row.type, attempts: row.attempts + 1, motivo: message },
        'evento dell’outbox parcheggiato: NATS lo rifiuta, serve un operatore (docs/operations.md)',
      );
    }
    return park;
  }

  /**
   * The rows after `rows[after]` (just stored), all sent at once, each stored by JetStream only if the
   * stream's last message is the row before it (`Nats-Expected-Last-Msg-Id`): where one is refused (too
   * large, a stream limit, no answer, another relay's event in between), every row after it is refused
   * too, so the stream holds a prefix of the batch, in order. Returns the ids of that prefix;
   * its failures are not the rows' own and count for nothing (the caller publishes the first one again).
   */
  private async publishChained(rows: PendingRow[], after: number): Promise<string[]> {
    const chain = rows.slice(after + 1);
    if (chain.length === 0) return [];
    const results = await Promise.allSettled(chain.map((row, i) => this.publish(row, rows[after + i].id)));
    const broken = results.findIndex((r) => r.status === 'rejected');
    return chain.slice(0, broken === -1 ? chain.length : broken).map((row) => row.id);
  }

  private async publish(row: PendingRow, afterId?: string): Promise<void> {
    const { [OUTBOX_TRACEPARENT]: traceparent, ...envelope } = row.envelope as EventEnvelope & {
      [OUTBOX_TRACEPARENT]?: string;
    };
    const h = natsHeaders();
    h.set(HEADER.correlationId, envelope.correlationId);
    h.set(HEADER.causationId, envelope.id);
    // The publish continues the trace of the request that wrote the row; the consumers continue it.
    const { span, context } = avviaSpan(
      `${row.subject} publish`,
      SpanKind.PRODUCER,
      daTraceparent(traceparent),
      {
        'messaging.system': 'nats',
        'messaging.destination.name': row.subject,
        'messaging.operation.type': 'send',
        'messaging.message.id': row.id,
        'ambito.schema': this.options.schema,
      },
    );
    iniettaTraccia(context, h);
    let esito: string | undefined;
    try {
      await this.js.publish(row.subject, JSON.stringify(envelope), {
        msgID: row.id,
        headers: h,
        timeout: this.options.publishTimeoutMs ?? 2000,
        ...(afterId ? { expect: { lastMsgID: afterId } } : {}),
      });
    } catch (error) {
      esito = 'PUBBLICAZIONE_NON_RIUSCITA';
      throw error;
    } finally {
      chiudiSpan(span, esito);
    }
  }

  /** What the outbox gauges read (ambito_outbox_*): backlog, age of the oldest row, parked rows. */
  private async stato(): Promise<{ pending: number; oldestAgeSeconds: number; parked: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS pending,
              COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0)::float8
                AS oldest,
              count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked
         FROM outbox_message WHERE published_at IS NULL`,
    )) as Array<{ pending: number; oldest: number; parked: number }>;
    return { pending: row.pending, oldestAgeSeconds: row.oldest, parked: row.parked };
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

/** NATS codes that mean no answer (the bus is down or slow): not the message's fault. */
const NO_ANSWER = new Set([
  'TIMEOUT',
  'CONNECTION_CLOSED',
  'DISCONNECT',
  'CONNECTION_DRAINING',
  'CONNECTION_REFUSED',
  '503',
  '408',
]);

/** Anything but no answer: the client or the server refused this row (too large, refused by the stream, unreadable). */
function refusedByNats(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return !(typeof code === 'string' && NO_ANSWER.has(code));
}

/** The pg pool behind TypeORM's PostgreSQL driver: connections in use, idle, waited for. */
function statoPool(dataSource: DataSource): { total: number; idle: number; waiting: number; max: number } {
  const pool = (dataSource.driver as unknown as { master?: PoolCounters }).master;
  if (!pool) throw new Error('pool non disponibile');
  return {
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options?.max ?? 10,
  };
}

interface PoolCounters {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}
