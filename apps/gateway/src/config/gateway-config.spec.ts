import { ConfigurationError } from '@ambito/service-runtime';
import { loadGatewayConfig } from './gateway-config';
import { indirizzoLoopback } from './loopback';

const SECRET = 'x'.repeat(32);
const DEMO = { NATS_URL: 'nats://127.0.0.1:4222', AUTH_MODE: 'demo', JWT_LOCAL_SECRET: SECRET };
const OIDC = {
  NATS_URL: 'nats://nats:4222',
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://idp.example/realms/ambito',
  OIDC_JWKS_URL: 'https://idp.example/realms/ambito/protocol/openid-connect/certs',
  OIDC_AUDIENCE: 'ambito',
};

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
  it('has defaults for everything but the authentication mode', () => {
    expect(loadGatewayConfig(DEMO)).toMatchObject({
      AUTH_MODE: 'demo',
      HTTP_PORT: 3000,
      HTTP_HOST: '127.0.0.1',
      AMBITO_CODICE: 'CREMA',
      JWT_TTL_SECONDS: 3600,
      RPC_TIMEOUT_MS: 5000,
      TOKEN_RATE_LIMIT: 10,
      TOKEN_RATE_WINDOW_SECONDS: 60,
      HSTS_MAX_AGE_SECONDS: 0,
    });
    expect(loadGatewayConfig(OIDC).HTTP_HOST).toBe('0.0.0.0');
  });

  // The finding: the demo login (user admin, password demo) was on whenever NODE_ENV was not exactly
  // "production". Now nothing turns it on but AUTH_MODE=demo, whatever NODE_ENV says.
  it.each<Record<string, string>>([
    {},
    { NODE_ENV: 'development' },
    { NODE_ENV: 'Production' },
    { NODE_ENV: '' },
  ])('refuses to start without AUTH_MODE (%o), saying what to set', (env) => {
    const message = errorOf({ NATS_URL: 'nats://n:4222', JWT_LOCAL_SECRET: SECRET, ...env });
    expect(message).toMatch(
      /AUTH_MODE: obbligatorio, senza valore predefinito: AUTH_MODE=oidc .* AUTH_MODE=demo/,
    );
  });

  it('refuses the old value "local", pointing to its replacement', () => {
    expect(errorOf({ ...DEMO, AUTH_MODE: 'local' })).toMatch(
      /AUTH_MODE=local non esiste più: .*AUTH_MODE=demo/,
    );
  });

  it('refuses demo mode in production, on any HTTP_HOST', () => {
    for (const host of ['127.0.0.1', '0.0.0.0']) {
      expect(errorOf({ ...DEMO, NODE_ENV: 'production', HTTP_HOST: host })).toMatch(
        /AUTH_MODE=demo .* non è ammesso con NODE_ENV=production: usare AUTH_MODE=oidc/,
      );
    }
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.5', 'gateway', 'ambito.example.it', '128.0.0.1'])(
    'refuses demo mode listening on %s, saying what to do',
    (host) => {
      expect(errorOf({ ...DEMO, HTTP_HOST: host })).toMatch(
        new RegExp(
          `AUTH_MODE=demo funziona solo .* loopback.* HTTP_HOST=${host.replace(/\./g, '\\.')}: impostare HTTP_HOST=127\\.0\\.0\\.1`,
        ),
      );
    },
  );

  it.each(['127.0.0.1', '127.1.2.3', '::1', 'localhost', '[::1]'])('accepts demo mode on %s', (host) => {
    expect(loadGatewayConfig({ ...DEMO, HTTP_HOST: host }).AUTH_MODE).toBe('demo');
  });

  it('knows loopback addresses', () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'].every(indirizzoLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '::ffff:10.0.0.1', '', '127.0.0.1.nip.io'].some(indirizzoLoopback)).toBe(false);
  });

  it('requires NATS_URL and a demo secret of at least 32 characters', () => {
    const message = errorOf({ AUTH_MODE: 'demo', JWT_LOCAL_SECRET: 'corto' });
    expect(message).toMatch(/NATS_URL/);
    expect(message).toMatch(/JWT_LOCAL_SECRET: .*almeno 32 caratteri/);
    expect(errorOf({ NATS_URL: 'nats://n:4222', AUTH_MODE: 'demo' })).toMatch(
      /JWT_LOCAL_SECRET: .*obbligatorio con AUTH_MODE=demo/,
    );
  });

  it('requires issuer, JWKS URL and audience in oidc mode', () => {
    const message = errorOf({ NATS_URL: 'nats://n:4222', AUTH_MODE: 'oidc', NODE_ENV: 'production' });
    expect(message).toMatch(/OIDC_ISSUER/);
    expect(message).toMatch(/OIDC_JWKS_URL/);
    expect(message).toMatch(/OIDC_AUDIENCE/);
    expect(loadGatewayConfig({ ...OIDC, NODE_ENV: 'production' }).AUTH_MODE).toBe('oidc');
  });

  it('reads the token rate limit, HSTS and the management port', () => {
    expect(
      loadGatewayConfig({
        ...OIDC,
        TOKEN_RATE_LIMIT: '3',
        TOKEN_RATE_WINDOW_SECONDS: '30',
        HSTS_MAX_AGE_SECONDS: '31536000',
        METRICS_PORT: '9464',
      }),
    ).toMatchObject({
      TOKEN_RATE_LIMIT: 3,
      TOKEN_RATE_WINDOW_SECONDS: 30,
      HSTS_MAX_AGE_SECONDS: 31_536_000,
      METRICS_PORT: 9464,
      METRICS_HOST: '127.0.0.1',
    });
    expect(errorOf({ ...OIDC, TOKEN_RATE_LIMIT: '0', METRICS_PORT: '70000' })).toMatch(
      /TOKEN_RATE_LIMIT[\s\S]*METRICS_PORT/,
    );
  });
});
