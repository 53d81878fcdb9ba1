import {
  DomainError,
  IDEMPOTENCY_KEY_HTTP_HEADER,
  MESSAGGIO_IDEMPOTENCY_KEY_NON_VALIDA,
  leggiIdempotencyKey,
} from '@ambito/contracts';
import { headerValue, type GatewayRequest } from '../context/gateway-request';
import type { Rotta } from './rotta';

/** POST, PUT, PATCH and DELETE change state: they accept an Idempotency-Key. */
export function cambiaStato(r: Rotta): boolean {
  return r.metodo !== 'get';
}

/**
 * The `Idempotency-Key` of a state-changing request (IETF HTTPAPI draft), checked before anything is
 * sent: a malformed one is 400 IDEMPOTENCY_KEY_NON_VALIDA. On the bus it travels as
 * `Ambito-Idempotency-Key`; the service stores it with the effect.
 */
export function idempotencyKeyDi(r: Rotta, req: GatewayRequest): string | undefined {
  if (!cambiaStato(r)) return undefined;
  const raw = headerValue(req, IDEMPOTENCY_KEY_HTTP_HEADER);
  if (raw === undefined) return undefined;
  const key = leggiIdempotencyKey(raw);
  if (!key) throw new DomainError('IDEMPOTENCY_KEY_NON_VALIDA', MESSAGGIO_IDEMPOTENCY_KEY_NON_VALIDA);
  return key;
}

/**
 * A read that times out changed nothing: it is simply unavailable (503, retry). A write that times
 * out keeps ESITO_NON_DETERMINATO (504): the service may have committed just before its deadline.
 */
export async function riletturaSicura<T>(r: Rotta, invia: () => Promise<T>): Promise<T> {
  try {
    return await invia();
  } catch (error) {
    if (!cambiaStato(r) && error instanceof DomainError && ERRORI_DI_TEMPO.has(error.code)) {
      throw new DomainError('SERVIZIO_NON_DISPONIBILE', 'Il servizio non risponde: riprovare tra poco.');
    }
    throw error;
  }
}

const ERRORI_DI_TEMPO = new Set<string>(['ESITO_NON_DETERMINATO', 'SCADENZA_SUPERATA']);
