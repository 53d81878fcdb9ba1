import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import {
  connectTestNats,
  creaStreamDeiProduttori,
  createTestDatabase,
  freePort,
  generateIdentityKeys,
  serviceSigningEnv,
  startFakeInpsIsee,
  startFakePdnd,
  startServiceProcess,
  testNatsEnv,
  testServiceRoles,
  type FakeInpsIsee,
  type FakePdnd,
  type ServiceProcess,
} from '@ambito/testing';

type App =
  'accesso' | 'budget' | 'presa-in-carico' | 'misure' | 'assistenti-familiari' | 'integrazioni' | 'gateway';

/** What a run with integrazioni has outside the platform: the fake INPS and PDND it talks to. */
export interface EsterniIntegrazioni {
  /** The fake INPS ConsultazioneISEE (its `dsu` list is what INPS knows; `richieste` what it was asked). */
  inps: FakeInpsIsee;
  /** The fake PDND that issues the ambito's vouchers for INPS ISEE. */
  pdndIsee: FakePdnd;
  /** The fake PDND that issues INPS's vouchers for the ambito's WaaS e-service (the gateway trusts its JWKS). */
  pdndWaas: FakePdnd;
  /** A voucher for the WaaS API, asked of the fake PDND as INPS's client does (client credentials, RFC 7523). */
  voucherWaas(): Promise<string>;
}

