import { SetMetadata } from '@nestjs/common';
import type { AnyEventDeclaration, EventEnvelope, PayloadOf } from '@ambito/contracts';

export const EVENT_HANDLER = Symbol('ambito:event-handler');

export interface EventHandlerOptions {
  /** Durable consumer name: stable across restarts, shared by the service's replicas. */
  durable: string;
  /** Deliveries before the event is parked in the dead-letter stream. */
  maxDeliver?: number;
  ackWaitMs?: number;
  retryDelayMs?: number;
}

export interface EventHandlerMetadata extends EventHandlerOptions {
  declaration: AnyEventDeclaration;
}

/**
 * Marks the method that consumes a declared event through a durable JetStream consumer. The compiler
 * checks the method against the declaration; the EventBus validates envelope and payload before the
 * method sees them (an invalid event goes to the dead-letter stream with its reason).
 */
export function OnEvent<D extends AnyEventDeclaration>(declaration: D, options: EventHandlerOptions) {
  return <M extends (envelope: EventEnvelope<D['type'], PayloadOf<D>>) => Promise<void>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata<symbol, EventHandlerMetadata>(EVENT_HANDLER, { ...options, declaration })(
      target,
      key,
      descriptor,
    );
  };
}
