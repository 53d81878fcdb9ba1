import { IsIn, IsInt, IsISO8601, IsObject, IsString, IsUUID, Min } from 'class-validator';
import type { Actor } from './actor';
import { RUOLI, type Ruolo } from './ruolo';
import { Annidato, Nullable } from './schema-decorators';

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

/** Stream of the events a service produces: `EVT_<SERVICE>` on `evt.<service>.>`. Wire value. */
export function eventStreamName(service: string): string {
  return `EVT_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Dead letters of the consumers of a service: `DLQ_<SERVICE>` on `dlq.<service>.>`. Wire value. */
export function deadLetterStreamName(service: string): string {
  return `DLQ_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Subject an event is published on. */
export function eventSubject(type: string, version: number): string {
  return `evt.${type}.v${version}`;
}

export class EventActorV1 {
  @IsString()
  userId: string;

  @IsString()
  nome: string;

  @IsIn(RUOLI, { each: true })
  ruoli: Ruolo[];
}

/** The envelope as a contract class: what a consumer checks before it looks at the payload. */
export class EventEnvelopeV1 {
  @IsUUID()
  id: string;

  @IsString()
  type: string;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  occurredAt: string;

  @IsString()
  ambito: string;

  @Annidato(() => EventActorV1)
  actor: EventActorV1;

  @IsString()
  correlationId: string;

  @Nullable()
  @IsString()
  causationId: string | null;

  @IsObject()
  payload: object;
}
