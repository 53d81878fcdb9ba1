import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { RUOLI_CLIENT, type Actor } from '@ambito/contracts';

/*
 * The PDND voucher INPS presents on the WaaS API (pattern AUTH_REST_01 of the ModI guidelines): a JWT
 * signed by PDND, verified against PDND's published keys (JWKS) configured per ambito, for this
 * e-service's audience, not expired. The caller becomes the machine client `inps`: it may call the
 * WaaS declarations and nothing else.
 */

export interface PdndOpzioni {
  /** PDND's keys: a JWKS file (offline, tests, a pinned copy) or its URL. */
  jwksFile?: string;
  jwksUrl?: string;
  /** The audience PDND puts in the vouchers of this e-service. */
  audience: string;
  /** PDND's issuer, when set (e.g. `interop.pagopa.it`). */
  issuer?: string;
  ambito: string;
}

export type EsitoPdnd = { ok: true; actor: Actor } | { ok: false; motivo: string };

const ALGORITMI = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'];
const TOLLERANZA_SECONDI = 5;

export class PdndTokenVerifier {
  private readonly chiavi: JWTVerifyGetKey;

  constructor(private readonly opzioni: PdndOpzioni) {
    if (opzioni.jwksFile) {
      this.chiavi = createLocalJWKSet(JSON.parse(readFileSync(opzioni.jwksFile, 'utf8')) as never);
    } else if (opzioni.jwksUrl) {
      this.chiavi = createRemoteJWKSet(new URL(opzioni.jwksUrl), { timeoutDuration: 5000 });
    } else {
      throw new Error('PDND: indicare PDND_JWKS_FILE o PDND_JWKS_URL');
    }
  }

  async verifica(authorization: string | undefined): Promise<EsitoPdnd> {
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, motivo: 'Voucher PDND mancante: inviare Authorization: Bearer.' };
    try {
      const { payload } = await jwtVerify(match[1], this.chiavi, {
        audience: this.opzioni.audience,
        issuer: this.opzioni.issuer,
        algorithms: ALGORITMI,
        clockTolerance: TOLLERANZA_SECONDI,
        requiredClaims: ['exp', 'iat', 'jti'],
      });
      const client = typeof payload['client_id'] === 'string' ? payload['client_id'] : payload.sub;
      if (!client) return { ok: false, motivo: 'Voucher PDND senza client_id.' };
      return {
        ok: true,
        actor: {
          userId: `pdnd:${client}`,
          nome: 'INPS (voucher PDND)',
          ruoli: [RUOLI_CLIENT[0]],
          ambito: this.opzioni.ambito,
          subAmbiti: [],
          comuni: [],
        },
      };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) return { ok: false, motivo: 'Voucher PDND scaduto.' };
      if (error instanceof joseErrors.JWTClaimValidationFailed)
        return { ok: false, motivo: `Voucher PDND non valido per questo e-service (${error.claim}).` };
      return { ok: false, motivo: 'Voucher PDND non valido: firma o formato non riconosciuti.' };
    }
  }
}
