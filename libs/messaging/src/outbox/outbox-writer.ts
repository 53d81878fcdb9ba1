import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  EVENT_VERSIONS,
  eventSubject,
  eventTypeOf,
  type EventTarget,
  type EventEnvelope,
  type EventPayload,
  type EventType,
  type EventMap,
} from '@ambito/contracts';
import { RequestContext } from '../context/request-context';
import { traceparentDi } from '../tracing/tracing';
import { istruzionePreparata } from '../sql/istruzione-preparata';

/**
 * Key of the outbox row's `envelope` that keeps the W3C `traceparent` of the work that wrote it: the
 * relay moves it into the event's headers (it is not part of the envelope on the wire).
 */
export const OUTBOX_TRACEPARENT = 'traceparent';

export const OUTBOX_OPTIONS = Symbol('OUTBOX_OPTIONS');

export interface OutboxOptions {
  /** Producing service, e.g. `accesso`. */
  service: string;
  /** Code of the ambito this deployment serves. */
  ambito: string;
  /** The service's database schema (the notify channel is per schema). */
  schema: string;
}

export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * Writes an event into the outbox with the caller's transaction manager, so the event exists if and only
 * if the state change commits. The NOTIFY is transactional too: it wakes the relay right after commit.
 */
@Injectable()
export class OutboxWriter {
  constructor(private readonly options: OutboxOptions) {}

  async append<T extends EventType>(
    manager: EntityManager,
    target: EventTarget<T>,
    payload: EventPayload<T>,
  ): Promise<EventEnvelope<T, EventPayload<T>>> {
    const type = eventTypeOf(target);
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append richiede una transazione attiva');
    }
    const envelope = this.envelope(type, payload);
    // One round trip: the row, and the NOTIFY that wakes the relay once the transaction commits.
    await manager.query(
      istruzionePreparata(`WITH written AS (
         INSERT INTO outbox_message (id, subject, type, envelope) VALUES ($1, $2, $3, $4) RETURNING id
       )
       SELECT pg_notify($5, id::text) FROM written`),
      [
        envelope.id,
        eventSubject(type, envelope.version),
        type,
        JSON.stringify(conTraccia(envelope, traceparentDi(RequestContext.currentOrNew().trace))),
        outboxChannel(this.options.schema),
      ],
    );
    return envelope;
  }

  /**
   * Several events of one type in one statement (a batch of hundreds, e.g. a month's liquidazioni): the
   * same rows as `append` one by one, in order, and one NOTIFY for the relay.
   */
  async appendMany<T extends EventType>(
    manager: EntityManager,
    target: EventTarget<T>,
    payloads: Array<EventPayload<T>>,
  ): Promise<Array<EventEnvelope<T, EventPayload<T>>>> {
    const type = eventTypeOf(target);
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.appendMany richiede una transazione attiva');
    }
    if (payloads.length === 0) return [];
    const envelopes = payloads.map((p) => this.envelope(type, p));
    const traceparent = traceparentDi(RequestContext.currentOrNew().trace);
    await manager.query(
      istruzionePreparata(`WITH written AS (
         INSERT INTO outbox_message (id, subject, type, envelope)
         SELECT x.id, $2, $3, x.envelope FROM unnest($1::uuid[], $4::jsonb[]) WITH ORDINALITY AS x(id, envelope, n)
          ORDER BY x.n
         RETURNING id
       )
       SELECT pg_notify($5, min(id::text)) FROM written`),
      [
        envelopes.map((e) => e.id),
        eventSubject(type, envelopes[0].version),
        type,
        envelopes.map((e) => JSON.stringify(conTraccia(e, traceparent))),
        outboxChannel(this.options.schema),
      ],
    );
    return envelopes;
  }

  /**
   * The outbox row of an event for a statement the caller writes itself, so that the state change, this
   * row and its NOTIFY are one round trip (e.g. accesso's registra: CTEs, through `unaIstruzione`). The
   * caller inserts `id, subject, type, envelope` into `outbox_message` in the same statement (or
   * transaction) as its change, and selects `pg_notify(canale, id)` from what it inserted, as `append`.
   */
  riga<T extends EventType>(target: EventTarget<T>, payload: EventPayload<T>): RigaOutbox<T> {
    const type = eventTypeOf(target);
    const envelope = this.envelope(type, payload);
    return {
      envelope,
      id: envelope.id,
      subject: eventSubject(type, envelope.version),
      type,
      json: JSON.stringify(conTraccia(envelope, traceparentDi(RequestContext.currentOrNew().trace))),
      canale: outboxChannel(this.options.schema),
    };
  }

  private envelope<T extends EventType>(
    type: T,
    payload: EventPayload<T>,
  ): EventEnvelope<T, EventPayload<T>> {
    const ctx = RequestContext.currentOrNew();
    const version: EventMap[T]['version'] = EVENT_VERSIONS[type];
    const envelope: EventEnvelope<T, EventPayload<T>> = {
      id: randomUUID(),
      type,
      version,
      occurredAt: new Date().toISOString(),
      ambito: this.options.ambito,
      actor: ctx.actor
        ? { userId: ctx.actor.userId, nome: ctx.actor.nome, ruoli: ctx.actor.ruoli }
        : { userId: `system:${this.options.service}`, nome: this.options.service, ruoli: [] },
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      payload,
    };
    return envelope;
  }
}

/** An outbox row's columns and its notify channel (see `OutboxWriter.riga`). */
export interface RigaOutbox<T extends EventType> {
  envelope: EventEnvelope<T, EventPayload<T>>;
  id: string;
  subject: string;
  type: T;
  /** The `envelope` column (with the traceparent the relay moves into the headers). */
  json: string;
  canale: string;
}

function conTraccia(envelope: EventEnvelope, traceparent: string | undefined): object {
  return traceparent ? { ...envelope, [OUTBOX_TRACEPARENT]: traceparent } : envelope;
}
