import { ConfigurationError } from '@ambito/service-runtime';
import { loadGatewayConfig } from './gateway-config';

const SECRET = 'x'.repeat(32);

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
    const config = loadGatewayConfig({ NATS_URL: 'nats://127.0.0.1:4222', JWT_LOCAL_SECRET: SECRET });
    expect(config).toMatchObject({
      AUTH_MODE: 'local',
      HTTP_PORT: 3000,
      AMBITO_CODICE: 'CREMA',
      JWT_TTL_SECONDS: 3600,
      RPC_TIMEOUT_MS: 5000,
    });
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
      }).AUTH_MODE,
    ).toBe('oidc');
  });
});