export interface Platform {
  gateway: string;
  /** Base URL of each app started (its health and, outside production, its /metrics). */
  servizi: Partial<Record<App, string>>;
  databaseUrl: string;
  natsUrl: string;
  /** With integrazioni: the fake INPS and PDND of the run. */
  esterni?: EsterniIntegrazioni;
  /** Stops one app (e.g. accesso, to see what its callers do without it). */
  ferma(app: App): Promise<void>;
  /** Starts a stopped app again, with the same configuration and database. */
  riavvia(app: App): Promise<void>;
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');
export const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-e2e-00';

/** Set E2E_LOG_DIR to keep each app's JSON logs (e.g. to read why a test failed). */
const logFile = (app: string) =>
  process.env.E2E_LOG_DIR ? path.join(process.env.E2E_LOG_DIR, `${app}.log`) : undefined;

export interface PlatformOptions {
  /** Another nats-server than the test run's (e.g. one the test pauses). */
  natsUrl?: string;
  /**
   * The services to start (default accesso, budget, presa-in-carico and misure; assistenti-familiari only
   * when listed, on the Ambito Oglio Po's territorio with its two sportelli; integrazioni only when
   * listed, with its INPS ISEE adapter on against a fake INPS and a fake PDND, and the gateway's WaaS API
   * on, trusting another fake PDND's vouchers); the gateway always starts.
   */
  services?: Array<
    'accesso' | 'budget' | 'presa-in-carico' | 'misure' | 'assistenti-familiari' | 'integrazioni'
  >;
  /** More environment for the gateway (e.g. RPC_TIMEOUT_MS). */
  gatewayEnv?: Record<string, string>;
}

/** Starts accesso, budget, presa-in-carico, misure and gateway from dist/ as processes, on a fresh database and the test NATS server. */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const natsUrl = options.natsUrl ?? process.env.TEST_NATS_URL!;
  const ownNats: Record<string, string> = options.natsUrl ? { NATS_URL: options.natsUrl } : {};
  const services = new Set<string>(options.services ?? ['accesso', 'budget', 'presa-in-carico', 'misure']);
  const databaseUrl = await createTestDatabase('e2e');
  // E2E_LOG_LEVEL: the fuzz reads every line (info), the flows only the warnings.
  const common = { AMBITO_CODICE: 'CREMA', NODE_ENV: 'test', LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn' };
  // Each service as its runtime role, migrating as its schema's owner, as in production.
  const database = async (schema: string) => {
    const { url, migrationUrl } = await testServiceRoles(databaseUrl, schema);
    return { DATABASE_URL: url, DATABASE_MIGRATION_URL: migrationUrl, DATABASE_SCHEMA: schema };
  };
  // This run's key pair: the gateway signs the actor, the services verify it.
  const identita = generateIdentityKeys();
  const { GATEWAY_SIGNING_KEY, ACTOR_TRUSTED_KEYS } = identita;
  const processes: ServiceProcess[] = [];
  const esterni = services.has('integrazioni') ? await avviaEsterni() : undefined;
  const avvii = new Map<string, Parameters<typeof startServiceProcess>[0]>();
  // E2E_READY_TIMEOUT_MS: a longer wait for each app's readiness on a loaded machine (default 60 s).
  const pronto = Number(process.env.E2E_READY_TIMEOUT_MS) || undefined;
  const avvia = (opzioni: Parameters<typeof startServiceProcess>[0]) => {
    const conAttesa = { ...opzioni, readyTimeoutMs: opzioni.readyTimeoutMs ?? pronto };
    avvii.set(opzioni.app, conAttesa);
    return startServiceProcess(conAttesa);
  };
  try {
    // Every producer's stream exists before the consumers start, whichever services this run starts: a
    // consumer waits for its producer's stream, which a service not started here would never make.
    const collaudo = await connectTestNats(undefined, {
      name: 'e2e-streams',
      ...(options.natsUrl ? { servers: options.natsUrl } : {}),
    });
    await creaStreamDeiProduttori(await collaudo.jetstreamManager());
    await collaudo.close();
    if (services.has('accesso'))
      processes.push(
        await avvia({
          app: 'accesso',
          httpPort: await freePort(),
          logFile: logFile('accesso'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('accesso'),
            ...ownNats,
            ...(await database('accesso')),
            ACTOR_TRUSTED_KEYS,
          },
        }),
      );
    if (services.has('budget'))
      processes.push(
        await avvia({
          app: 'budget',
          httpPort: await freePort(),
          logFile: logFile('budget'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('budget'),
            ...ownNats,
            ...(await database('budget')),
            ACTOR_TRUSTED_KEYS,
          },
        }),
      );
    // presa-in-carico and misure consume each other's events and a consumer waits for its producer's
    // stream before it is ready: started together, each makes its own stream and then finds the other's.
    const coppia: Array<Promise<ServiceProcess>> = [];
    if (services.has('presa-in-carico'))
      coppia.push(
        avvia({
          app: 'presa-in-carico',
          httpPort: await freePort(),
          logFile: logFile('presa-in-carico'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('presa-in-carico'),
            ...ownNats,
            ...(await database('presa_in_carico')),
            ACTOR_TRUSTED_KEYS,
            ...serviceSigningEnv(identita, 'presa-in-carico'),
          },
        }),
      );
    if (services.has('misure'))
      coppia.push(
        avvia({
          app: 'misure',
          httpPort: await freePort(),
          logFile: logFile('misure'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('misure'),
            ...ownNats,
            ...(await database('misure')),
            ACTOR_TRUSTED_KEYS,
            ...serviceSigningEnv(identita, 'misure'),
          },
        }),
      );
    // integrazioni consumes misure's events (istanze, benefici) and misure consumes its ISEE: started with them.
    if (esterni)
      coppia.push(
        avvia({
          app: 'integrazioni',
          httpPort: await freePort(),
          logFile: logFile('integrazioni'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('integrazioni'),
            ...ownNats,
            ...(await database('integrazioni')),
            ACTOR_TRUSTED_KEYS,
            ...serviceSigningEnv(identita, 'integrazioni'),
            ...esterni.env,
          },
        }),
      );
    processes.push(...(await Promise.all(coppia)));
    if (services.has('assistenti-familiari'))
      processes.push(
        await avvia({
          app: 'assistenti-familiari',
          httpPort: await freePort(),
          logFile: logFile('assistenti-familiari'),
          workspaceRoot: root,
          env: {
            ...common,
            ...testNatsEnv('assistenti-familiari'),
            ...ownNats,
            ...(await database('assistenti_familiari')),
            ACTOR_TRUSTED_KEYS,
            TERRITORIO_FILE: path.join(root, 'libs/territorio/src/seed/ambito-oglio-po.v1.json'),
          },
        }),
      );
    processes.push(
      await avvia({
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
          GATEWAY_SIGNING_KEY,
          ...ownNats,
          ...esterni?.gatewayEnv,
          ...options.gatewayEnv,
        },
      }),
    );
  } catch (error) {
    await Promise.all(processes.map((p) => p.stop()));
    await esterni?.chiudi();
    throw error;
  }
  return {
    gateway: processes.find((p) => p.app === 'gateway')!.baseUrl,
    servizi: Object.fromEntries(processes.map((p) => [p.app, p.baseUrl])),
    databaseUrl,
    natsUrl,
    ...(esterni ? { esterni: esterni.esterni } : {}),
    ferma: async (app) => {
      const i = processes.findIndex((p) => p.app === app);
      if (i < 0) return;
      const [processo] = processes.splice(i, 1);
      await processo.stop();
    },
    riavvia: async (app) => {
      if (processes.some((p) => p.app === app)) return;
      processes.push(await startServiceProcess(avvii.get(app)!));
    },
    stop: async () => {
      for (const p of processes.reverse()) await p.stop();
      await esterni?.chiudi();
    },
  };
}

/** The ambito's PDND client for INPS ISEE, as tools/dev/src/start-platform.ts configures the demo's. */
const ISEE = {
  clientId: 'e2e-ambito-crema',
  kid: 'e2e-crema-1',
  purposeId: 'e2e-purpose-isee',
  audiencePdnd: 'auth.interop.pagopa.it/client-assertion',
  audienceInps: 'https://api.inps.it/pdnd/soap/ConsultazioneISEE/v1',
};
/** INPS's PDND client for the ambito's WaaS e-service, and the audience of that e-service's vouchers. */
const WAAS = {
  clientId: 'e2e-inps-waas',
  kid: 'e2e-inps-1',
  purposeId: 'e2e-purpose-siuss',
  audience: 'http://127.0.0.1/api/v1/waas/v1',
};

