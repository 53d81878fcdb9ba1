import type { MsgHdrs } from 'nats';
import { headers as natsHeaders } from 'nats';
import { HEADER } from '@ambito/contracts';
import type { RequestContextData } from '../context/request-context';
import { decodeActor, encodeActor } from '../context/actor-codec';
import { deadlineFromHeaders } from '../idempotency/deadline';

/** Headers that propagate actor, correlation and causation on every hop. */
export function contextHeaders(ctx: RequestContextData, causationId?: string): MsgHdrs {
  const h = natsHeaders();
  if (ctx.actor) h.set(HEADER.actor, encodeActor(ctx.actor));
  h.set(HEADER.correlationId, ctx.correlationId);
  const causation = causationId ?? ctx.causationId;
  if (causation) h.set(HEADER.causationId, causation);
  if (ctx.motivo) h.set(HEADER.motivo, encodeURIComponent(ctx.motivo));
  return h;
}

/** Reads the context back from incoming headers; a missing correlation id starts a new conversation. */
export function contextFromHeaders(
  h: MsgHdrs | undefined,
  fallbackCorrelationId: string,
): RequestContextData {
  const get = (name: string) => (h?.has(name) ? h.get(name) : undefined) || undefined;
  const motivo = get(HEADER.motivo);
  return {
    actor: decodeActor(get(HEADER.actor)),
    correlationId: get(HEADER.correlationId) ?? fallbackCorrelationId,
    causationId: get(HEADER.causationId) ?? null,
    motivo: motivo ? decodeURIComponent(motivo) : undefined,
    scadenza: deadlineFromHeaders(h),
  };
}
