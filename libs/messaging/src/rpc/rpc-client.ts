import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { ErrorCode, type MsgHdrs, type NatsConnection } from 'nats';
import {
  DomainError,
  HEADER,
  isErrorCode,
  subjectOf,
  type RpcTarget,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
} from '@ambito/contracts';
import { RequestContext, type RequestContextData } from '../context/request-context';
import type { ActorSigner } from '../identity/actor-token';
import { NATS_CONNECTION } from '../jetstream/nats-connection';
import { deadlineError, outgoingDeadline, undeterminedOutcome } from '../idempotency/deadline';
import { SpanKind, avviaSpan, chiudiSpan, iniettaTraccia } from '../tracing/tracing';
import { contextHeaders } from './nats-headers';
import { decodeReply, encodeBody } from './rpc-wire';

export interface RpcCallOptions {
  timeoutMs?: number;
  /** Overrides the ambient request context. */
  context?: RequestContextData;
  /** The caller's Idempotency-Key (state-changing requests of the gateway). */
  idempotencyKey?: string;
}

export const RPC_TIMEOUT_MS = Symbol('RPC_TIMEOUT_MS');
export const ACTOR_SIGNER = Symbol('ACTOR_SIGNER');

/**
 * Typed NATS request/reply in the platform's wire format (`rpc-wire.ts`) over the service's one NATS
 * connection, whose shared reply subscription avoids a subscribe/unsubscribe per call. A wrong subject
 * or payload is a compile error, the actor (signed for this request) and correlation travel in headers,
 * and an error reply comes back as a DomainError.
 */
@Injectable()
export class RpcClient {
  private readonly logger = new Logger(RpcClient.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(RPC_TIMEOUT_MS) private readonly defaultTimeoutMs = 5000,
    /** Only senders of requests have one (the gateway, the test harnesses). */
    @Optional() @Inject(ACTOR_SIGNER) private readonly signer: ActorSigner | null = null,
  ) {}

  async request<S extends RpcSubject>(
    target: RpcTarget<S>,
    payload: RpcRequest<S>,
    options: RpcCallOptions = {},
  ): Promise<RpcReply<S>> {
    const subject = subjectOf(target);
    const ctx = options.context ?? RequestContext.currentOrNew();
    const body = encodeBody(payload);
    let reply: ReturnType<typeof decodeReply>;
    // The service neither starts nor commits after this deadline (never later than the one we serve).
    const deadline = outgoingDeadline(options.timeoutMs ?? this.defaultTimeoutMs, ctx.scadenza);
    const timeout = deadline - Date.now();
    if (timeout <= 0) throw deadlineError();
    const headers = await this.headers(ctx, subject, body);
    headers.set(HEADER.scadenza, String(deadline));
    if (options.idempotencyKey) headers.set(HEADER.idempotencyKey, options.idempotencyKey);
    // The caller's side of the request, parent of the service's span (traceparent in the headers).
    const { span, context: trace } = avviaSpan(subject, SpanKind.CLIENT, ctx.trace, {
      'messaging.system': 'nats',
      'messaging.destination.name': subject,
      'messaging.operation.type': 'send',
    });
    iniettaTraccia(trace, headers);
    let codice: string | undefined;
    try {
      try {
        const msg = await this.nats.request(subject, body, { timeout, headers });
        reply = decodeReply(msg);
      } catch (error) {
        this.logger.warn({ subject, err: error }, 'richiesta NATS non riuscita');
        // A timeout may hide a commit whose reply was lost: only the Idempotency-Key makes the retry safe.
        if ((error as { code?: unknown }).code === ErrorCode.Timeout) throw undeterminedOutcome();
        throw unavailable(); // no responders, connection closed: nothing was delivered
      }
      if (!reply) {
        this.logger.warn({ subject }, 'risposta NATS non riconosciuta');
        throw unavailable();
      }
      if (!reply.ok) throw toDomainError(reply.error, subject, this.logger);
      return reply.value as RpcReply<S>;
    } catch (error) {
      codice = error instanceof DomainError ? error.code : 'ERRORE_INTERNO';
      throw error;
    } finally {
      chiudiSpan(span, codice);
    }
  }

  private async headers(ctx: RequestContextData, subject: string, body: Uint8Array): Promise<MsgHdrs> {
    const headers = contextHeaders(ctx);
    if (ctx.actor) {
      if (!this.signer) throw new Error('RpcClient senza chiave di firma: l’utente non può essere inviato');
      const token = await this.signer.sign(ctx.actor, { subject, correlationId: ctx.correlationId, body });
      headers.set(HEADER.actor, token);
    }
    return headers;
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
  // not one of ours
  logger.warn({ subject, err }, 'risposta NATS non riconosciuta');
  return unavailable();
}
