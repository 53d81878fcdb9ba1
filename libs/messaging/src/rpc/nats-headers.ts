import type { MsgHdrs } from 'nats';
import { headers as natsHeaders } from 'nats';
import { HEADER } from '@ambito/contracts';
import type { RequestContextData } from '../context/request-context';
import { decodeActor, encodeActor } from '../context/actor-codec';

/** Headers that propagate actor, correlation and causation on every hop. */
export function contextHeaders(ctx: RequestContextData, causationId?: string): MsgHdrs {
  const h = natsHeaders();
  if (ctx.actor) h.set(HEADER.actor, encodeActor(ctx.actor));
  h.set(HEADER.correlationId, ctx.correlationId);
  const causation = causationId ?? ctx.causationId;
  if (causation) h.set(HEADER.causationId, causation);
  if (ctx.motivo) h.set(HEADER.motivo, encodeURIComponent(ctx.motivo));
  if (ctx.finalita) h.set(HEADER.finalita, encodeURIComponent(ctx.finalita));
  return h;
}

/** Reads the context back from incoming headers; a missing correlation id starts a new conversation. */
export function contextFromHeaders(
  h: MsgHdrs | undefined,
  fallbackCorrelationId: string,
): RequestContextData {
  const get = (name: string) => (h?.has(name) ? h.get(name) : undefined) || undefined;
  const motivo = get(HEADER.motivo);
  const finalita = get(HEADER.finalita);
  return {
    actor: decodeActor(get(HEADER.actor)),
    correlationId: get(HEADER.correlationId) ?? fallbackCorrelationId,
    causationId: get(HEADER.causationId) ?? null,
    motivo: motivo ? decodificato(motivo) : undefined,
    finalita: finalita ? decodificato(finalita) : undefined,
  };
}

/** A percent-encoded header value; one that is not validly encoded is kept as sent (and then refused). */
function decodificato(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
