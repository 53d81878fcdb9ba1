import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AckPolicy, DeliverPolicy, connect, headers, type NatsConnection } from 'nats';
import { createPrivateKey, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import { ACCESSO_RPC, HEADER, type Actor, type EventEnvelope, type PersonaV1 } from '@ambito/contracts';
import {
  freePort,
  generateIdentityKeys,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
} from '@ambito/testing';
import { formatRow, summarise, type Summary } from './stats';
import { signActor } from './actor-firmato';

const root = path.resolve(__dirname, '../../../..');
const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 1000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const PACED_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

/** (a) the physical floor: one raw NATS request/reply plus one raw pg insert, sequentially. */
async function floor(natsUrl: string, databaseUrl: string): Promise<Summary> {
  const nc = await connect({ servers: natsUrl });
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  await pg.query(
    'CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz DEFAULT now())',
  );
  const sub = nc.subscribe('bench.floor', { queue: 'bench' });
  void (async () => {
    for await (const m of sub) m.respond(m.data);
  })();
  const payload = JSON.stringify({ richiesta: 'x'.repeat(200), areaBisogno: 'anziani' });
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL + 100; i++) {
    const t0 = performance.now();
    await nc.request('bench.floor', new TextEncoder().encode(payload), { timeout: 2000 });
    await pg.query('INSERT INTO bench_floor (payload) VALUES ($1)', [payload]);
    if (i >= 100) samples.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  sub.unsubscribe();
  await nc.close();
  await pg.end();
  return summarise(samples, elapsed);
}

/** Repeats a measured call sequentially after a warm-up. */
async function sequential(measure: () => Promise<number>): Promise<Summary> {
  for (let i = 0; i < 100; i++) await measure();
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < SEQUENTIAL; i++) samples.push(await measure());
  return summarise(samples, performance.now() - started);
}

/** Where (b) spends its time: the accesso service alone, over NATS as the gateway calls it. */
async function serviceOnly(nc: NatsConnection, body: string, signingKey: KeyObject): Promise<Summary> {
  const actor: Actor = {
    userId: 'operatore.crema',
    nome: 'Bench',
    ruoli: ['operatore-accesso'],
    ambito: 'CREMA',
    subAmbiti: ['SA-CREMA'],
    comuni: [],
  };
  const data = JSON.stringify(JSON.parse(body) as unknown);
  const subject = ACCESSO_RPC.registraAccesso.subject;
  return sequential(async () => {
    const h = headers();
    const correlationId = randomUUID();
    // Signed before the clock starts: the gateway's share; the service's verification is measured.
    h.set(HEADER.actor, await signActor(signingKey, actor, subject, correlationId, data));
    h.set(HEADER.correlationId, correlationId);
    // The platform's wire (libs/messaging rpc-wire): the body is the command, the reply says its esito.
    const t0 = performance.now();
    const reply = await nc.request(subject, data, {
      timeout: 2000,
      headers: h,
    });
    const elapsed = performance.now() - t0;
    if (reply.headers?.get(HEADER.esito) !== 'ok') throw new Error(`accesso: ${reply.string()}`);
    return elapsed;
  });
}

/** Where (b) spends its time: an HTTP round trip to the gateway that does nothing else. */
function httpOnly(gateway: string): Promise<Summary> {
  return sequential(async () => {
    const t0 = performance.now();
    const response = await fetch(`${gateway}/health/live`);
    await response.arrayBuffer();
    return performance.now() - t0;
  });
}

