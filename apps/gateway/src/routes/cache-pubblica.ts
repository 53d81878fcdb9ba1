import { createHash } from 'node:crypto';
import type { GatewayResponse } from '../context/gateway-request';

/*
 * HTTP caching of a public answer (the public register of the assistenti familiari), designed so that a
 * revoked consent is gone from the very next request that reaches the gateway:
 *
 * - `Cache-Control: private, max-age=N` (N short, 15 s for the register): only the reader's own browser
 *   may reuse its copy, for N seconds, without asking; no proxy or shared cache may keep it and serve it
 *   to anyone else, so every other reader's request reaches the gateway. (The reader who already saw a
 *   scheda learns nothing new by seeing it again within N seconds.)
 * - `ETag`: a strong validator, the hash of the answer itself, computed on every request from the
 *   service's answer (the gateway keeps no copy). With `If-None-Match` equal to it, Express answers
 *   `304 Not Modified` with no body; after any change of the list (a revocation, a suspension), the
 *   service's answer differs, its hash differs, and the same `If-None-Match` gets `200` and the new list.
 *   The service's own cache is keyed by the list's version, bumped in the change's transaction.
 */
export function etagDi(reply: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(reply)).digest('base64url').slice(0, 32)}"`;
}

/** Sets the headers; Express's `res.send` turns a matching `If-None-Match` into a 304 (req.fresh). */
export function intestazioniCache(res: GatewayResponse, maxAgeSecondi: number, reply: unknown): void {
  res.setHeader('Cache-Control', `private, max-age=${maxAgeSecondi}`);
  res.setHeader('ETag', etagDi(reply));
}
