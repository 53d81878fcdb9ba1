import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigurationError } from '@ambito/service-runtime';
import { loadGatewayConfig } from './gateway-config';

const SECRET = 'x'.repeat(32);
/** A key of this run only. */
const GATEWAY_SIGNING_KEY = JSON.stringify(
  generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }),
);

function errorOf(env: Record<string, string>): string {
  try {
    loadGatewayConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('configuration accepted');
}

describe('gateway configuration', () => {
  it('has development defaults: local auth, port 3000, ambito CREMA', () => {
    const config = loadGatewayConfig({
      NATS_URL: 'nats://127.0.0.1:4222',
      JWT_LOCAL_SECRET: SECRET,
      GATEWAY_SIGNING_KEY,
    });
    expect(config).toMatchObject({
      AUTH_MODE: 'local',
      HTTP_PORT: 3000,
      AMBITO_CODICE: 'CREMA',
      JWT_TTL_SECONDS: 3600,
      RPC_TIMEOUT_MS: 5000,
      ACTOR_TOKEN_TTL_SECONDS: 30,
    });
  });

  it('requires the Ed25519 signing key, inline or as a file, never a public key or both', () => {
    const base = { NATS_URL: 'nats://n:4222', JWT_LOCAL_SECRET: SECRET };
    expect(errorOf(base)).toMatch(/- GATEWAY_SIGNING_KEY: obbligatorio \(oppure GATEWAY_SIGNING_KEY_FILE\)/);
    expect(errorOf({ ...base, GATEWAY_SIGNING_KEY: '{"kty":"oct","k":"abc"}' })).toMatch(
      /GATEWAY_SIGNING_KEY: la chiave di firma: serve una JWK Ed25519/,
    );
    const { d: _, ...pubblica } = JSON.parse(GATEWAY_SIGNING_KEY) as Record<string, string>;
    expect(errorOf({ ...base, GATEWAY_SIGNING_KEY: JSON.stringify(pubblica) })).toMatch(/non è privata/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'chiave-')), 'gateway.jwk');
    writeFileSync(file, `${GATEWAY_SIGNING_KEY}\n`);
    expect(loadGatewayConfig({ ...base, GATEWAY_SIGNING_KEY_FILE: file }).GATEWAY_SIGNING_KEY_FILE).toBe(
      file,
    );
    expect(errorOf({ ...base, GATEWAY_SIGNING_KEY, GATEWAY_SIGNING_KEY_FILE: file })).toMatch(/insieme/);
    expect(errorOf({ ...base, GATEWAY_SIGNING_KEY_FILE: `${file}.assente` })).toMatch(/non leggibile/);
  });

  it('requires NATS_URL and a local secret of at least 32 characters', () => {
    const message = errorOf({ JWT_LOCAL_SECRET: 'corto' });
    expect(message).toMatch(/NATS_URL/);
    expect(message).toMatch(/JWT_LOCAL_SECRET: .*almeno 32 caratteri/);
    expect(errorOf({ NATS_URL: 'nats://n:4222' })).toMatch(/JWT_LOCAL_SECRET: .*obbligatorio/);
  });

  it('refuses the local issuer in production, explicitly or by default', () => {
    const base = { NATS_URL: 'nats://n:4222', JWT_LOCAL_SECRET: SECRET, NODE_ENV: 'production' };
    expect(errorOf({ ...base, AUTH_MODE: 'local' })).toMatch(
      /AUTH_MODE=local .* non è ammesso con NODE_ENV=production/,
    );
    expect(errorOf(base)).toMatch(/AUTH_MODE/);
  });

  it('requires issuer, JWKS URL and audience in oidc mode', () => {
    const message = errorOf({ NATS_URL: 'nats://n:4222', AUTH_MODE: 'oidc', NODE_ENV: 'production' });
    expect(message).toMatch(/OIDC_ISSUER/);
    expect(message).toMatch(/OIDC_JWKS_URL/);
    expect(message).toMatch(/OIDC_AUDIENCE/);
    expect(
      loadGatewayConfig({
        NATS_URL: 'nats://nats:4222',
        AUTH_MODE: 'oidc',
        NODE_ENV: 'production',
        OIDC_ISSUER: 'https://idp.example/realms/ambito',
        OIDC_JWKS_URL: 'https://idp.example/realms/ambito/protocol/openid-connect/certs',
        OIDC_AUDIENCE: 'ambito',
        GATEWAY_SIGNING_KEY,
      }).AUTH_MODE,
    ).toBe('oidc');
  });
});
