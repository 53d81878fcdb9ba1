import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { MsgHdrs } from 'nats';
import type { DataSource } from 'typeorm';
import {
  DomainError,
  HEADER,
  MESSAGGIO_IDEMPOTENCY_KEY_NON_VALIDA,
  leggiIdempotencyKey,
  type Actor,
  type ErrorReply,
} from '@ambito/contracts';
import { IDEMPOTENCY_KEY_TABLE, purgeExpiredIdempotencyKeys } from '@ambito/persistence';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import { IdempotencySubscriber, keyInUseError } from './idempotency-subscriber';
import { requestHash } from './request-hash';
import { ServedRequestScope, type IdempotentRequest, type ServedRequest } from './served-request';

export const IDEMPOTENCY_OPTIONS = Symbol('IDEMPOTENCY_OPTIONS');

export interface IdempotencyOptions {
  /** How long a key and its reply are kept (default 24 h). */
  ttlMs?: number;
  /** How often the service deletes its expired keys (default every hour; 0: never, another job does). */
  purgeIntervalMs?: number;
  /** A row still without reply after this long lost its reply (the service stopped after the commit). */
  replyLostAfterMs?: number;
  /** How long a duplicate waits for the first request's reply before answering "in corso". */
  waitForReplyMs?: number;
}

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorReply };

/** What RpcServer knows of the request when it hands it over. */
export interface IncomingRequest {
  subject: string;
  actor: Actor;
  /** The body as received (not validated): what the key is bound to. */
  body: unknown;
  headers: MsgHdrs | undefined;
  deadline: number | undefined;
}

interface StoredRow {
  request_hash: string;
  reply_status: 'ok' | 'errore' | null;
  reply: unknown;
  age_ms: number;
}

const DAY_MS = 24 * 3_600_000;

/**
 * Idempotent commands: the `Ambito-Idempotency-Key` of a request (per user) is stored with its effect
 * (the transaction hook, IdempotencySubscriber) and, once answered, with its reply. A repeat with the
 * same key and body gets the first reply (success or domain error) without running again; the same key
 * with another body or subject is IDEMPOTENCY_KEY_RIUSATA (422). Requests without a key only get the
 * deadline checks.
 */
