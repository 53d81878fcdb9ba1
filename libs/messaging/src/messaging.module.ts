import {
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { CONSUMER_DECLARATIONS, type EventType } from '@ambito/contracts';
import { EVENT_HANDLER, type EventHandlerMetadata } from './jetstream/event-handler.decorator';
import { EventSubscription, type SubscriptionOptions } from './jetstream/event-subscriber';
import { NATS_CONNECTION, connectNats, type NatsAccesso } from './jetstream/nats-connection';
import { ensureStream, eventStreamName } from './jetstream/streams';
import { IdempotencyStore, type IdempotencyOptions } from './idempotency/idempotency-store';
import { OutboxRelay } from './outbox/outbox-relay';
import { PurgeJob } from './retention/purge-job';
import { DEFAULT_RETENTION, type RetentionOptions } from './retention/retention-options';
import { OUTBOX_OPTIONS, OutboxWriter, type OutboxOptions } from './outbox/outbox-writer';
import { ActorSigner, ActorVerifier } from './identity/actor-token';
import type { IdentityKeys } from './identity/identity-config';
import { ACTOR_SIGNER, RPC_TIMEOUT_MS, RpcClient } from './rpc/rpc-client';
import { RPC_SERVER_OPTIONS, RpcServer, type RpcServerOptions } from './rpc/rpc-server';
import { SERVICE_IDENTITY, SERVICE_SIGNER, ServiceCaller } from './rpc/service-caller';

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

export interface MessagingOptions {
  service: string;
  ambito: string;
  natsUrl: string;
  /** The process's own NATS user and the server's CA (see `natsAccessoDa` of @ambito/service-runtime). */
  natsAccesso?: NatsAccesso;
  rpcTimeoutMs?: number;
  /**
   * The signed actor (`identityKeysFrom(config)`): a service that serves requests needs the trusted
   * keys, a process that sends them on behalf of a user (the gateway) its signing key, a service that
   * calls another with its own identity (`chiamata()`) its own key (`service`).
   */
  identity?: IdentityKeys;
  /** Services that own data publish their events through the transactional outbox. */
  outbox?: { databaseUrl: string; schema: string; pollIntervalMs?: number };
  /** Idempotency-Key retention, for services with a database (the `outbox` ones). */
  idempotency?: IdempotencyOptions;
  /** Stream ages and the outbox/inbox purge (DEFAULT_RETENTION for what is not given). */
  retention?: Partial<RetentionOptions>;
}

/** Owns the JetStream side of a service: its stream, the outbox relay and its durable subscriptions. */
@Injectable()
export class EventBus implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventBus.name);
  private readonly subscriptions: EventSubscription<EventType>[] = [];
  private relay?: OutboxRelay;
  private purge?: PurgeJob;
  private started = false;
  private readonly retention: RetentionOptions;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(OutboxRelay) relay: OutboxRelay | null,
    @Inject(PurgeJob) purge: PurgeJob | null,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {
    this.relay = relay ?? undefined;
    this.purge = purge ?? undefined;
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
  }

  /** The `@OnEvent` methods of the service's providers become durable subscriptions. */
  private discoverHandlers(): void {
    for (const wrapper of [...this.discovery.getProviders(), ...this.discovery.getControllers()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance) as object)) {
        const method = instance[name] as (envelope: never) => Promise<void>;
        const meta = this.reflector.get<EventHandlerMetadata | undefined>(EVENT_HANDLER, method);
        if (!meta) continue;
        const { declaration, ...options } = meta;
        this.checkDeclared(declaration.type, options.durable);
        this.subscribe({
          ...options,
          type: declaration.type as EventType,
          handler: method.bind(instance) as SubscriptionOptions<EventType>['handler'],
        });
      }
    }
  }

  /**
   * The service's NATS user may create only the consumers its contracts declare (the permissions are
   * generated from CONSUMER_DECLARATIONS): an undeclared one would fail on the server, so it fails here,
   * at start-up, saying what to declare.
   */
  private checkDeclared(type: string, durable: string): void {
    const { service } = this.options;
    const declared = CONSUMER_DECLARATIONS.some(
      (c) => c.servizio === service && c.durable === durable && c.evento.type === type,
    );
    if (!declared) {
      throw new Error(
        `@OnEvent(${type}, durable ${durable}) di ${service}: consumatore non dichiarato; aggiungerlo con ` +
          'consumo({ servizio, durable, evento }) ai contratti del servizio (CONSUMER_DECLARATIONS), da cui ' +
          'derivano i permessi NATS',
      );
    }
  }

  /** Registers a durable subscription; it starts with the application. */
  subscribe<T extends EventType>(options: Omit<SubscriptionOptions<T>, 'service'>): void {
    const subscription = new EventSubscription(this.nats, {
      eventStreamMaxAgeMs: this.retention.eventStreamMaxAgeMs,
      deadLetterStreamMaxAgeMs: this.retention.deadLetterStreamMaxAgeMs,
      ...options,
      service: this.options.service,
    });
    this.subscriptions.push(subscription as unknown as EventSubscription<EventType>);
    if (this.started) void subscription.start();
  }

  /** Drains the outbox now (used after writes when latency matters, and by tests). */
  async flushOutbox(): Promise<void> {
    await this.relay?.trigger();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.discoverHandlers();
    if (this.relay) {
      // Only producers own a stream; a consumer ensures its producers' streams when it subscribes.
      const jsm = await this.nats.jetstreamManager();
      await ensureStream(jsm, eventStreamName(this.options.service), [`evt.${this.options.service}.>`], {
        maxAgeMs: this.retention.eventStreamMaxAgeMs,
      });
      await this.relay.start();
    }
    this.purge?.start();
    await Promise.all(this.subscriptions.map((s) => s.start()));
    this.started = true;
    this.logger.log({ service: this.options.service }, 'event bus avviato');
  }

  /** Before the database closes (TypeORM closes in onApplicationShutdown): the relay still needs it. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.stop()));
    await this.purge?.stop();
    await this.relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.nats.drain().catch(() => undefined);
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const { trusted, signing, service, ttlSeconds } = options.identity ?? {};
    const rpcServerOptions: RpcServerOptions = {
      service: options.service,
      verifier: trusted && new ActorVerifier(trusted, { ambito: options.ambito }),
    };
    const signer = signing ? new ActorSigner(signing, { ambito: options.ambito, ttlSeconds }) : null;
    if (service && service.issuer !== options.service)
      throw new Error(`${options.service}: la chiave di servizio è dell’emittente ${service.issuer}`);
    const serviceSigner = service ? new ActorSigner(service, { ambito: options.ambito, ttlSeconds }) : null;
    const providers: Provider[] = [
      { provide: MESSAGING_OPTIONS, useValue: options },
      { provide: RPC_SERVER_OPTIONS, useValue: rpcServerOptions },
      { provide: ACTOR_SIGNER, useValue: signer },
      { provide: SERVICE_SIGNER, useValue: serviceSigner },
      { provide: SERVICE_IDENTITY, useValue: { service: options.service, ambito: options.ambito } },
      ServiceCaller,
      RpcServer,
      {
        provide: NATS_CONNECTION,
        useFactory: () => connectNats(options.natsUrl, options.service, options.natsAccesso),
      },
      { provide: RPC_TIMEOUT_MS, useValue: options.rpcTimeoutMs ?? 5000 },
      RpcClient,
      EventBus,
    ];
    if (options.outbox) {
      const outbox = options.outbox;
      const outboxOptions: OutboxOptions = {
        service: options.service,
        ambito: options.ambito,
        schema: outbox.schema,
      };
      providers.push(
        { provide: OUTBOX_OPTIONS, useValue: outboxOptions },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(outboxOptions) },
        {
          provide: OutboxRelay,
          inject: [getDataSourceToken(), NATS_CONNECTION],
          useFactory: (dataSource: DataSource, nats: NatsConnection) =>
            new OutboxRelay(dataSource, nats, {
              schema: outbox.schema,
              databaseUrl: outbox.databaseUrl,
              pollIntervalMs: outbox.pollIntervalMs,
            }),
        },
        {
          provide: IdempotencyStore,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) => new IdempotencyStore(dataSource, options.idempotency),
        },
        {
          provide: PurgeJob,
          inject: [getDataSourceToken()],
          useFactory: (dataSource: DataSource) =>
            new PurgeJob(dataSource, { ...DEFAULT_RETENTION, ...options.retention }),
        },
      );
    } else {
      providers.push({ provide: OutboxRelay, useValue: null }, { provide: PurgeJob, useValue: null });
    }
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers,
      exports: [
        NATS_CONNECTION,
        RpcClient,
        ServiceCaller,
        EventBus,
        ...(options.outbox ? [OutboxWriter, IdempotencyStore] : []),
        MESSAGING_OPTIONS,
      ],
    };
  }
}
