import { generateKeyPairSync } from 'node:crypto';

/** The identity variables of a key pair: the gateway's private key, the services' trusted keys. */
export interface IdentityKeyEnv {
  /** Private Ed25519 JWK (JSON), for the gateway (or a harness that signs like it). */
  GATEWAY_SIGNING_KEY: string;
  /** `{ "gateway": { "keys": [public JWK] } }` (JSON), for the services. */
  ACTOR_TRUSTED_KEYS: string;
}

/**
 * A fresh Ed25519 key pair for signing the actor (libs/messaging/src/identity), as the environment
 * variables carry it: the tests make one per run, `npm start` one per data directory. Without `kid`,
 * both sides use the key's RFC 7638 thumbprint.
 */
export function generateIdentityKeys(kid?: string): IdentityKeyEnv {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const id = kid ? { kid } : {};
  const { kty, crv, x } = publicKey.export({ format: 'jwk' });
  return {
    GATEWAY_SIGNING_KEY: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), ...id }),
    ACTOR_TRUSTED_KEYS: JSON.stringify({ gateway: { keys: [{ kty, crv, x, ...id }] } }),
  };
}
