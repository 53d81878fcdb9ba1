import { headers as natsHeaders, type Msg, type MsgHdrs } from 'nats';
import { HEADER, type ErrorReply } from '@ambito/contracts';

/*
 * The platform's request/reply wire format, the same on both sides: the request body is the command as
 * JSON, context travels in headers (actor, correlation, causation, purpose); the reply body is the
 * reply as JSON, or an ErrorReply when the `Ambito-Esito` header says `errore`.
 */

const ESITO_OK = 'ok';
const ESITO_ERRORE = 'errore';

const encoder = new TextEncoder();

export function encodeBody(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value ?? null));
}

export function replyHeaders(errore: boolean): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADER.esito, errore ? ESITO_ERRORE : ESITO_OK);
  return h;
}

/** Answers a request with a value. */
export function respondOk(msg: Msg, value: unknown): void {
  msg.respond(encodeBody(value), { headers: replyHeaders(false) });
}

/** Answers a request with a typed error. */
export function respondError(msg: Msg, error: ErrorReply): void {
  msg.respond(encodeBody(error), { headers: replyHeaders(true) });
}

export type DecodedReply = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Reads a reply; a reply without the header is not one of ours (e.g. a foreign responder). */
export function decodeReply(msg: Msg): DecodedReply | undefined {
  const esito = msg.headers?.has(HEADER.esito) ? msg.headers.get(HEADER.esito) : undefined;
  if (esito !== ESITO_OK && esito !== ESITO_ERRORE) return undefined;
  const body: unknown = msg.json();
  return esito === ESITO_OK ? { ok: true, value: body } : { ok: false, error: body };
}
