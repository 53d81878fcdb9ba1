import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  headers as natsHeaders,
  type ConsumerMessages,
  type JsMsg,
  type NatsConnection,
} from 'nats';
import {
  classeDelPayload,
  DomainError,
  eventDeclaration,
  eventSubject,
  EventEnvelopeV1,
  HEADER,
  EVENT_VERSIONS,
  validaContratto,
  type EventEnvelope,
  type EventPayload,
  type EventType,
} from '@ambito/contracts';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import { RequestContext } from '../context/request-context';
import { deadLetterStreamName, ensureStream, eventStreamName, waitForStream } from './streams';

export interface SubscriptionOptions<T extends EventType> {
  /** Consuming service: dead letters go to `dlq.<service>.<durable>`. */
  service: string;
  /** Durable consumer name, stable across restarts and shared by the service's replicas. */
  durable: string;
  type: T;
  handler: (envelope: EventEnvelope<T, EventPayload<T>>) => Promise<void>;
  /** Deliveries before the event is parked in the dead-letter stream. */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Delay before a failed event is redelivered. */
  retryDelayMs?: number;
}

const NS_PER_MS = 1_000_000;

/**
 * A durable JetStream consumer with explicit ack and bounded redelivery: a handler that keeps failing
 * sends the event to the dead-letter subject (kept in a stream) instead of blocking the others.
 * Handlers must be idempotent (see `handleOnce`): JetStream delivers at least once.
 */
export class EventSubscription<T extends EventType> {
  private readonly logger = new Logger(EventSubscription.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopping = false;

  constructor(
    private readonly nats: NatsConnection,
    private readonly options: SubscriptionOptions<T>,
  ) {}

  async start(): Promise<void> {
    const { service, durable, type } = this.options;
    const producer = type.split('.')[0];
    const jsm = await this.nats.jetstreamManager();
    // The producer owns its stream (and only it may create or change it): wait until it exists.
    await waitForStream(jsm, eventStreamName(producer), this.logger, () => this.stopping);
    if (this.stopping) return;
    await ensureStream(jsm, deadLetterStreamName(service), [`dlq.${service}.>`]);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: eventSubject(type, EVENT_VERSIONS[type]),
      max_deliver: this.options.maxDeliver ?? 5,
      ack_wait: (this.options.ackWaitMs ?? 30_000) * NS_PER_MS,
    };
    try {
      await jsm.consumers.info(eventStreamName(producer), durable);
      await jsm.consumers.update(eventStreamName(producer), durable, config);
    } catch {
      await jsm.consumers.add(eventStreamName(producer), config);
    }
    const consumer = await this.nats.jetstream().consumers.get(eventStreamName(producer), durable);
    this.messages = await consumer.consume({ max_messages: 64 });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      await this.process(msg);
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    let envelope: EventEnvelope<T, EventPayload<T>>;
    try {
      envelope = await this.validate(msg);
    } catch (error) {
      // An event that breaks its contract would fail the same way on every delivery: park it now.
      await this.deadLetter(msg, error);
      return;
    }
    const context = { correlationId: envelope.correlationId, causationId: envelope.id };
    try {
      await RequestContext.run(context, () => this.options.handler(envelope));
      msg.ack();
    } catch (error) {
      if (msg.info.deliveryCount >= (this.options.maxDeliver ?? 5)) {
        await this.deadLetter(msg, error);
      } else {
        this.logger.warn(
          { errore: erroreSenzaDati(error), eventId: envelope.id, delivery: msg.info.deliveryCount },
          'evento non elaborato: verrà riconsegnato',
        );
        msg.nak(this.options.retryDelayMs ?? 1000);
      }
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

  private async deadLetter(msg: JsMsg, error: unknown): Promise<void> {
    const h = natsHeaders();
    h.set('Ambito-Dlq-Subject', msg.subject);
    h.set(
      'Ambito-Dlq-Error',
      String((error as Error)?.message ?? error)
        .slice(0, 500)
        .replace(/[\r\n]/g, ' '),
    );
    if (msg.headers?.has(HEADER.correlationId))
      h.set(HEADER.correlationId, msg.headers.get(HEADER.correlationId));
    await this.nats
      .jetstream()
      .publish(`dlq.${this.options.service}.${this.options.durable}`, msg.data, { headers: h });
    this.logger.error(
      { errore: erroreSenzaDati(error), subject: msg.subject, durable: this.options.durable },
      'evento spostato nella dead-letter',
    );
    msg.term();
  }
}

/** The fields in error, never their values (an event may carry personal data). */
function motivo(error: unknown): string {
  if (error instanceof DomainError && error.details) {
    return error.details.map((d) => `${d.campo || '(radice)'}: ${d.messaggi.join(', ')}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
