import { createHash, createPrivateKey, createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/*
 * The keys of the signed actor. Both are JSON Web Keys (RFC 7517), Ed25519 (`kty: OKP`, `crv: Ed25519`):
 * - the signing key of an issuer (the gateway): one private JWK;
 * - the keys a service trusts: `{ "<issuer>": { "keys": [<public JWK>, …] }, … }`, a JWKS per issuer,
 *   so a key can be rotated (old and new side by side) and another issuer (a service acting on its own
 *   behalf) is one more entry.
 * A key without `kid` gets its RFC 7638 thumbprint as `kid`, so a private key and the public half
 * derived from it always agree.
 */

/** What a badly formed key is refused with (Italian: it ends up in the start-up error). */
export class KeyConfigurationError extends Error {}

export interface SigningKey {
  issuer: string;
  kid: string;
  key: KeyObject;
}

/** issuer → kid → public key. */
export type TrustedKeys = ReadonlyMap<string, ReadonlyMap<string, KeyObject>>;

const ISSUER = /^[a-z][a-z0-9-]{0,62}$/;

/** The private key an issuer signs with, from its JWK (JSON). */
export function parseSigningKey(json: string, issuer: string): SigningKey {
  const jwk = ed25519Jwk(parseJson(json, 'la chiave di firma'), 'la chiave di firma');
  if (typeof jwk.d !== 'string')
    throw new KeyConfigurationError('la chiave di firma non è privata (manca "d")');
  const key = importKey(() => createPrivateKey({ key: jwk, format: 'jwk' }), 'la chiave di firma');
  return { issuer, kid: kidOf(jwk), key };
}

/** The public keys a service trusts, per issuer (JSON, see above). */
export function parseTrustedKeys(json: string): TrustedKeys {
  const parsed = parseJson(json, 'le chiavi fidate');
  if (!isObject(parsed) || Array.isArray(parsed) || Object.keys(parsed).length === 0) {
    throw new KeyConfigurationError(
      'le chiavi fidate sono un oggetto JSON { "<emittente>": { "keys": [ <JWK pubblica> ] } }',
    );
  }
  const trusted = new Map<string, Map<string, KeyObject>>();
  for (const [issuer, jwks] of Object.entries(parsed)) {
    if (!ISSUER.test(issuer)) throw new KeyConfigurationError(`emittente "${issuer}" non valido`);
    const keys = isObject(jwks) ? jwks.keys : undefined;
    if (!Array.isArray(keys) || keys.length === 0) {
      throw new KeyConfigurationError(`${issuer}: servono { "keys": [ <JWK pubblica> ] }`);
    }
    const byKid = new Map<string, KeyObject>();
    for (const [i, raw] of keys.entries()) {
      const what = `${issuer}: chiave ${i + 1}`;
      const jwk = ed25519Jwk(raw, what);
      // A private key in the services' configuration would be a leak waiting to happen.
      if ('d' in jwk)
        throw new KeyConfigurationError(`${what}: è privata, va pubblicata solo la parte pubblica`);
      const kid = kidOf(jwk);
      if (byKid.has(kid)) throw new KeyConfigurationError(`${what}: kid "${kid}" ripetuto`);
      byKid.set(
        kid,
        importKey(() => createPublicKey({ key: jwk, format: 'jwk' }), what),
      );
    }
    trusted.set(issuer, byKid);
  }
  return trusted;
}

/** The public JWK of a signing key (with its kid), as a service's trusted keys list it. */
export function publicJwkOf(signing: SigningKey): JsonWebKey & { kid: string } {
  const { kty, crv, x } = createPublicKey(signing.key).export({ format: 'jwk' });
  return { kty, crv, x, kid: signing.kid };
}

function parseJson(json: string, what: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new KeyConfigurationError(`${what}: JSON non valido`);
  }
}

function ed25519Jwk(value: unknown, what: string): JsonWebKey & { kid?: string } {
  if (!isObject(value) || value.kty !== 'OKP' || value.crv !== 'Ed25519' || typeof value.x !== 'string') {
    throw new KeyConfigurationError(`${what}: serve una JWK Ed25519 (kty "OKP", crv "Ed25519")`);
  }
  if (value.kid !== undefined && (typeof value.kid !== 'string' || value.kid === '')) {
    throw new KeyConfigurationError(`${what}: "kid" deve essere un testo non vuoto`);
  }
  return value as JsonWebKey & { kid?: string };
}

function importKey(make: () => KeyObject, what: string): KeyObject {
  try {
    return make();
  } catch {
    throw new KeyConfigurationError(`${what}: chiave Ed25519 non valida`);
  }
}

/** The key's own kid, or its RFC 7638 thumbprint (SHA-256 of the required members in order). */
function kidOf(jwk: JsonWebKey & { kid?: string }): string {
  if (jwk.kid) return jwk.kid;
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
