import type { MsgHdrs } from 'nats';
import { headers as natsHeaders } from 'nats';
import { HEADER } from '@ambito/contracts';
import type { RequestContextData } from '../context/request-context';
import { deadlineFromHeaders } from '../idempotency/deadline';

/**
 * Headers that propagate correlation, causation and purpose on every hop. The actor is not among
 * them: RpcClient adds it signed for the one request (`identity/`), RpcServer verifies it.
 */
export function contextHeaders(ctx: RequestContextData, causationId?: string): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADER.correlationId, ctx.correlationId);
  const causation = causationId ?? ctx.causationId;
  if (causation) h.set(HEADER.causationId, causation);
  if (ctx.motivo) h.set(HEADER.motivo, encodeURIComponent(ctx.motivo));
  if (ctx.finalita) h.set(HEADER.finalita, encodeURIComponent(ctx.finalita));
  return h;
}

/**
 * Reads the context back from incoming headers; a missing correlation id starts a new conversation.
 * Without the actor, which only a verification gives (RpcServer, `identity/identity-check.ts`).
 */
export function contextFromHeaders(
  h: MsgHdrs | undefined,
  fallbackCorrelationId: string,
): RequestContextData {
  const get = (name: string) => (h?.has(name) ? h.get(name) : undefined) || undefined;
  const motivo = get(HEADER.motivo);
  const finalita = get(HEADER.finalita);
  return {
    correlationId: get(HEADER.correlationId) ?? fallbackCorrelationId,
    causationId: get(HEADER.causationId) ?? null,
    motivo: motivo ? decodificato(motivo) : undefined,
    finalita: finalita ? decodificato(finalita) : undefined,
    scadenza: deadlineFromHeaders(h),
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
