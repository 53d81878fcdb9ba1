import { difettoDelTesto, validazioneFallita } from '@ambito/contracts';
import type { GatewayRequest, GatewayResponse, NextFunction } from './gateway-request';

/**
 * Headers whose value the gateway reads and passes on (the purpose into the audit row, the correlation
 * id into logs and NATS headers, the idempotency key into the services' tables): every `X-…` header,
 * `Idempotency-Key` and `Authorization`. Others (User-Agent, Accept…) are not read and not checked.
 */
export function eIntestazioneLetta(nome: string): boolean {
  const n = nome.toLowerCase();
  return n.startsWith('x-') || n === 'idempotency-key' || n === 'authorization';
}

/**
 * The value as the gateway uses it: header values are Latin-1, so non-ASCII text arrives
 * percent-encoded (`X-Motivo: verifica%20dell%E2%80%99equipe`) and is decoded.
 */
function decodificata(valore: string): string {
  try {
    return decodeURIComponent(valore);
  } catch {
    return valore; // not percent-encoded: used as sent
  }
}

/**
 * Refuses a request whose read headers carry control, bidirectional or zero-width characters, sent as
 * they are or percent-encoded (`X-Motivo: %00` would reach the audit insert as a NUL and fail it). A
 * header is single-line text: tabs and line breaks are refused too. Answer: 400 VALIDAZIONE_FALLITA
 * naming the header.
 */
export function intestazioniPuliteMiddleware(
  request: GatewayRequest,
  _response: GatewayResponse,
  next: NextFunction,
): void {
  const raw = request.rawHeaders;
  const errori: Array<{ campo: string; messaggi: string[] }> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const [nome, valore] = [raw[i], raw[i + 1]];
    if (!eIntestazioneLetta(nome)) continue;
    const difetto = difettoDelTesto(valore, false) ?? difettoDelTesto(decodificata(valore), false);
    if (difetto && !errori.some((e) => e.campo === nome)) errori.push({ campo: nome, messaggi: [difetto] });
  }
  if (errori.length === 0) return next();
  next(validazioneFallita(errori.map((e) => ({ campo: `intestazione ${e.campo}`, messaggi: e.messaggi }))));
}
