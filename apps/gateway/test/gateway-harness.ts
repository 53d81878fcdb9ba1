import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { testNatsEnv } from '@ambito/testing';
import { createGatewayApp } from '../src/app/create-gateway-app';
import { loadGatewayConfig } from '../src/config/gateway-config';

export const TEST_JWT_SECRET = 'segreto-dei-test-di-integrazione-0123456789';

export interface TestGateway {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** Bearer token of a demo user, from the gateway's own token endpoint. */
  token(username: string): Promise<string>;
  close(): Promise<void>;
}

/** The gateway booted in-process (demo issuer) against the test NATS server of the global setup. */
export async function startTestGateway(env: Record<string, string> = {}): Promise<TestGateway> {
  const app = await createGatewayApp(
    loadGatewayConfig({
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
