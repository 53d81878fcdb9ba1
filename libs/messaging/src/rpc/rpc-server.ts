import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModuleRef, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { Msg, NatsConnection, Subscription } from 'nats';
import {
  DomainError,
  chiamataDichiarata,
  erroreFinalita,
  isRuoloServizio,
  validaContratto,
  type AnyRpcDeclaration,
  type ErrorReply,
} from '@ambito/contracts';
import { erroreSenzaDati } from '../context/errore-senza-dati';
import { RequestContext } from '../context/request-context';
import type { ActorVerifier } from '../identity/actor-token';
import { IdentityCheck } from '../identity/identity-check';
import { checkDeadline } from '../idempotency/deadline';
import { IdempotencyStore, executeWithoutStore, type Outcome } from '../idempotency/idempotency-store';
import { NATS_CONNECTION } from '../jetstream/nats-connection';
import { natsRequestDuration, natsRequestErrorsTotal } from '../metrics/messaging-metrics';
import { SpanKind, avviaSpan, chiudiSpan, estraiTraccia } from '../tracing/tracing';
import { contextFromHeaders } from './nats-headers';
import { RPC_HANDLER } from './rpc-handler.decorator';
import { RPC_REFUSAL_RECORDER, type RpcRefusalRecorder } from './rpc-refusal';
import { respondError as respondErrorOnWire, respondOk } from './rpc-wire';

export const RPC_SERVER_OPTIONS = Symbol('RPC_SERVER_OPTIONS');

export interface RpcServerOptions {
  /** Queue group: the service's replicas share its subjects. */
  service: string;
  /** Verifies the signed actor of each request (ACTOR_TRUSTED_KEYS); required to serve any. */
  verifier?: ActorVerifier;
}

type Handler = (request: object) => unknown;

/**
 * Serves the `@RpcHandler` methods of the service's controllers and providers on NATS, one queue
 * group per service. For each request: the context from the headers, the actor verified (signed by a
 * trusted issuer for this request), the role check of the declaration, the validation of the request
 * class, the handler; every failure is a typed error reply.
 */
