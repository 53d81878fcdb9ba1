import { ACCESSO_EVENTS, ACCESSO_RPC, type AccessoEventMap, type AccessoRpcMap } from './accesso';
import { BUDGET_EVENTS, BUDGET_RPC, type BudgetEventMap, type BudgetRpcMap } from './budget';
import type {
  AnyEventDeclaration,
  AnyRpcDeclaration,
  ChiamataDeclaration,
  ConsumoDeclaration,
  EventDeclaration,
  ReplySpec,
  RpcDeclaration,
} from './common/declarations';
import {
  PRESA_IN_CARICO_CHIAMATE,
  PRESA_IN_CARICO_CONSUMI,
  PRESA_IN_CARICO_EVENTS,
  PRESA_IN_CARICO_RPC,
  type PresaInCaricoEventMap,
  type PresaInCaricoRpcMap,
} from './presa-in-carico';
import {
  MISURE_CHIAMATE,
  MISURE_CONSUMI,
  MISURE_EVENTS,
  MISURE_RPC,
  type MisureEventMap,
  type MisureRpcMap,
} from './misure';
import {
  ASSISTENTI_FAMILIARI_EVENTS,
  ASSISTENTI_FAMILIARI_RPC,
  type AssistentiFamiliariEventMap,
  type AssistentiFamiliariRpcMap,
} from './assistenti-familiari';
import {
  INTEGRAZIONI_CHIAMATE,
  INTEGRAZIONI_CONSUMI,
  INTEGRAZIONI_EVENTS,
  INTEGRAZIONI_GEPI_CHIAMATE,
  INTEGRAZIONI_RPC,
  INTEGRAZIONI_SIUSS_CHIAMATE,
  INTEGRAZIONI_SIUSS_CONSUMI,
  type IntegrazioniEventMap,
  type IntegrazioniRpcMap,
} from './integrazioni';
// @ambito/tools:service: imports of a new service's declarations above this line.

/** Every request/reply subject of the platform, as declared by its service. */
export const RPC_DECLARATIONS: readonly AnyRpcDeclaration[] = [
  ...Object.values(ACCESSO_RPC),
  ...Object.values(PRESA_IN_CARICO_RPC),
  ...Object.values(BUDGET_RPC),
  ...Object.values(MISURE_RPC),
  ...Object.values(ASSISTENTI_FAMILIARI_RPC),
  ...Object.values(INTEGRAZIONI_RPC),
  // @ambito/tools:service: RPC_DECLARATIONS of a new service above this line.
];

/** Every domain event of the platform, as declared by its producer. */
export const EVENT_DECLARATIONS: readonly AnyEventDeclaration[] = [
  ...Object.values(ACCESSO_EVENTS),
  ...Object.values(PRESA_IN_CARICO_EVENTS),
  ...Object.values(BUDGET_EVENTS),
  ...Object.values(MISURE_EVENTS),
  ...Object.values(ASSISTENTI_FAMILIARI_EVENTS),
  ...Object.values(INTEGRAZIONI_EVENTS),
  // @ambito/tools:service: EVENT_DECLARATIONS of a new service above this line.
];

/** Every durable consumer of the platform, as declared by its consuming service. */
export const CONSUMER_DECLARATIONS: readonly ConsumoDeclaration[] = [
  ...Object.values(PRESA_IN_CARICO_CONSUMI),
  ...Object.values(MISURE_CONSUMI),
  ...Object.values(INTEGRAZIONI_CONSUMI),
  ...Object.values(INTEGRAZIONI_SIUSS_CONSUMI),
];

/** Every request a service sends to another with its own identity, as declared by the caller. */
export const CHIAMATE_DECLARATIONS: readonly ChiamataDeclaration[] = [
  ...Object.values(PRESA_IN_CARICO_CHIAMATE),
  ...Object.values(MISURE_CHIAMATE),
  ...Object.values(INTEGRAZIONI_GEPI_CHIAMATE),
  ...Object.values(INTEGRAZIONI_CHIAMATE),
  ...Object.values(INTEGRAZIONI_SIUSS_CHIAMATE),
];

/** The declared call of `servizio` to `subject`, if any. */
export function chiamataDichiarata(servizio: string, subject: string): ChiamataDeclaration | undefined {
  return CHIAMATE_DECLARATIONS.find((c) => c.servizio === servizio && c.rpc.subject === subject);
}

/** Every request/reply subject of the platform with its request and reply types. */
export type RpcMap = AccessoRpcMap &
  PresaInCaricoRpcMap &
  BudgetRpcMap &
  MisureRpcMap &
  AssistentiFamiliariRpcMap &
  IntegrazioniRpcMap;
export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];

/** Every domain event type of the platform with its version and payload. */
export type EventMap = AccessoEventMap &
  PresaInCaricoEventMap &
  BudgetEventMap &
  MisureEventMap &
  AssistentiFamiliariEventMap &
  IntegrazioniEventMap;
export type EventType = keyof EventMap;
export type EventPayload<T extends EventType> = EventMap[T]['payload'];

/** Version currently produced for each event type. */
export const EVENT_VERSIONS = {
  ...Object.fromEntries(EVENT_DECLARATIONS.map((e) => [e.type, e.version])),
} as { [K in EventType]: EventMap[K]['version'] };

const RPC_BY_SUBJECT = new Map(RPC_DECLARATIONS.map((d) => [d.subject, d]));
const EVENT_BY_TYPE = new Map(EVENT_DECLARATIONS.map((d) => [d.type, d]));

export function rpcDeclaration(subject: string): AnyRpcDeclaration | undefined {
  return RPC_BY_SUBJECT.get(subject);
}

export function eventDeclaration(type: string): AnyEventDeclaration | undefined {
  return EVENT_BY_TYPE.get(type);
}

/** A declared subject, or its declaration (`ACCESSO_RPC.registraAccesso`). */
export type RpcTarget<S extends RpcSubject> = S | RpcDeclaration<S, object, ReplySpec>;

export function subjectOf<S extends RpcSubject>(target: RpcTarget<S>): S {
  return typeof target === 'string' ? target : target.subject;
}

/** A declared event type, or its declaration (`ACCESSO_EVENTS.accessoChiuso`). */
export type EventTarget<T extends EventType> = T | EventDeclaration<T, number, object>;

export function eventTypeOf<T extends EventType>(target: EventTarget<T>): T {
  return typeof target === 'string' ? target : target.type;
}
