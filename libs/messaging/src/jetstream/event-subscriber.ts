import { Logger } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
import {
  AckPolicy,
  DeliverPolicy,
  headers as natsHeaders,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamManager,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import {
  classeDelPayload,
  deadLetterSubject,
  DLQ_HEADER,
  DomainError,
  eventDeclaration,
  eventSubject,
  EventEnvelopeV1,
  HEADER,
  EVENT_VERSIONS,
  replaySubject,
  validaContratto,
  type EventEnvelope,
  type EventPayload,
  type EventType,
  type MotivoDlq,
} from '@ambito/contracts';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import { RequestContext } from '../context/request-context';
import {
  deadLetterPublishFailuresTotal,
  deadLetterReplaysTotal,
  deadLettersTotal,
  eventHandlerDuration,
  eventRedeliveriesTotal,
  osservaConsumatore,
} from '../metrics/messaging-metrics';
import { SpanKind, avviaSpan, chiudiSpan, estraiTraccia } from '../tracing/tracing';
import { isIndisponibilitaTemporanea } from './indisponibilita-temporanea';
import {
  DEFAULT_DLQ_STREAM_MAX_AGE_MS,
  DEFAULT_EVENT_STREAM_MAX_AGE_MS,
  deadLetterStreamName,
  ensureStream,
  eventStreamName,
  isNotFound,
  waitForStream,
} from './streams';

export interface SubscriptionOptions<T extends EventType> {
  /** Consuming service: dead letters go to `dlq.<service>.<durable>`. */
  service: string;
  /** Durable consumer name, stable across restarts and shared by the service's replicas. */
  durable: string;
  type: T;
  handler: (envelope: EventEnvelope<T, EventPayload<T>>) => Promise<void>;
  /** Deliveries before the event is parked in the dead-letter stream. */
  maxDeliver?: number;
  /** Time for one delivery: the server redelivers after it, the subscription stops waiting for the handler. */
  ackWaitMs?: number;
  /** Delay before a failed event is redelivered. */
  retryDelayMs?: number;
  /**
   * Longest delay between the retries of an event whose handler found a part down (PostgreSQL,
   * another service): they double from `retryDelayMs` up to this.
   */
  maxRetryDelayMs?: number;
  /** Delay before a dead letter that could not be published is tried again. */
  deadLetterRetryDelayMs?: number;
  /** `max_age` of the service's dead-letter stream (updated at start). */
  deadLetterStreamMaxAgeMs?: number;
  /** `max_age` of the producer's stream, only if this subscription has to create it. */
  eventStreamMaxAgeMs?: number;
}

const NS_PER_MS = 1_000_000;

type Source = 'stream' | 'replay';

class HandlerTimeout extends Error {
  constructor(ms: number) {
    super(`nessuna risposta dal gestore entro ${ms} ms`);
  }
}

/**
 * A durable JetStream consumer with explicit ack and bounded redelivery: a handler that keeps failing
 * sends the event to the dead-letter subject (kept in a stream) instead of blocking the others.
 * Handlers must be idempotent (see `handleOnce`): JetStream delivers at least once.
 *
 * The deliveries are counted here, not by the server (the consumer's `max_deliver` is unlimited): the
 * server would silently drop an event whose last delivery timed out (a handler that hangs, a process
 * that dies while handling) and one whose dead letter could not be published. Here a delivery beyond
 * `maxDeliver` is dead-lettered before it reaches the handler, and a failed dead-letter publish is
 * nak'ed and tried again later, without ending the consume loop.
 *
 * A second durable consumer, `<durable>-replay` on the service's dead-letter stream, receives the
 * replays the operator's command sends (`npm run dlq -- replay`): the same handler path, for this
 * durable only; after success the dead letter is removed.
 */
export class EventSubscription<T extends EventType> {
  private readonly logger = new Logger(EventSubscription.name);
  private readonly loops: Array<{ messages: ConsumerMessages; done: Promise<void> }> = [];
  /** Dead letters whose publish failed, by stream sequence: their reason survives the redelivery. */
  private readonly pendingDeadLetters = new Map<number, { reason: MotivoDlq; error: unknown }>();
  /**
   * Deliveries, by source and stream sequence, that ended because a part was down: they are not the event's fault
   * and do not count towards `maxDeliver` (kept by this replica only: after a restart they count again).
   */
  private readonly temporarilyFailed = new Map<string, number>();
  private jsm?: JetStreamManager;
  private stopping = false;
  private unobserve?: () => void;

  constructor(
    private readonly nats: NatsConnection,
    private readonly options: SubscriptionOptions<T>,
  ) {}

  private get maxDeliver(): number {
    return this.options.maxDeliver ?? 5;
  }

  private get ackWaitMs(): number {
    return this.options.ackWaitMs ?? 30_000;
  }

  private get deadLetterStream(): string {
    return deadLetterStreamName(this.options.service);
  }

  async start(): Promise<void> {
    const { service, durable, type } = this.options;
    const producer = type.split('.')[0];
    const jsm = await this.nats.jetstreamManager();
    this.jsm = jsm;
    try {
      await ensureStream(jsm, eventStreamName(producer), [`evt.${producer}.>`], {
        maxAgeMs: this.options.eventStreamMaxAgeMs ?? DEFAULT_EVENT_STREAM_MAX_AGE_MS,
        createOnly: true,
      });
    } catch (error) {
      // On an authorised bus the consumer's user may read its producer's stream state, not create the
      // stream (only the producer may, libs/contracts/src/bus): wait for the producer to start.
      if ((error as { code?: string })?.code !== 'PERMISSIONS_VIOLATION') throw error;
      await waitForStream(jsm, eventStreamName(producer), this.logger, () => this.stopping);
      if (this.stopping) return;
    }
    await ensureStream(jsm, this.deadLetterStream, [`dlq.${service}.>`], {
      maxAgeMs: this.options.deadLetterStreamMaxAgeMs ?? DEFAULT_DLQ_STREAM_MAX_AGE_MS,
    });
    const common: Partial<ConsumerConfig> = {
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      max_deliver: -1, // counted here, see the class comment
      ack_wait: this.ackWaitMs * NS_PER_MS,
    };
    await this.consume(
      jsm,
      eventStreamName(producer),
      {
        ...common,
        durable_name: durable,
        filter_subject: eventSubject(type, EVENT_VERSIONS[type]),
      },
      'stream',
    );
    await this.consume(
      jsm,
      this.deadLetterStream,
      {
        ...common,
        durable_name: `${durable}-replay`,
        filter_subject: replaySubject(service, durable),
      },
      'replay',
    );
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unobserve?.();
    await Promise.all(this.loops.map((l) => l.messages.close()));
    await Promise.all(this.loops.map((l) => l.done));
    this.loops.length = 0;
  }

  private async consume(
    jsm: JetStreamManager,
    stream: string,
    config: Partial<ConsumerConfig> & { durable_name: string },
    source: Source,
  ): Promise<void> {
    try {
      await jsm.consumers.info(stream, config.durable_name);
      await jsm.consumers.update(stream, config.durable_name, config);
    } catch {
      await jsm.consumers.add(stream, config);
    }
    const consumer = await this.nats.jetstream().consumers.get(stream, config.durable_name);
    if (source === 'stream') {
      // Backlog and redeliveries of the durable, as the server counts them (ambito_consumer_*).
      const dlq = deadLetterSubject(this.options.service, config.durable_name);
      this.unobserve = osservaConsumatore(config.durable_name, async () => {
        const [info, deadLetters] = await Promise.all([
          consumer.info(),
          jsm.streams.info(this.deadLetterStream, { subjects_filter: dlq }),
        ]);
        return {
          pending: info.num_pending,
          ackPending: info.num_ack_pending,
          redelivered: info.num_redelivered,
          deadLetters: deadLetters.state.subjects?.[dlq] ?? 0,
        };
      });
    }
    const messages = await consumer.consume({ max_messages: 64 });
    this.loops.push({ messages, done: this.run(messages, source) });
  }

  /** Nothing a message does ends the loop: an unexpected failure is logged and the message retried. */
  private async run(messages: ConsumerMessages, source: Source): Promise<void> {
    for await (const msg of messages) {
      try {
        await this.process(msg, source);
      } catch (error) {
        this.logger.error(
          { errore: erroreSenzaDati(error), durable: this.options.durable, seq: msg.info.streamSequence },
          'errore inatteso nella gestione di un evento: verrà riconsegnato',
        );
        settle(() => msg.nak(this.options.retryDelayMs ?? 1000));
      }
    }
  }

  /** Each delivery measured by durable and outcome, and traced as a child of the event's publish. */
  private async process(msg: JsMsg, source: Source): Promise<void> {
    const { durable } = this.options;
    if (msg.info.deliveryCount > 1) eventRedeliveriesTotal.inc({ durable });
    const timer = eventHandlerDuration.startTimer({ durable });
    const { span, context } = avviaSpan(
      `${msg.subject} process`,
      SpanKind.CONSUMER,
      estraiTraccia(msg.headers),
      {
        'messaging.system': 'nats',
        'messaging.destination.name': msg.subject,
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': durable,
        'ambito.service': this.options.service,
      },
    );
    let esito: string | undefined;
    try {
      esito = await this.deliver(msg, source, context);
    } catch (error) {
      esito = 'ERRORE_INTERNO';
      throw error;
    } finally {
      timer({ outcome: esito ? 'error' : 'ok' });
      chiudiSpan(span, esito);
    }
  }

  /** Returns what went wrong (a dead-letter reason, `indisponibile`), nothing when the handler succeeded. */
  private async deliver(msg: JsMsg, source: Source, trace: Context): Promise<string | undefined> {
    const key = `${source}:${msg.info.streamSequence}`;
    const deliveries = msg.info.deliveryCount - (this.temporarilyFailed.get(key) ?? 0);
    if (deliveries > this.maxDeliver) {
      // The previous delivery got no answer within the ack wait (or its dead letter could not be
      // published): the handler had its chances.
      const pending = this.pendingDeadLetters.get(msg.info.streamSequence);
      const reason = pending?.reason ?? 'timeout';
      const error = pending?.error ?? new Error(`nessuna risposta dopo ${this.maxDeliver} consegne`);
      await this.giveUp(msg, source, reason, error, undefined);
      return reason;
    }
    let envelope: EventEnvelope<T, EventPayload<T>>;
    try {
      envelope = await this.validate(msg);
    } catch (error) {
      // An event that breaks its contract would fail the same way on every delivery: park it now.
      await this.giveUp(msg, source, 'contratto', error, undefined);
      return 'contratto';
    }
    const context = { correlationId: envelope.correlationId, causationId: envelope.id, trace };
    try {
      await this.withinAckWait(() => RequestContext.run(context, () => this.options.handler(envelope)));
    } catch (error) {
      const reason: MotivoDlq = error instanceof HandlerTimeout ? 'timeout' : 'errore';
      if (reason === 'errore' && isIndisponibilitaTemporanea(error)) {
        this.retryLater(msg, key, envelope, error);
        return 'indisponibile';
      }
      if (deliveries >= this.maxDeliver) {
        await this.giveUp(msg, source, reason, error, envelope);
      } else {
        this.logger.warn(
          {
            errore: erroreSenzaDati(error),
            eventId: envelope.id,
            durable: this.options.durable,
            delivery: deliveries,
          },
          'evento non elaborato: verrà riconsegnato',
        );
        // After a timeout the server is already redelivering (the ack wait is over): nothing to nak.
        if (reason === 'errore') settle(() => msg.nak(this.options.retryDelayMs ?? 1000));
      }
      return reason;
    }
    this.temporarilyFailed.delete(key);
    if (source === 'replay') await this.replayDone(msg, envelope);
    else settle(() => msg.ack());
    return undefined;
  }

  /** A part the handler needs is down: back off (doubling) and try again, for as long as it takes. */
  private retryLater(msg: JsMsg, key: string, envelope: EventEnvelope, error: unknown): void {
    const volte = (this.temporarilyFailed.get(key) ?? 0) + 1;
    this.temporarilyFailed.set(key, volte);
    const base = this.options.retryDelayMs ?? 1000;
    const delay = Math.min(base * 2 ** Math.min(volte - 1, 20), this.options.maxRetryDelayMs ?? 30_000);
    this.logger.warn(
      {
        errore: erroreSenzaDati(error),
        eventId: envelope.id,
        durable: this.options.durable,
        tentativo: volte,
        delay,
      },
      'evento non elaborato: un componente non è disponibile, verrà riconsegnato',
    );
    settle(() => msg.nak(delay));
  }

  /** The handler gets one ack wait; a handler that hangs must not hold the loop for ever. */
  private async withinAckWait(work: () => Promise<void>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HandlerTimeout(this.ackWaitMs)), this.ackWaitMs);
    });
    try {
      await Promise.race([work(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Envelope and payload checked against the contract; the payload becomes its class instance. */
  private async validate(msg: JsMsg): Promise<EventEnvelope<T, EventPayload<T>>> {
    let raw: unknown;
    try {
      raw = msg.json();
    } catch {
      throw new Error('evento non valido: il messaggio non è JSON');
    }
    const { type } = this.options;
    const envelope = await validaContratto(EventEnvelopeV1, raw, { rifiutaCampiIgnoti: false }).catch(
      (error: unknown) => {
        throw new Error(`busta non valida: ${motivo(error)}`);
      },
    );
    if (envelope.type !== type || envelope.version !== EVENT_VERSIONS[type]) {
      throw new Error(
        `busta non valida: atteso ${type} v${EVENT_VERSIONS[type]}, ricevuto ${envelope.type} v${envelope.version}`,
      );
    }
    const declaration = eventDeclaration(type);
    if (declaration) {
      const classe = classeDelPayload(declaration.payload, envelope.payload);
      if (!classe) throw new Error('payload non valido: variante sconosciuta');
      envelope.payload = await validaContratto(classe, envelope.payload, { rifiutaCampiIgnoti: false }).catch(
        (error: unknown) => {
          throw new Error(`payload non valido: ${motivo(error)}`);
        },
      );
    }
    return envelope as unknown as EventEnvelope<T, EventPayload<T>>;
  }

  private async giveUp(
    msg: JsMsg,
    source: Source,
    reason: MotivoDlq,
    error: unknown,
    envelope: EventEnvelope | undefined,
  ): Promise<void> {
    this.temporarilyFailed.delete(`${source}:${msg.info.streamSequence}`);
    if (source === 'replay') await this.replayFailed(msg, reason, error);
    else await this.deadLetter(msg, reason, error, envelope);
  }

  /**
   * Publishes the event to `dlq.<service>.<durable>` and terminates it. When the dead-letter stream
   * cannot take it (NATS or the stream unavailable), the event is nak'ed and comes back later: it is
   * never dropped, and the loop goes on with the others.
   */
  private async deadLetter(
    msg: JsMsg,
    reason: MotivoDlq,
    error: unknown,
    envelope: EventEnvelope | undefined,
  ): Promise<void> {
    const { service, durable } = this.options;
    const ids = envelope ?? idsOf(msg);
    const h = natsHeaders();
    h.set(DLQ_HEADER.subject, msg.subject);
    h.set(DLQ_HEADER.error, oneLine(String((error as Error)?.message ?? error)));
    h.set(DLQ_HEADER.reason, reason);
    h.set(DLQ_HEADER.consumer, durable);
    h.set(DLQ_HEADER.stream, msg.info.stream);
    h.set(DLQ_HEADER.streamSequence, String(msg.info.streamSequence));
    h.set(DLQ_HEADER.deliveries, String(msg.info.deliveryCount));
    if (ids.id) h.set(DLQ_HEADER.eventId, ids.id);
    if (ids.type) h.set(DLQ_HEADER.eventType, ids.type);
    if (msg.headers?.has(HEADER.correlationId))
      h.set(HEADER.correlationId, msg.headers.get(HEADER.correlationId));
    const logFields = {
      eventId: ids.id,
      type: ids.type,
      consumer: service,
      durable,
      reason,
      seq: msg.info.streamSequence,
    };
    try {
      await this.nats.jetstream().publish(deadLetterSubject(service, durable), msg.data, {
        headers: h,
        // A second attempt at the same dead letter (after a failed ack, another replica) is dropped.
        msgID: `${durable}:${msg.info.stream}:${msg.info.streamSequence}`,
      });
    } catch (publishError) {
      this.pendingDeadLetters.set(msg.info.streamSequence, { reason, error });
      deadLetterPublishFailuresTotal.inc({ consumer: service, durable });
      this.logger.error(
        { ...logFields, errore: erroreSenzaDati(publishError) },
        'dead-letter non pubblicabile: l’evento sarà ritentato più tardi',
      );
      settle(() => msg.nak(this.options.deadLetterRetryDelayMs ?? 5000));
      return;
    }
    this.pendingDeadLetters.delete(msg.info.streamSequence);
    settle(() => msg.term());
    deadLettersTotal.inc({ consumer: service, durable, reason });
    // The alert: ids and codes only (the error text may quote the event; it stays in the stream).
    this.logger.error(logFields, 'evento spostato nella dead-letter: serve un operatore (npm run dlq)');
  }

  /** A replay handled: the dead letter it replays and the replay itself leave the stream. */
  private async replayDone(msg: JsMsg, envelope: EventEnvelope): Promise<void> {
    const { service, durable } = this.options;
    const deadLetterSeq = Number(msg.headers?.get(DLQ_HEADER.replayOf));
    if (Number.isInteger(deadLetterSeq) && deadLetterSeq > 0) await this.deleteQuietly(deadLetterSeq, true);
    settle(() => msg.ack());
    await this.deleteQuietly(msg.info.streamSequence, false);
    deadLetterReplaysTotal.inc({ consumer: service, durable, outcome: 'riuscita' });
    this.logger.log(
      { eventId: envelope.id, type: envelope.type, consumer: service, durable, deadLetterSeq },
      'dead letter riproposta ed elaborata',
    );
  }

  /** A replay that failed as well: the dead letter stays for the operator, the replay is removed. */
  private async replayFailed(msg: JsMsg, reason: MotivoDlq, error: unknown): Promise<void> {
    const { service, durable } = this.options;
    const ids = idsOf(msg);
    settle(() => msg.term());
    await this.deleteQuietly(msg.info.streamSequence, false);
    deadLetterReplaysTotal.inc({ consumer: service, durable, outcome: 'fallita' });
    this.logger.error(
      {
        eventId: ids.id,
        type: ids.type,
        consumer: service,
        durable,
        reason,
        deadLetterSeq: msg.headers?.get(DLQ_HEADER.replayOf),
        errore: erroreSenzaDati(error),
      },
      'riproposta della dead letter non riuscita: la dead letter resta',
    );
  }

  /** Removes a message of the dead-letter stream; a missing one is already gone. */
  private async deleteQuietly(seq: number, mustSucceed: boolean): Promise<void> {
    try {
      await this.jsm!.streams.deleteMessage(this.deadLetterStream, seq, false);
    } catch (error) {
      // Already gone (another replay of the same dead letter, the age limit): 10057 "no message found".
      if (
        isNotFound(error) ||
        (error as { api_error?: { err_code?: number } })?.api_error?.err_code === 10057
      )
        return;
      if (mustSucceed) throw error; // the loop naks: the replay comes back (the handler is idempotent)
      this.logger.warn({ errore: erroreSenzaDati(error), seq }, 'messaggio della dead-letter non rimosso');
    }
  }
}

/** Id and type of the event, when the bytes are an envelope at all (for logs and headers). */
function idsOf(msg: JsMsg): { id?: string; type?: string } {
  try {
    const raw = msg.json<{ id?: unknown; type?: unknown }>();
    return {
      id: typeof raw?.id === 'string' && /^[0-9a-f-]{36}$/i.test(raw.id) ? raw.id : undefined,
      type: typeof raw?.type === 'string' && /^[a-z0-9.-]{1,100}$/.test(raw.type) ? raw.type : undefined,
    };
  } catch {
    return {};
  }
}

/** Ack, nak or term on a connection that may be closing: nothing to do if it fails, the server redelivers. */
function settle(action: () => void): void {
  try {
    action();
  } catch {
    // the ack wait runs out and the server redelivers
  }
}

function oneLine(text: string): string {
  return text.slice(0, 500).replace(/[\r\n]/g, ' ');
}

/** The fields in error, never their values (an event may carry personal data). */
function motivo(error: unknown): string {
  if (error instanceof DomainError && error.details) {
    return error.details.map((d) => `${d.campo || '(radice)'}: ${d.messaggi.join(', ')}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
