import type { Actor } from './actor';

/** The envelope of every domain event published on JetStream. */
export interface EventEnvelope<TType extends string = string, TPayload = unknown> {
  /** UUID; also the JetStream `Nats-Msg-Id`, so a republished event is de-duplicated. */
  id: string;
  /** Event type without version, e.g. `accesso.accesso.chiuso`. */
  type: TType;
  /** Payload version; the wire subject is `evt.<type>.v<version>`. */
  version: number;
  /** ISO instant. */
  occurredAt: string;
  ambito: string;
  actor: Pick<Actor, 'userId' | 'nome' | 'ruoli'>;
  correlationId: string;
  /** Id of the message (request or event) that caused this one. */
  causationId: string | null;
  payload: TPayload;
}

/** Subject an event is published on. */
export function eventSubject(type: string, version: number): string {
  return `evt.${type}.v${version}`;
}
