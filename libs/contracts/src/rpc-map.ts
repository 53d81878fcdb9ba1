import { ACCESSO_EVENT_VERSIONS, type AccessoEventMap, type AccessoRpcMap } from './accesso';
import { BUDGET_EVENT_VERSIONS, type BudgetEventMap, type BudgetRpcMap } from './budget';
import {
  PRESA_IN_CARICO_EVENT_VERSIONS,
  type PresaInCaricoEventMap,
  type PresaInCaricoRpcMap,
} from './presa-in-carico';

/** Every request/reply subject of the platform with its request and reply types. */
export type RpcMap = AccessoRpcMap & PresaInCaricoRpcMap & BudgetRpcMap;
export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S]['request'];
export type RpcReply<S extends RpcSubject> = RpcMap[S]['reply'];

/** Every domain event type of the platform with its version and payload. */
export type EventMap = AccessoEventMap & PresaInCaricoEventMap & BudgetEventMap;
export type EventType = keyof EventMap;
export type EventPayload<T extends EventType> = EventMap[T]['payload'];

/** Version currently produced for each event type. */
export const EVENT_VERSIONS: { [K in EventType]: EventMap[K]['version'] } = {
  ...ACCESSO_EVENT_VERSIONS,
  ...PRESA_IN_CARICO_EVENT_VERSIONS,
  ...BUDGET_EVENT_VERSIONS,
};
