import type { Finalita } from './finalita';
import type { Ruolo } from './ruolo';

/** A contract class: a DTO validated by class-validator, whose JSON schema is generated from it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Classe<T extends object = object> = new (...args: any[]) => T;

/** A reply is one object, or a list of them (`[VoceDiarioV1]`). */
export type ReplySpec = Classe | readonly [Classe];
export type ReplyValue<R extends ReplySpec> = R extends readonly [Classe<infer T>]
  ? T[]
  : R extends Classe<infer T>
    ? T
    : never;

/**
 * The territorial rule a service applies to a message after the role check. Declared with the message
 * so that the API descriptions say it; enforced by the owning service (defence in depth).
 */
export const REGOLE_AMBITO = {
  'sub-ambito': 'solo i sub-ambiti assegnati all’utente',
  comune: 'solo le persone residenti nei comuni dell’utente (responsabile del comune)',
  'sub-ambito-o-comune': 'i sub-ambiti assegnati all’utente o i residenti nei suoi comuni',
  cartella:
    'solo le cartelle del proprio sub-ambito e, per l’assistente sociale, quelle assegnate o dell’équipe del caso',
  ambito: 'tutto l’Ambito (dati aggregati o di programmazione, senza dati personali)',
  servizio:
    'solo i servizi che la dichiarano con chiamata(), per l’oggetto dell’evento che hanno ricevuto (nessun utente)',
  'proprio-comune': 'l’Ufficio di Piano tutto l’Ambito, il responsabile solo il proprio comune',
  registro:
    'il registro dell’Ambito, condiviso dai suoi sportelli: gli operatori dei sub-ambiti che ospitano uno sportello, l’Ufficio di Piano',
  pubblico: 'chiunque, senza autenticazione: solo dati pubblici per legge o per consenso',
} as const;
export type RegolaAmbito = keyof typeof REGOLE_AMBITO;

/** One request/reply subject: declared once, everything else (maps, handlers, routes, docs) derives from it. */
export interface RpcDeclaration<
  S extends string = string,
  Req extends object = object,
  Rep extends ReplySpec = ReplySpec,
> {
  /** Wire subject `<service>.<noun>.<verb>`: do not change it once published. */
  readonly subject: S;
  readonly request: Classe<Req>;
  readonly reply: Rep;
  /** Roles allowed to send it; checked by the gateway and again by the service. */
  readonly ruoli: readonly Ruolo[];
  readonly ambito: RegolaAmbito;
  /** Italian, one sentence: what it does (AsyncAPI). */
  readonly descrizione: string;
  /**
   * The reply carries personal data of data subjects (persone, accessi, cartelle, beneficiari) or the
   * audit log about them: the caller must declare a purpose (FINALITA code and text), checked by the
   * gateway and again by the service, and recorded in the audit row of the read.
   */
  readonly letturaDatiPersonali?: true;
}

/** Declares a request/reply subject (the `const` keeps the subject a literal type). */
export function rpc<const S extends string, Req extends object, const Rep extends ReplySpec>(
  declaration: RpcDeclaration<S, Req, Rep>,
): RpcDeclaration<S, Req, Rep> {
  return declaration;
}

/**
 * A payload that is one of several classes, chosen by the value of a field (dot path, e.g. `esito.tipo`):
 * a discriminated union, validated against the variant its discriminator names.
 */
export interface Unione<P extends object = object> {
  readonly discriminante: string;
  readonly varianti: Readonly<Record<string, Classe<P>>>;
}
export type PayloadSpec<P extends object = object> = Classe<P> | Unione<P>;

export function isUnione(spec: PayloadSpec): spec is Unione {
  return typeof spec === 'object' && 'varianti' in spec;
}

