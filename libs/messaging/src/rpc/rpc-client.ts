import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import { DomainError, isErrorCode, type RpcReply, type RpcRequest, type RpcSubject } from '@ambito/contracts';
import { RequestContext, type RequestContextData } from '../context/request-context';
import { NATS_CONNECTION } from '../jetstream/nats-connection';
import { contextHeaders } from './nats-headers';

export interface RpcCallOptions {
  timeoutMs?: number;
  /** Overrides the ambient request context. */
  context?: RequestContextData;
}

export const RPC_TIMEOUT_MS = Symbol('RPC_TIMEOUT_MS');

/** What Nest's NATS server answers: the handler's value, or the error reply of RpcErrorFilter. */
interface NestReplyPacket {
  response?: unknown;
  err?: unknown;
}

/**
 * Typed NATS request/reply speaking the wire format of Nest's NATS transport (`{pattern, data, id}`
 * out, `{response | err, isDisposed, id}` back) over the service's one NATS connection, whose shared
 * reply subscription avoids a subscribe/unsubscribe per call. A wrong subject or payload is a compile
 * error, the actor and correlation travel in headers, and an error reply comes back as a DomainError.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(RPC_TIMEOUT_MS) private readonly defaultTimeoutMs = 5000,
  ) {}

  async request<S extends RpcSubject>(
    subject: S,
    payload: RpcRequest<S>,
    options: RpcCallOptions = {},
  ): Promise<RpcReply<S>> {
    const ctx = options.context ?? RequestContext.currentOrNew();
    const packet = JSON.stringify({ pattern: subject, data: payload, id: randomUUID() });
    let reply: NestReplyPacket;
    try {
      const msg = await this.nats.request(subject, packet, {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: contextHeaders(ctx),
      });
      reply = msg.json<NestReplyPacket>();
    } catch (error) {
      // timeout, no responders, connection lost
      this.logger.warn({ subject, err: error }, 'richiesta NATS non riuscita');
      throw unavailable();
    }
    if (reply.err !== undefined && reply.err !== null) throw toDomainError(reply.err, subject, this.logger);
    return reply.response as RpcReply<S>;
  }
}

function unavailable(): DomainError {
  return new DomainError('SERVIZIO_NON_DISPONIBILE', 'Il servizio non risponde: riprovare tra poco.');
}

function toDomainError(err: unknown, subject: string, logger: Logger): DomainError {
  const reply = err as { code?: unknown; message?: unknown; details?: unknown };
  if (reply && isErrorCode(reply.code) && typeof reply.message === 'string') {
    return new DomainError(
      reply.code,
      reply.message,
      Array.isArray(reply.details) ? reply.details : undefined,
    );
  }
  // not one of ours (e.g. Nest's "There is no matching message handler")
  logger.warn({ subject, err }, 'risposta NATS non riconosciuta');
  return unavailable();
}
