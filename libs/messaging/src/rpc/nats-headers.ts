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
  return {
    correlationId: get(HEADER.correlationId) ?? fallbackCorrelationId,
    causationId: get(HEADER.causationId) ?? null,
    motivo: motivo ? decodeURIComponent(motivo) : undefined,
    scadenza: deadlineFromHeaders(h),
  };
}