/** The class a payload must validate against; undefined when its discriminator names no variant. */
export function classeDelPayload(spec: PayloadSpec, payload: unknown): Classe | undefined {
  if (!isUnione(spec)) return spec;
  const valore = spec.discriminante
    .split('.')
    .reduce<unknown>(
      (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
      payload,
    );
  return typeof valore === 'string' ? spec.varianti[valore] : undefined;
}

/** One domain event: type, the version produced now, payload, the stream of its producer. */
export interface EventDeclaration<
  T extends string = string,
  V extends number = number,
  P extends object = object,
> {
  /** `<service>.<aggregate>.<past participle>`; the wire subject is `evt.<type>.v<version>`. */
  readonly type: T;
  readonly version: V;
  readonly payload: PayloadSpec<P>;
  readonly descrizione: string;
}

export function evento<const T extends string, const V extends number, P extends object>(
  declaration: EventDeclaration<T, V, P>,
): EventDeclaration<T, V, P> {
  return declaration;
}

/**
 * A durable consumer of a declared event: the consuming service, its durable name (stable across
 * restarts, shared by the replicas) and the event. Declared once, in the consumer's contracts: the
 * `@OnEvent` method must match it (the EventBus refuses one that does not) and the NATS permissions of
 * the consuming service are generated from it (libs/contracts/src/bus).
 */
export interface ConsumoDeclaration<T extends string = string> {
  readonly servizio: string;
  readonly durable: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly evento: EventDeclaration<T, number, any>;
  /** Italian, one sentence: what the consumer does with the event. */
  readonly descrizione: string;
}

export function consumo<const T extends string>(declaration: ConsumoDeclaration<T>): ConsumoDeclaration<T> {
  return declaration;
}

/**
 * A request a service sends to another service with its own identity (service identity, not a user's):
 * declared once, in the caller's contracts. The caller's NATS user may send exactly the declared
 * subjects (libs/contracts/src/bus), the called declaration must list the caller's role
 * (`servizio-<caller>`) in `ruoli`, and a read of personal data travels with the declared purpose,
 * recorded in the called service's audit.
 */
export interface ChiamataDeclaration<S extends string = string> {
  /** The calling service. */
  readonly servizio: string;
  readonly rpc: RpcDeclaration<S, object, ReplySpec>;
  /** The purpose of the read (required when the called declaration reads personal data). */
  readonly finalita?: Finalita;
  /** Italian, one sentence: why the service calls it. */
  readonly descrizione: string;
}

export function chiamata<const S extends string>(
  declaration: ChiamataDeclaration<S>,
): ChiamataDeclaration<S> {
  return declaration;
}

/** Builds a discriminated union payload spec; the type is the union of the variants' instances. */
export function unione<V extends Record<string, Classe>>(
  discriminante: string,
  varianti: V,
): Unione<InstanceType<V[keyof V]>> {
  return { discriminante, varianti } as unknown as Unione<InstanceType<V[keyof V]>>;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
export type AnyRpcDeclaration = RpcDeclaration<string, any, ReplySpec>;
export type AnyEventDeclaration = EventDeclaration<string, number, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type RequestOf<D extends AnyRpcDeclaration> =
  D extends RpcDeclaration<string, infer Req, ReplySpec> ? Req : never;
export type ReplyOf<D extends AnyRpcDeclaration> = ReplyValue<D['reply']>;
export type PayloadOf<D extends AnyEventDeclaration> =
  D extends EventDeclaration<string, number, infer P> ? P : never;

/** `{ subject: { request, reply } }` of a union of declarations. */
export type RpcMapOf<D extends AnyRpcDeclaration> = {
  [K in D as K['subject']]: { request: RequestOf<K>; reply: ReplyOf<K> };
};
/** `{ type: { version, payload } }` of a union of declarations. */
export type EventMapOf<D extends AnyEventDeclaration> = {
  [K in D as K['type']]: { version: K['version']; payload: PayloadOf<K> };
};
/** The declarations held in a record (`typeof ACCESSO_RPC`) as a union. */
export type ValuesOf<R> = R[keyof R];