async function token(gateway: string, username: string): Promise<string> {
  const response = await fetch(`${gateway}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

function accessoBody(personaId: string): string {
  return JSON.stringify({
    personaId,
    sede: 'SEDE-CREMA-HUB',
    canale: 'sportello',
    presentatoDa: 'interessato',
    areaBisogno: 'anziani',
    richiesta: 'Richiesta di informazioni sui servizi domiciliari per anziani non autosufficienti.',
  });
}

async function postAccesso(gateway: string, auth: string, body: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(`${gateway}/api/v1/accessi`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 201) throw new Error(`POST /accessi: HTTP ${response.status}`);
  return performance.now() - t0;
}

/**
 * (b) the platform path at a fixed arrival rate (open loop): latency counts from the scheduled send
 * time, so a slow response delays nothing and hides nothing (no coordinated omission).
 */
async function platformPaced(gateway: string, auth: string, body: string): Promise<Summary> {
  const total = RATE * PACED_SECONDS;
  const interval = 1000 / RATE;
  const started = performance.now();
  const inflight: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inflight.push(
      fetch(`${gateway}/api/v1/accessi`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json' },
        body,
      }).then(async (r) => {
        await r.arrayBuffer();
        if (r.status !== 201) throw new Error(`HTTP ${r.status}`);
        return performance.now() - scheduled;
      }),
    );
  }
  const samples = await Promise.all(inflight);
  return summarise(samples, performance.now() - started);
}

/** (c) from the event's creation in the outbox transaction to its delivery to a JetStream consumer. */
async function outboxToConsumer(nc: NatsConnection, run: () => Promise<void>): Promise<Summary> {
  const jsm = await nc.jetstreamManager();
  await jsm.consumers.add('EVT_ACCESSO', {
    durable_name: 'bench',
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.New,
    filter_subject: 'evt.accesso.accesso.registrato.v1',
  });
  const consumer = await nc.jetstream().consumers.get('EVT_ACCESSO', 'bench');
  const messages = await consumer.consume();
  const samples: number[] = [];
  const done = (async () => {
    for await (const m of messages) {
      const envelope = m.json<EventEnvelope>();
      samples.push(Date.now() - Date.parse(envelope.occurredAt));
      m.ack();
    }
  })();
  const started = performance.now();
  await run();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await messages.close();
  await done;
  return summarise(samples, performance.now() - started);
}

async function main(): Promise<void> {
  // Durable settings (fsync, synchronous commit) as in production, for the floor and the platform alike;
  // the test clusters turn them off.
  const pgDir = await mkdtemp(path.join(tmpdir(), 'ambito-bench-'));
  await chmod(pgDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'cluster'), persistent: true });
  const nats = await startNatsServer({});
  const natsUrl = nats.url;
  const common = { NATS_URL: natsUrl, AMBITO_CODICE: 'CREMA', NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  const { GATEWAY_SIGNING_KEY, ACTOR_TRUSTED_KEYS } = generateIdentityKeys('bench');
  const accesso = await startServiceProcess({
    app: 'accesso',
    httpPort: await freePort(),
    workspaceRoot: root,
    env: { ...common, DATABASE_URL: pg.url, DATABASE_SCHEMA: 'accesso', ACTOR_TRUSTED_KEYS },
  });
  const gatewayProcess = await startServiceProcess({
    app: 'gateway',
    httpPort: await freePort(),
    workspaceRoot: root,
    env: {
      ...common,
      AUTH_MODE: 'demo',
      HTTP_HOST: '127.0.0.1',
      JWT_LOCAL_SECRET: 'bench-secret-bench-secret-bench-secret-00',
      GATEWAY_SIGNING_KEY,
    },
  });
  const signingKey = createPrivateKey({ key: JSON.parse(GATEWAY_SIGNING_KEY) as JsonWebKey, format: 'jwk' });
  const gateway = gatewayProcess.baseUrl;
  const nc = await connect({ servers: natsUrl });
  try {
    const auth = `Bearer ${await token(gateway, 'operatore.crema')}`;
    const persona = await fetch(`${gateway}/api/v1/persone`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        codiceFiscale: 'VRDGNN50A41D142Z',
        cognome: 'Verdi',
        nome: 'Giovanna',
        dataNascita: '1950-01-01',
        luogoNascita: 'D142',
        sesso: 'F',
        cittadinanza: 'IT',
        comuneResidenza: '019035',
      }),
    });
    const personaId = ((await persona.json()) as PersonaV1).id;
    const body = accessoBody(personaId);

    console.log(
      `Benchmark su ${process.arch}, Node ${process.version}: ${SEQUENTIAL} richieste in sequenza, poi ${RATE} req/s per ${PACED_SECONDS} s\n`,
    );
    const a = await floor(natsUrl, pg.url);
    console.log(formatRow('(a) pavimento: NATS req/reply + insert pg', a));
    const b = await sequential(() => postAccesso(gateway, auth, body)); // comparable with the floor
    console.log(formatRow('(b) POST /accessi via gateway, in sequenza', b));
    console.log(formatRow('    di cui: servizio accesso via NATS', await serviceOnly(nc, body, signingKey)));
    console.log(formatRow('    di cui: HTTP verso il gateway (/health/live)', await httpOnly(gateway)));
    let paced: Summary | undefined;
    const c = await outboxToConsumer(nc, async () => {
      paced = await platformPaced(gateway, auth, body);
    });
    console.log(formatRow(`(b) POST /accessi via gateway, ${RATE} req/s`, paced!));
    console.log(formatRow('(c) outbox → consumer JetStream', c));
    const ratio = b.p50 / a.p50;
    console.log(`\nrapporto (b)/(a) a p50: ${ratio.toFixed(2)}  (obiettivo ≤ 3)`);
    console.log(`p99 di (b) a ${RATE} req/s: ${paced!.p99.toFixed(2)} ms  (obiettivo ≤ 25 ms)`);
    console.log(`p99 di (c): ${c.p99.toFixed(2)} ms  (obiettivo ≤ 100 ms)`);
  } finally {
    await nc.close();
    await gatewayProcess.stop();
    await accesso.stop();
    await nats.stop();
    await pg.stop();
    await rm(pgDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
