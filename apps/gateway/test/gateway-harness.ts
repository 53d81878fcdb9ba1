import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createGatewayApp } from '../src/app/create-gateway-app';
import { loadGatewayConfig } from '../src/config/gateway-config';

/** The purpose (code and text) a read of personal data must declare; the tests' usual one. */
export const FINALITA_HTTP = { 'X-Finalita': 'segretariato-sociale', 'X-Motivo': 'verifica di test' };

export const TEST_JWT_SECRET = 'segreto-dei-test-di-integrazione-0123456789';

export interface TestGateway {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** Bearer token of a demo user, from the gateway's own token endpoint. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The gateway booted in-process (local issuer) against the test NATS server of the global setup. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const natsUrl = process.env.TEST_NATS_URL;
  if (!natsUrl)
    throw new Error(
      'TEST_NATS_URL assente: i test di integrazione richiedono il global setup di libs/testing',
    );
  const app = await createGatewayApp(
    loadGatewayConfig({
      NODE_ENV: 'test',
      NATS_URL: natsUrl,
      AUTH_MODE: 'local',
      JWT_LOCAL_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'silent',
      RPC_TIMEOUT_MS: '800',
      ...env,
    }),
  );
  const http = request(app.getHttpServer());
  const tokens = new Map<string, string>();
  return {
    app,
    http,
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
