import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NatsConnection } from 'nats';
import { ACCESSO_RPC, type PersonaV1 } from '@ambito/contracts';
import { connectTestNats, freePort, generateIdentityKeys, testNatsEnv } from '@ambito/testing';
import { loadGatewayConfig, type GatewayConfig } from '../config/gateway-config';
import { respondOn, type Responder } from '../../test/nats-responder';
import {
  FINALITA_HTTP,
  startTestGateway,
  TEST_JWT_SECRET,
  type TestGateway,
} from '../../test/gateway-harness';
import { createGatewayApp } from './create-gateway-app';

const PROBLEM = /^application\/problem\+json/;
const PERSONA_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
/** What every gateway needs whatever the mode: its NATS user and the key it signs identities with. */
const BASE = { ...testNatsEnv('gateway'), GATEWAY_SIGNING_KEY: generateIdentityKeys().GATEWAY_SIGNING_KEY };

/** A production gateway (OIDC: the JWKS is fetched only when a token arrives, none does here). */
function configProduzione(env: Record<string, string> = {}): GatewayConfig {
  return loadGatewayConfig({
    ...BASE,
    NODE_ENV: 'production',
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://idp.example/realms/ambito',
    OIDC_JWKS_URL: 'https://idp.example/realms/ambito/protocol/openid-connect/certs',
    OIDC_AUDIENCE: 'ambito',
    LOG_LEVEL: 'silent',
    ...env,
  });
}

async function listening(app: NestExpressApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

describe('gateway: the demo issuer needs AUTH_MODE=demo, loopback and no production', () => {
  const demo = {
    ...BASE,
    AUTH_MODE: 'demo',
    JWT_LOCAL_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
  };

  // The configuration class refuses these (gateway-config.spec.ts); the app refuses them too, for
  // whoever builds it from a configuration object of their own.
  it('is refused when the app is built for a non-loopback address or for production', async () => {
    const valida = loadGatewayConfig(demo);
    await expect(createGatewayApp({ ...valida, HTTP_HOST: '0.0.0.0' } as GatewayConfig)).rejects.toThrow(
      /AUTH_MODE=demo funziona solo .* loopback/,
    );
    await expect(createGatewayApp({ ...valida, NODE_ENV: 'production' } as GatewayConfig)).rejects.toThrow(
      /non è ammesso con NODE_ENV=production/,
    );
  });

  it('does not exist in oidc mode, whatever NODE_ENV says: admin/demo gets 404', async () => {
    const app = await createGatewayApp(configProduzione({ NODE_ENV: 'development' }));
    try {
      const url = await listening(app);
      const response = await fetch(`${url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'demo' }),
      });
      expect(response.status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('gateway: the token endpoint is rate-limited per client address', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ TOKEN_RATE_LIMIT: '3', TOKEN_RATE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => gateway?.close());

  it('answers 429 problem+json with Retry-After once the limit is spent, even to the right password', async () => {
    // Guessing the admin's password, as an attacker would.
    for (const password of ['admin', 'password', '123456']) {
      const response = await gateway.http.post('/api/v1/auth/token').send({ username: 'admin', password });
      expect(response.status).toBe(401);
    }
    const limitato = await gateway.http
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: 'demo' });
    expect(limitato.status).toBe(429);
    expect(limitato.headers['content-type']).toMatch(PROBLEM);
    expect(Number(limitato.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limitato.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limitato.body).toMatchObject({
      status: 429,
      title: 'Troppe richieste',
      code: 'TROPPE_RICHIESTE',
      detail: expect.stringMatching(
        /^Troppi tentativi di accesso da questo indirizzo: riprovare tra \d+ secondi\.$/,
      ),
    });
    expect(limitato.body).not.toHaveProperty('access_token');
  });
});

describe('gateway: security headers and no-store on every answer', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  let leggi: Responder;

  beforeAll(async () => {
    gateway = await startTestGateway({ HSTS_MAX_AGE_SECONDS: '31536000' });
    nc = await connectTestNats();
    const persona: Partial<PersonaV1> = {
      id: PERSONA_ID,
      codiceFiscale: 'VRDGNN50A41D142Z',
      cognome: 'Verdi',
    };
    leggi = await respondOn(nc, ACCESSO_RPC.leggiPersona, () => ({ response: persona }));
  });
  afterAll(async () => {
    await leggi?.stop();
    await nc?.drain();
    await gateway?.close();
  });

  function expectApiHeaders(headers: Record<string, string>) {
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toMatch(/^default-src 'none';.*frame-ancestors 'none'/);
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers).not.toHaveProperty('x-powered-by');
  }

  it('on a response with personal data', async () => {
    const response = await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
      .set(FINALITA_HTTP);
    expect(response.body).toMatchObject({ codiceFiscale: 'VRDGNN50A41D142Z' });
    expectApiHeaders(response.headers as Record<string, string>);
  });

  it('on the token, on errors and on unknown routes', async () => {
    const token = await gateway.http.post('/api/v1/auth/token').send({ username: 'udp', password: 'demo' });
    expect(token.status).toBe(200);
    expectApiHeaders(token.headers as Record<string, string>);
    const nonAutenticato = await gateway.http.get(`/api/v1/persone/${PERSONA_ID}`);
    expect(nonAutenticato.status).toBe(401);
    expectApiHeaders(nonAutenticato.headers as Record<string, string>);
    const sconosciuta = await gateway.http.get('/api/v1/nessuna-risorsa');
    expect(sconosciuta.status).toBe(404);
    expectApiHeaders(sconosciuta.headers as Record<string, string>);
  });

  it('keeps the Swagger UI working: its own scripts and styles allowed, nothing from elsewhere', async () => {
    const pagina = await gateway.http.get('/api/docs/').expect(200);
    const csp = pagina.headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).not.toMatch(/https?:/);
    // Every script of the page is served from here, none inline (which the CSP would block).
    const scripts = [...pagina.text.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributi, corpo] of scripts) {
      expect(corpo.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(attributi)![1];
      await gateway.http.get(new URL(src, 'http://x/api/docs/').pathname).expect(200);
    }
    await gateway.http.get('/api/docs-json').expect(200);
  });
});

describe('gateway: /metrics is not on the public port in production', () => {
  it('answers 404 there, keeps the probes, and serves the metrics on the management port', async () => {
    const metricsPort = await freePort();
    const app = await createGatewayApp(configProduzione({ METRICS_PORT: String(metricsPort) }));
    try {
      const url = await listening(app);
      const pubblica = await fetch(`${url}/metrics`);
      expect(pubblica.status).toBe(404);
      expect(await pubblica.text()).not.toContain('ambito_handler_duration_seconds');
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      const gestione = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(gestione.status).toBe(200);
      expect(await gestione.text()).toContain('ambito_handler_duration_seconds');
    } finally {
      await app.close();
    }
    // Closed with the app.
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  });

  it('answers 404 on the public port in production even without a management port', async () => {
    const app = await createGatewayApp(configProduzione());
    try {
      expect((await fetch(`${await listening(app)}/metrics`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
