import path from 'node:path';
import {
  createTestDatabase,
  freePort,
  startServiceProcess,
  testNatsEnv,
  type ServiceProcess,
} from '@ambito/testing';

export interface Platform {
  gateway: string;
  databaseUrl: string;
  natsUrl: string;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');
export const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-00';

/** Set E2E_LOG_DIR to keep each app's JSON logs (e.g. to read why a test failed). */
const logFile = (app: string) =>
  process.env.E2E_LOG_DIR ? path.join(process.env.E2E_LOG_DIR, `${app}.log`) : undefined;

/** Starts accesso, budget, presa-in-carico and gateway from dist/ as processes, on a fresh database and the test NATS server. */
export async function startPlatform(): Promise<Platform> {
  const natsUrl = process.env.TEST_NATS_URL!;
  const databaseUrl = await createTestDatabase('e2e');
  const common = { AMBITO_CODICE: 'CREMA', NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  const processes: ServiceProcess[] = [];
  try {
    processes.push(
      await startServiceProcess({
        app: 'accesso',
        httpPort: await freePort(),
        logFile: logFile('accesso'),
        workspaceRoot: root,
        env: { ...common, ...testNatsEnv('accesso'), DATABASE_URL: databaseUrl, DATABASE_SCHEMA: 'accesso' },
      }),
    );
    processes.push(
      await startServiceProcess({
        app: 'budget',
        httpPort: await freePort(),
        logFile: logFile('budget'),
        workspaceRoot: root,
        env: { ...common, ...testNatsEnv('budget'), DATABASE_URL: databaseUrl, DATABASE_SCHEMA: 'budget' },
      }),
    );
    processes.push(
      await startServiceProcess({
        app: 'presa-in-carico',
        httpPort: await freePort(),
        logFile: logFile('presa-in-carico'),
        workspaceRoot: root,
        env: {
          ...common,
          ...testNatsEnv('presa-in-carico'),
          DATABASE_URL: databaseUrl,
          DATABASE_SCHEMA: 'presa_in_carico',
        },
      }),
    );
    processes.push(
      await startServiceProcess({
        app: 'gateway',
        httpPort: await freePort(),
        logFile: logFile('gateway'),
        workspaceRoot: root,
        env: {
          ...common,
          ...testNatsEnv('gateway'),
          AUTH_MODE: 'demo',
          HTTP_HOST: '127.0.0.1',
          JWT_LOCAL_SECRET: JWT_SECRET,
          TOKEN_RATE_LIMIT: '1000',
        },
      }),
    );
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    throw error;
  }
  return {
    gateway: processes.find((p) => p.app === 'gateway')!.baseUrl,
    databaseUrl,
    natsUrl,
    stop: async () => {
      for (const p of processes.reverse()) await p.stop();
    },
  };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/** A tiny HTTP client speaking to the gateway as a given demo user. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const response = await fetch(`${this.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: 'demo' }),
    });
    if (response.status !== 200 && response.status !== 201)
      throw new Error(`token ${user}: ${response.status}`);
    const token = ((await response.json()) as { access_token: string }).access_token;
    this.tokens.set(user, token);
    return token;
  }

  async request<T = Record<string, unknown>>(
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(user ? { authorization: `Bearer ${await this.token(user)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
  }
}