@Injectable()
export class RpcServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RpcServer.name);
  private readonly subscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private refusals?: RpcRefusalRecorder;
  private identity?: IdentityCheck;
  private idempotency?: IdempotencyStore;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nats: NatsConnection,
    @Inject(RPC_SERVER_OPTIONS) private readonly options: RpcServerOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    this.refusals = this.findRefusalRecorder();
    const verifier = this.options.verifier;
    this.identity = verifier && new IdentityCheck(verifier, this.refusals);
    this.idempotency = this.findIdempotencyStore();
    const seen = new Map<string, string>();
    for (const wrapper of [...this.discovery.getControllers(), ...this.discovery.getProviders()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[name] as Handler;
        const declaration = this.reflector.get<AnyRpcDeclaration | undefined>(RPC_HANDLER, method);
        if (!declaration) continue;
        const owner = `${wrapper.name}.${name}`;
        const other = seen.get(declaration.subject);
        if (other) throw new Error(`${declaration.subject}: gestito due volte (${other}, ${owner})`);
        seen.set(declaration.subject, owner);
        if (!this.identity) throw new Error(`${this.options.service}: ACTOR_TRUSTED_KEYS mancante`);
        this.serve(declaration, method.bind(instance) as Handler);
      }
    }
    this.logger.log({ service: this.options.service, subjects: seen.size }, 'richieste NATS in ascolto');
    return this.nats.flush();
  }

  /** Provided by the service's own module (which the global messaging module cannot inject from). */
  private findRefusalRecorder(): RpcRefusalRecorder | undefined {
    try {
      return this.moduleRef.get<RpcRefusalRecorder>(RPC_REFUSAL_RECORDER, { strict: false });
    } catch {
      return undefined;
    }
  }

  /** Provided by MessagingModule to services with a database (Idempotency-Key and deadlines). */
  private findIdempotencyStore(): IdempotencyStore | undefined {
    try {
      return this.moduleRef.get(IdempotencyStore, { strict: false });
    } catch {
      return undefined;
    }
  }

  /**
   * Graceful stop, before the database closes: no new request is taken (the queue group's other
   * replicas get them) and the ones in flight finish and answer.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map((s) => s.drain().catch(() => undefined)));
    await Promise.allSettled([...this.inFlight]);
  }

  private serve(declaration: AnyRpcDeclaration, handler: Handler): void {
    this.subscriptions.push(
      this.nats.subscribe(declaration.subject, {
        queue: this.options.service,
        callback: (error, msg) => {
          if (error) return;
          const work = this.handle(declaration, handler, msg);
          this.inFlight.add(work);
          void work.finally(() => this.inFlight.delete(work));
        },
      }),
    );
  }

  private async handle(declaration: AnyRpcDeclaration, handler: Handler, msg: Msg): Promise<void> {
    const { subject } = declaration;
    const context = contextFromHeaders(msg.headers, randomUUID());
    // Measured and traced by subject, the error by its code: never an id (low cardinality).
    const timer = natsRequestDuration.startTimer({ subject });
    const { span, context: trace } = avviaSpan(subject, SpanKind.SERVER, estraiTraccia(msg.headers), {
      'messaging.system': 'nats',
      'messaging.destination.name': subject,
      'messaging.operation.type': 'process',
      'ambito.service': this.options.service,
    });
    context.trace = trace;
    let codice: string | undefined;
    const respondError = (target: Msg, reply: ErrorReply) => {
      codice = reply.code;
      respondErrorOnWire(target, reply);
    };
    try {
      await this.serveInContext(context, declaration, handler, msg, respondError);
    } finally {
      timer({ outcome: codice ? 'error' : 'ok' });
      if (codice) natsRequestErrorsTotal.inc({ subject, code: codice });
      chiudiSpan(span, codice);
    }
  }

  private async serveInContext(
    context: ReturnType<typeof contextFromHeaders>,
    declaration: AnyRpcDeclaration,
    handler: Handler,
    msg: Msg,
    respondError: (msg: Msg, reply: ErrorReply) => void,
  ): Promise<void> {
    await RequestContext.run(context, async () => {
      try {
        checkDeadline(context.scadenza); // the caller stopped waiting: do not start
        const actor = await this.identity!.actorOf(msg, declaration, context.correlationId);
        context.actor = actor;
        const raw = parse(msg);
        if (!actor.ruoli.some((r) => declaration.ruoli.includes(r)) || !chiamataAmmessa(actor, declaration)) {
          const error = new DomainError(
            'OPERAZIONE_NON_CONSENTITA',
            'Il ruolo dell’utente non consente questa operazione.',
          );
          await this.refusals?.recordRefusal({ declaration, actor, error, request: raw });
          throw error;
        }
        // A read of personal data needs a declared purpose, whatever the caller (defence in depth).
        const senzaFinalita = declaration.letturaDatiPersonali
          ? (erroreFinalita(context.finalita, context.motivo) ??
            finalitaDellaChiamata(actor, declaration, context.finalita))
          : null;
        if (senzaFinalita) throw senzaFinalita;
        // Once per Idempotency-Key, within the deadline (libs/messaging/src/idempotency).
        const work = async () => handler(await validaContratto(declaration.request, raw));
        const toReply = (error: unknown) => this.toErrorReply(error, declaration.subject);
        const outcome: Outcome = this.idempotency
          ? await this.idempotency.execute(
              {
                subject: declaration.subject,
                actor,
                body: raw,
                headers: msg.headers,
                deadline: context.scadenza,
              },
              work,
              toReply,
            )
          : await executeWithoutStore(context.scadenza, work, toReply);
        if (outcome.ok) respondOk(msg, outcome.value);
        else respondError(msg, outcome.error);
      } catch (error) {
        respondError(msg, this.toErrorReply(error, declaration.subject));
      }
    });
  }

  private toErrorReply(error: unknown, subject: string): ErrorReply {
    if (error instanceof DomainError) return error.toReply();
    this.logger.error({ errore: erroreSenzaDati(error), subject }, 'errore non gestito');
    return { code: 'ERRORE_INTERNO', message: 'Errore interno: l’operazione non è stata eseguita.' };
  }
}

/** The service whose identity acts (its role `servizio-<service>`), if a service acts. */
function servizioDi(actor: { ruoli: readonly string[] }): string | undefined {
  const ruolo = actor.ruoli.find(isRuoloServizio);
  return ruolo?.slice('servizio-'.length);
}

/** A service may send only the calls its contracts declare (`chiamata()`), whatever the roles say. */
function chiamataAmmessa(actor: { ruoli: readonly string[] }, declaration: AnyRpcDeclaration): boolean {
  const servizio = servizioDi(actor);
  return servizio === undefined || chiamataDichiarata(servizio, declaration.subject) !== undefined;
}

/** A service reads personal data only for the purpose its call declares. */
function finalitaDellaChiamata(
  actor: { ruoli: readonly string[] },
  declaration: AnyRpcDeclaration,
  finalita: string | undefined,
): DomainError | null {
  const servizio = servizioDi(actor);
  const dichiarata = servizio && chiamataDichiarata(servizio, declaration.subject)?.finalita;
  if (!dichiarata || dichiarata === finalita) return null;
  return new DomainError(
    'FINALITA_NON_VALIDA',
    'Finalità diversa da quella dichiarata per questa chiamata.',
    [{ campo: 'finalita', messaggi: [`dichiarata: ${dichiarata}`] }],
  );
}

function parse(msg: Msg): unknown {
  try {
    return msg.json();
  } catch {
    throw new DomainError('VALIDAZIONE_FALLITA', 'Dati non validi: il messaggio non è JSON.', [
      { campo: '', messaggi: ['JSON non valido'] },
    ]);
  }
}
