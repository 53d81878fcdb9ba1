import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@ambito/contracts';
import { actorFromClaims } from './claims-to-actor';
import { tokenError } from './token-error';
import { TokenVerifier } from './token-verifier';

export interface OidcOptions {
  issuer: string;
  jwksUrl: string;
  audience: string;
  ambito: string;
}

/** Only signatures with a public key: a symmetric algorithm would let anyone holding the JWKS sign. */
const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * Tokens of the ambito's OpenID Connect provider (e.g. a regional IdP fronting SPID/CIE): signature by
 * the keys published at the JWKS URL (cached, refetched on an unknown `kid`), issuer and audience.
 */
export class OidcTokenVerifier extends TokenVerifier {
  private readonly jwks: JWTVerifyGetKey;

  constructor(private readonly options: OidcOptions) {
    super();
    this.jwks = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000 });
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.jwks, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: ASYMMETRIC_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      });
      return actorFromClaims(payload, this.options.ambito);
    } catch (error) {
      throw tokenError(error);
    }
  }
}