export class IdempotencyStore implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyStore.name);
  private readonly ttlMs: number;
  private readonly replyLostAfterMs: number;
  private readonly waitForReplyMs: number;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: IdempotencyOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? DAY_MS;
    this.replyLostAfterMs = options.replyLostAfterMs ?? 60_000;
    this.waitForReplyMs = options.waitForReplyMs ?? 2_000;
  }

  onModuleInit(): void {
    if (!this.dataSource.subscribers.some((s) => s instanceof IdempotencySubscriber)) {
      this.dataSource.subscribers.push(new IdempotencySubscriber());
    }
    const every = this.options.purgeIntervalMs ?? 3_600_000;
    if (every > 0) {
      this.timer = setInterval(() => void this.purge(), every);
      this.timer.unref();
    }
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes the expired keys; returns how many (also for the retention job). */
  async purge(): Promise<number> {
    try {
      return await purgeExpiredIdempotencyKeys(this.dataSource);
    } catch (error) {
      this.logger.warn({ errore: erroreSenzaDati(error) }, 'pulizia delle Idempotency-Key non riuscita');
      return 0;
    }
  }

  /** Runs the request once per key (see the class comment), inside the scope the transaction hook reads. */
  async execute(
    incoming: IncomingRequest,
    work: () => Promise<unknown>,
    toErrorReply: (error: unknown) => ErrorReply,
  ): Promise<Outcome> {
    const key = keyFromHeaders(incoming.headers);
    const served: ServedRequest = { deadline: incoming.deadline };
    if (key) {
      const request: IdempotentRequest = {
        userId: incoming.actor.userId,
        key,
        subject: incoming.subject,
        hash: requestHash(incoming.subject, incoming.body),
        ttlMs: this.ttlMs,
        recorded: false,
        concurrent: false,
      };
      const previous = await this.find(request);
      if (previous) return this.awaitReply(request, previous, incoming.deadline);
      served.idempotency = request;
    }
    const outcome = await ServedRequestScope.run(served, () => run(work, toErrorReply));
    const request = served.idempotency;
    if (!request) return outcome;
    if (request.concurrent) return this.awaitReply(request, undefined, incoming.deadline);
    if (request.recorded) await this.storeReply(request, outcome);
    return outcome;
  }

  private async find(request: IdempotentRequest): Promise<StoredRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT request_hash, reply_status, reply, expires_at < now() AS expired,
              (extract(epoch FROM clock_timestamp() - created_at) * 1000)::float8 AS age_ms
         FROM ${IDEMPOTENCY_KEY_TABLE} WHERE user_id = $1 AND key = $2`,
      [request.userId, request.key],
    )) as Array<StoredRow & { expired: boolean }>;
    const [row] = rows;
    if (!row) return undefined;
    if (row.expired) {
      // An expired key starts afresh (the purge may not have run yet).
      await this.dataSource.query(
        `DELETE FROM ${IDEMPOTENCY_KEY_TABLE} WHERE user_id = $1 AND key = $2 AND expires_at < now()`,
        [request.userId, request.key],
      );
      return undefined;
    }
    return row;
  }

  /** The first request's answer, once it is stored; "in corso" if it does not come in time. */
  private async awaitReply(
    request: IdempotentRequest,
    found?: StoredRow,
    deadline?: number,
  ): Promise<Outcome> {
    const until = Math.min(Date.now() + this.waitForReplyMs, deadline ?? Infinity);
    let row = found ?? (await this.find(request));
    for (;;) {
      if (!row) return { ok: false, error: keyInUseError().toReply() }; // the first one rolled back
      const settled = row.reply_status !== null || row.age_ms > this.replyLostAfterMs;
      if (settled || row.request_hash !== request.hash || Date.now() >= until) {
        return this.replyOf(row, request);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
      row = await this.find(request);
    }
  }

  private replyOf(row: StoredRow, request: IdempotentRequest): Outcome {
    if (row.request_hash !== request.hash) {
      return {
        ok: false,
        error: new DomainError(
          'IDEMPOTENCY_KEY_RIUSATA',
          'Idempotency-Key già usata per una richiesta diversa: per un’altra operazione usare una nuova chiave.',
        ).toReply(),
      };
    }
    if (row.reply_status === 'ok') return { ok: true, value: row.reply };
    if (row.reply_status === 'errore') return { ok: false, error: row.reply as ErrorReply };
    if (row.age_ms > this.replyLostAfterMs) {
      return {
        ok: false,
        error: new DomainError(
          'IDEMPOTENCY_KEY_SENZA_RISPOSTA',
          'La richiesta con questa Idempotency-Key è stata eseguita, ma la sua risposta non è disponibile: verificare il risultato prima di procedere.',
        ).toReply(),
      };
    }
    return { ok: false, error: keyInUseError().toReply() };
  }

  /**
   * The reply on the committed row. Retried for a few seconds (a PostgreSQL restart between the commit
   * and this update would otherwise lose it); meanwhile a repeat waits, then gets "in corso".
   */
  private async storeReply(request: IdempotentRequest, outcome: Outcome): Promise<void> {
    const reply = JSON.stringify((outcome.ok ? outcome.value : outcome.error) ?? null);
    for (const wait of STORE_REPLY_BACKOFF_MS) {
      if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        await this.dataSource.query(
          `UPDATE ${IDEMPOTENCY_KEY_TABLE} SET reply_status = $3, reply = $4::jsonb
            WHERE user_id = $1 AND key = $2`,
          [request.userId, request.key, outcome.ok ? 'ok' : 'errore', reply],
        );
        return;
      } catch (error) {
        this.logger.warn({ errore: erroreSenzaDati(error) }, 'risposta della Idempotency-Key non salvata');
      }
    }
    // The effect is committed: the caller still gets its answer; a repeat will say the reply is lost.
  }
}

const STORE_REPLY_BACKOFF_MS = [0, 100, 300, 700, 1500, 3000];

/**
 * A request served without a store (no database): the deadline is still checked before it starts.
 * With a store, IdempotencyStore.execute does this and more.
 */
export async function executeWithoutStore(
  deadline: number | undefined,
  work: () => Promise<unknown>,
  toErrorReply: (error: unknown) => ErrorReply,
): Promise<Outcome> {
  return ServedRequestScope.run({ deadline }, () => run(work, toErrorReply));
}

async function run(
  work: () => Promise<unknown>,
  toErrorReply: (error: unknown) => ErrorReply,
): Promise<Outcome> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: toErrorReply(error) };
  }
}

/** The key of the request, if any; a malformed one is refused (IDEMPOTENCY_KEY_NON_VALIDA). */
export function keyFromHeaders(h: MsgHdrs | undefined): string | undefined {
  const raw = h?.has(HEADER.idempotencyKey) ? h.get(HEADER.idempotencyKey) : undefined;
  if (!raw) return undefined;
  const key = leggiIdempotencyKey(raw);
  if (!key) throw new DomainError('IDEMPOTENCY_KEY_NON_VALIDA', MESSAGGIO_IDEMPOTENCY_KEY_NON_VALIDA);
  return key;
}
