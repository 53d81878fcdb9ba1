import { decodeJwt } from 'jose';
import type { Actor } from '@ambito/contracts';
import { TokenVerifier } from './token-verifier';

export interface OpzioniCacheToken {
  /** Longest time a verified token is trusted without verifying it again (it never outlives its `exp`). */
  durataMassimaMs: number;
  /** Most tokens remembered at once; the oldest is forgotten first. */
  massimoVoci: number;
  /** The clock (tests move it). */
  adesso?: () => number;
}

interface Voce {
  actor: Actor;
  scadeIl: number;
}

/**
 * Remembers the actor of a token that verified, until the token's `exp` (at most `durataMassimaMs`):
 * a client sends the same token with every request, and the signature check and the claims' mapping
 * cost more than the rest of the gateway's own work. Only successes are remembered: a refused token is
 * checked again each time (its refusal may be a JWKS not yet refreshed). Each request gets its own copy
 * of the actor, so nothing a request does to it reaches the next one.
 */
export class TokenVerifierInCache extends TokenVerifier {
  private readonly voci = new Map<string, Voce>();
  private readonly adesso: () => number;

  constructor(
    private readonly verificatore: TokenVerifier,
    private readonly opzioni: OpzioniCacheToken,
  ) {
    super();
    this.adesso = opzioni.adesso ?? Date.now;
  }

  async verify(token: string): Promise<Actor> {
    const ora = this.adesso();
    const voce = this.voci.get(token);
    if (voce && voce.scadeIl > ora) return copia(voce.actor);
    if (voce) this.voci.delete(token);
    const actor = await this.verificatore.verify(token);
    const exp = decodeJwt(token).exp;
    const scadeIl = Math.min(ora + this.opzioni.durataMassimaMs, typeof exp === 'number' ? exp * 1000 : ora);
    if (scadeIl > ora) {
      if (this.voci.size >= this.opzioni.massimoVoci) {
        const piuVecchia = this.voci.keys().next();
        if (!piuVecchia.done) this.voci.delete(piuVecchia.value);
      }
      this.voci.set(token, { actor: copia(actor), scadeIl });
    }
    return actor;
  }
}

function copia(actor: Actor): Actor {
  return { ...actor, ruoli: [...actor.ruoli], subAmbiti: [...actor.subAmbiti], comuni: [...actor.comuni] };
}