/**
 * The fakes of integrazioni's run (libs/testing/src/fakes): PDND for the ambito's vouchers, INPS ISEE
 * (knowing no DSU until a test adds one) and a second PDND for INPS's vouchers on the WaaS API, whose
 * JWKS the gateway reads as it reads PDND's in production (PDND_JWKS_URL).
 */
async function avviaEsterni(): Promise<{
  esterni: EsterniIntegrazioni;
  env: Record<string, string>;
  gatewayEnv: Record<string, string>;
  chiudi: () => Promise<void>;
}> {
  const ambito = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const inpsClient = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // The ambito's PDND key as a mounted secret: a file, never in the repository.
  const keyFile = path.join(mkdtempSync(path.join(tmpdir(), 'e2e-pdnd-')), 'pdnd.key');
  writeFileSync(keyFile, ambito.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const pdndIsee = await startFakePdnd({
    audience: ISEE.audiencePdnd,
    audienceVoucher: ISEE.audienceInps,
    clienti: [
      {
        clientId: ISEE.clientId,
        kid: ISEE.kid,
        chiavePubblica: ambito.publicKey,
        purposeIds: [ISEE.purposeId],
      },
    ],
  });
  const inps = await startFakeInpsIsee({
    chiavePdnd: pdndIsee.chiavePubblica,
    audience: ISEE.audienceInps,
    purposeId: ISEE.purposeId,
  });
  const pdndWaas = await startFakePdnd({
    audience: ISEE.audiencePdnd,
    audienceVoucher: WAAS.audience,
    clienti: [
      {
        clientId: WAAS.clientId,
        kid: WAAS.kid,
        chiavePubblica: inpsClient.publicKey,
        purposeIds: [WAAS.purposeId],
      },
    ],
  });
  return {
    esterni: {
      inps,
      pdndIsee,
      pdndWaas,
      voucherWaas: () =>
        voucherPdnd(pdndWaas.tokenUrl, {
          clientId: WAAS.clientId,
          kid: WAAS.kid,
          purposeId: WAAS.purposeId,
          audience: ISEE.audiencePdnd,
          chiave: inpsClient.privateKey,
        }),
    },
    env: {
      INPS_ISEE_ATTIVO: 'si',
      INPS_ISEE_URL: inps.url,
      INPS_ISEE_PURPOSE_ID: ISEE.purposeId,
      INPS_ISEE_AUDIENCE: ISEE.audienceInps,
      PDND_TOKEN_URL: pdndIsee.tokenUrl,
      PDND_AUDIENCE: ISEE.audiencePdnd,
      PDND_CLIENT_ID: ISEE.clientId,
      PDND_KID: ISEE.kid,
      PDND_KEY_FILE: keyFile,
      // Generous: the fake validates each message against the XSD (xmllint) on a small shared machine.
      INPS_ISEE_TIMEOUT_MS: '6000',
      INPS_ISEE_BACKOFF_MS: '50',
      INPS_ISEE_CODA_INTERVALLO_MS: '200',
      INPS_ISEE_RINVIO_MS: '500',
    },
    gatewayEnv: {
      PDND_AUDIENCE: WAAS.audience,
      PDND_JWKS_URL: pdndWaas.jwksUrl,
      PDND_ISSUER: 'fake-pdnd',
    },
    chiudi: async () => {
      await inps.chiudi();
      await pdndIsee.chiudi();
      await pdndWaas.chiudi();
    },
  };
}

/** A voucher from a PDND token endpoint: client credentials with a client assertion (RFC 7523) signed RS256. */
export async function voucherPdnd(
  tokenUrl: string,
  client: { clientId: string; kid: string; purposeId: string; audience: string; chiave: KeyObject },
): Promise<string> {
  const assertion = await new SignJWT({ purposeId: client.purposeId })
    .setProtectedHeader({ alg: 'RS256', kid: client.kid, typ: 'JWT' })
    .setIssuer(client.clientId)
    .setSubject(client.clientId)
    .setAudience(client.audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(client.chiave);
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }),
  });
  if (response.status !== 200) throw new Error(`PDND voucher: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  contentType: string;
  headers: Headers;
  body: T;
}

/**
 * A tiny HTTP client speaking to the gateway as a given demo user. Every request declares a purpose
 * (reads of personal data require one); pass `x-finalita` / `x-motivo` as '' to send none.
 */
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
        'x-finalita': 'presa-in-carico',
        'x-motivo': 'verifica end-to-end',
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
