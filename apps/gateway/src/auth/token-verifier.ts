import type { Actor } from '@ambito/contracts';

/** Verifies a bearer token and returns its actor; refuses with a DomainError (401, or 503 if the IdP is down). */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Actor>;
}
