import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ClientProxyFactory, NatsRecordBuilder, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { DomainError, isErrorCode, type RpcReply, type RpcRequest, type RpcSubject } from '@ambito/contracts';
import { RequestContext, type RequestContextData } from '../context/request-context';
import { contextHeaders } from './nats-headers';

export interface RpcCallOptions {
  timeoutMs?: number;
  /** Overrides the ambient request context. */
  context?: RequestContextData;
}

/**
 * Typed NATS request/reply over Nest's NATS transport: a wrong subject or payload is a compile error,
 * the actor and correlation travel in headers, and a service's error reply comes back as a DomainError.
 */
@Injectable()
export class RpcClient implements OnApplicationShutdown {
  private readonly logger = new Logger(RpcClient.name);
  private readonly client: ClientProxy;

  constructor(
    natsUrl: string,
    private readonly defaultTimeoutMs = 5000,
  ) {
    this.client = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: { servers: [natsUrl], name: 'rpc-client', maxReconnectAttempts: -1, waitOnFirstConnect: true },
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async request<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    options: RpcCallOptions = {},
  ): Promise<RpcReply<S>> {
    const ctx = options.context ?? RequestContext.currentOrNew();
    const record = new NatsRecordBuilder(payload).setHeaders(contextHeaders(ctx)).build();
    try {
      return await firstValueFrom(
        this.client
          .send<RpcReply<S>>(subject, record)
          .pipe(timeout(options.timeoutMs ?? this.defaultTimeoutMs)),
      );
    } catch (error) {
      throw toDomainError(error, subject, this.logger);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function toDomainError(error: unknown, subject: string, logger: Logger): DomainError {
  if (error instanceof DomainError) return error;
  const reply = error as { code?: unknown; message?: unknown; details?: unknown };
  if (reply && isErrorCode(reply.code) && typeof reply.message === 'string') {
    return new DomainError(
      reply.code,
      reply.message,
      Array.isArray(reply.details) ? reply.details : undefined,
    );
  }
  logger.warn({ subject, err: error }, 'richiesta NATS non riuscita');
  return new DomainError('SERVIZIO_NON_DISPONIBILE', 'Il servizio non risponde: riprovare tra poco.');
}
