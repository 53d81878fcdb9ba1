import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { HEADER, type Actor } from '@ambito/contracts';
import { ActorVerifier, parseTrustedKeys } from '@ambito/messaging';
import { generateIdentityKeys, testNatsEnv, type IdentityKeyEnv } from '@ambito/testing';
import { createGatewayApp } from '../src/app/create-gateway-app';
import { loadGatewayConfig } from '../src/config/gateway-config';
import type { RichiestaRicevuta } from './nats-responder';

/** The purpose (code and text) a read of personal data must declare; the tests' usual one. */
export const FINALITA_HTTP = { 'X-Finalita': 'segretariato-sociale', 'X-Motivo': 'verifica di test' };

export const TEST_JWT_SECRET = 'segreto-dei-test-di-integrazione-0123456789';

export interface TestGateway {
  app: NestExpressApplication;
  /** The key pair of this run: the gateway signs with it, the tests verify what it sent. */
  identita: IdentityKeyEnv;
  http: ReturnType<typeof request>;
  /** The actor a fake service received, verified as a service verifies it (key, subject, body, ambito). */
  attore(ricevuta: RichiestaRicevuta): Promise<Actor>;
  /** Bearer token of a demo user, from the gateway's own token endpoint. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The gateway booted in-process (demo issuer) against the test NATS server of the global setup. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const identita = generateIdentityKeys();
  const app = await createGatewayApp(
    loadGatewayConfig({
      GATEWAY_SIGNING_KEY: identita.GATEWAY_SIGNING_KEY,
      NODE_ENV: 'test',
      ...testNatsEnv('gateway'),
      // Explicit, as everywhere: the gateway has no default authentication mode.
      AUTH_MODE: 'demo',
      HTTP_HOST: '127.0.0.1',
      JWT_LOCAL_SECRET: TEST_JWT_SECRET,
      // A suite logs in more than a person would; the limit itself is tested with its own value.
      TOKEN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'silent',
      RPC_TIMEOUT_MS: '800',
      ...env,
    }),
  );
  const http = request(app.getHttpServer());
  const verifier = new ActorVerifier(parseTrustedKeys(identita.ACTOR_TRUSTED_KEYS), {
    ambito: env.AMBITO_CODICE ?? 'CREMA',
  });
  const tokens = new Map<string, string>();
  return {
    app,
    identita,
    http,
    attore: (ricevuta) =>
      verifier.verify(ricevuta.headers[HEADER.actor], {
        subject: ricevuta.subject,
        correlationId: ricevuta.headers[HEADER.correlationId],
        body: ricevuta.raw,
      }),
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const response = await http.post('/api/v1/auth/token').send({ username, password: 'demo' }).expect(200);
      const token = (response.body as { access_token: string }).access_token;
      tokens.set(username, token);
      return token;
    },
    close: () => app.close(),
  };
}
