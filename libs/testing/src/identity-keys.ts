import { generateKeyPairSync } from 'node:crypto';
import { CHIAMATE_DECLARATIONS } from '@ambito/contracts';

/** The identity variables of a key set: the gateway's private key, the services' trusted keys. */
export interface IdentityKeyEnv {
  /** Private Ed25519 JWK (JSON), for the gateway (or a harness that signs like it). */
  GATEWAY_SIGNING_KEY: string;
  /**
   * `{ "gateway": { "keys": [public JWK] }, "<calling service>": { "keys": [public JWK] } }` (JSON),
   * for the services.
   */
  ACTOR_TRUSTED_KEYS: string;
  /** The SERVICE_SIGNING_KEY (private JWK, JSON) of each service that calls another (`chiamata()`). */
  SERVICE_SIGNING_KEYS: Record<string, string>;
}

/** The services that call another with their own identity: each one needs its own key. */
export function serviziChiamanti(): string[] {
  return [...new Set(CHIAMATE_DECLARATIONS.map((c) => c.servizio))].sort();
}

function keyPair(kid: string | undefined): { privata: string; pubblica: object } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const id = kid ? { kid } : {};
  const { kty, crv, x } = publicKey.export({ format: 'jwk' });
  return {
    privata: JSON.stringify({ ...privateKey.export({ format: 'jwk' }), ...id }),
    pubblica: { kty, crv, x, ...id },
  };
}

/**
 * Fresh Ed25519 key pairs for signing the actor (libs/messaging/src/identity), as the environment
 * variables carry them: the gateway's and one per calling service; the tests make them per run,
 * `npm start` once per data directory. Without `kid`, both halves use the key's RFC 7638 thumbprint;
 * with it, a service's key is `<kid>-<service>`.
 */
export function generateIdentityKeys(kid?: string): IdentityKeyEnv {
  const gateway = keyPair(kid);
  const trusted: Record<string, { keys: object[] }> = { gateway: { keys: [gateway.pubblica] } };
  const servizi: Record<string, string> = {};
  for (const servizio of serviziChiamanti()) {
    const chiave = keyPair(kid ? `${kid}-${servizio}` : undefined);
    trusted[servizio] = { keys: [chiave.pubblica] };
    servizi[servizio] = chiave.privata;
  }
  return {
    GATEWAY_SIGNING_KEY: gateway.privata,
    ACTOR_TRUSTED_KEYS: JSON.stringify(trusted),
    SERVICE_SIGNING_KEYS: servizi,
  };
}

/** `{ SERVICE_SIGNING_KEY }` for a service that calls others, nothing for the others. */
export function serviceSigningEnv(identita: IdentityKeyEnv, servizio: string): Record<string, string> {
  const chiave = identita.SERVICE_SIGNING_KEYS[servizio];
  return chiave ? { SERVICE_SIGNING_KEY: chiave } : {};
}
