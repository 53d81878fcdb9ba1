import { Inject, Injectable, Optional } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  CHIAMATE_DECLARATIONS,
  attoreServizio,
  type ChiamataDeclaration,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
} from '@ambito/contracts';
import { RequestContext } from '../context/request-context';
import type { ActorSigner } from '../identity/actor-token';
import { NATS_CONNECTION } from '../jetstream/nats-connection';
import { RPC_TIMEOUT_MS, RpcClient } from './rpc-client';

/** The service's own signer (SERVICE_SIGNING_KEY), for the calls it declares. */
export const SERVICE_SIGNER = Symbol('SERVICE_SIGNER');
/** The name and ambito of the service, as MessagingModule knows them. */
export const SERVICE_IDENTITY = Symbol('SERVICE_IDENTITY');

export interface ServiceIdentity {
  service: string;
  ambito: string;
}

export interface ChiamataOptions {
  /** Why this one read (3–300 characters, recorded in the called service's audit): ids, never data. */
  motivo: string;
  timeoutMs?: number;
  /**
   * The Idempotency-Key of a state-changing call whose effect has no key of its own in the called
   * service (e.g. a riduzione d'impegno): a repeated call with the same key and body gets the first
   * reply instead of a second effect (libs/messaging/src/idempotency, kept 24 h).
   */
  idempotencyKey?: string;
}

/**
 * Sends a declared call (`chiamata()` in the contracts) with the service's own identity: the actor of
 * `attoreServizio` signed with SERVICE_SIGNING_KEY, the purpose of the declaration, the correlation and
 * causation of the work in progress (the event being handled). Only the calls the service declares:
 * its NATS user may send nothing else, and the called declaration's roles decide the rest.
 */
@Injectable()
export class ServiceCaller {
  private readonly client: RpcClient | null;

  constructor(
    @Inject(NATS_CONNECTION) nats: NatsConnection,
    @Inject(SERVICE_IDENTITY) private readonly identity: ServiceIdentity,
    @Inject(RPC_TIMEOUT_MS) timeoutMs: number,
    @Optional() @Inject(SERVICE_SIGNER) signer: ActorSigner | null = null,
  ) {
    const declared = CHIAMATE_DECLARATIONS.filter((c) => c.servizio === identity.service);
    if (declared.length > 0 && !signer) {
      throw new Error(
        `${identity.service}: SERVICE_SIGNING_KEY mancante (chiama ${declared.map((c) => c.rpc.subject).join(', ')} con la propria identità)`,
      );
    }
    this.client = signer ? new RpcClient(nats, timeoutMs, signer) : null;
  }

  async chiama<S extends RpcSubject>(
    chiamata: ChiamataDeclaration<S>,
    payload: RpcRequest<S>,
    options: ChiamataOptions,
  ): Promise<RpcReply<S>> {
    const { service, ambito } = this.identity;
    if (chiamata.servizio !== service || !CHIAMATE_DECLARATIONS.includes(chiamata))
      throw new Error(`${service}: chiamata a ${chiamata.rpc.subject} non dichiarata da questo servizio`);
    const current = RequestContext.current();
    return this.client!.request(chiamata.rpc, payload, {
      timeoutMs: options.timeoutMs,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
      context: {
        actor: attoreServizio(service, ambito),
        correlationId: current?.correlationId ?? RequestContext.currentOrNew().correlationId,
        causationId: current?.causationId ?? null,
        finalita: chiamata.finalita,
        motivo: options.motivo,
        trace: current?.trace,
      },
    });
  }
}
