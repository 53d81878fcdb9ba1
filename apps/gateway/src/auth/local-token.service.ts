import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { Actor } from '@ambito/contracts';
import { actorFromClaims } from './claims-to-actor';
import type { DemoUser } from './demo-users';
import { tokenError } from './token-error';
import type { TokenResponse } from './token.response';
import { TokenVerifier } from './token-verifier';

export const LOCAL_ISSUER = 'ambito-local';

export interface LocalTokenOptions {
  /** HS256 secret, at least 32 characters. */
  secret: string;
  ttlSeconds: number;
  ambito: string;
}

/** The gateway's own issuer for development (AUTH_MODE=demo, loopback only): HS256 tokens for the demo users. */
export class LocalTokenService extends TokenVerifier {
  private readonly key: Uint8Array;

  constructor(private readonly options: LocalTokenOptions) {
    super();
    this.key = new TextEncoder().encode(options.secret);
  }

  async issue(user: DemoUser): Promise<TokenResponse> {
    const token = await new SignJWT({
      name: user.name,
      ruoli: user.ruoli,
      ambito: this.options.ambito,
      sub_ambiti: user.subAmbiti,
      comuni: user.comuni,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.sub)
      .setIssuer(LOCAL_ISSUER)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.options.ttlSeconds}s`)
      .sign(this.key);
    return { access_token: token, token_type: 'Bearer', expires_in: this.options.ttlSeconds };
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: LOCAL_ISSUER,
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'exp'],
      });
      return actorFromClaims(payload, this.options.ambito);
    } catch (error) {
      throw tokenError(error);
    }
  }
}
