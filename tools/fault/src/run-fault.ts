import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect, type NatsConnection } from 'nats';
import { Client } from 'pg';
import { UTENTE_COLLAUDO, UTENTE_OPERATORE, deadLetterStreamName, inboxPrefix } from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import {
  creaStreamDeiProduttori,
  freePort,
  generateIdentityKeys,
  serviceSigningEnv,
  prepareNatsAuth,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
  testServiceRoles,
  type PostgresHandle,
  type ServiceProcess,
} from '@ambito/testing';

/*
 * Fault-injection suite (issue 14, point 12). Starts the platform from dist/ with an embedded
 * PostgreSQL and a nats-server, drives commands through the gateway with retrying clients that use
 * Idempotency-Keys, kills (SIGKILL) and restarts each service once, restarts nats-server and
 * PostgreSQL, then checks what was acknowledged against the databases. Exit code 1 when a check fails.
 *
 *   npm run fault -- --commands 10000 [--concurrency 8]
 *
 * The mix, per persona: POST /persone, POST /accessi, POST /accessi/{id}/esito with a proposta di presa
 * in carico (which presa-in-carico's intake turns into a cartella), POST /budget/impegni on a line whose
 * dotazione covers about 60 % of them (the rest must be refused BUDGET_INSUFFICIENTE).
 */

const root = path.resolve(__dirname, '../../../..');
const JWT_SECRET = 'fault-suite-secret-fault-suite-secret-00';
const RPC_TIMEOUT_MS = 3000;
const RETRY_FOR_MS = 120_000;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name}: un intero positivo`);
  return value;
}

const COMMANDS = option('commands', 10_000);
const CONCURRENCY = option('concurrency', 8);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type App = 'accesso' | 'budget' | 'presa-in-carico' | 'gateway';

/** The platform's processes, each restartable on its own port. */
class Platform {
  readonly processes = new Map<App, ServiceProcess>();
  readonly ports = new Map<App, number>();
  constructor(
    private readonly env: (app: App) => Record<string, string>,
    private readonly logDir: string,
  ) {}

  async start(app: App): Promise<void> {
    const port = this.ports.get(app) ?? (await freePort());
    this.ports.set(app, port);
    this.processes.set(
      app,
      await startServiceProcess({
        app,
        httpPort: port,
        workspaceRoot: root,
        logFile: path.join(this.logDir, `${app}.log`),
        env: this.env(app),
        readyTimeoutMs: 180_000, // a restart on a loaded 2-core machine can be slow
      }),
    );
  }

  /** SIGKILL: no graceful drain, what was in flight is lost mid-way. */
  kill(app: App): void {
    const pid = this.processes.get(app)?.pid;
    if (pid) process.kill(pid, 'SIGKILL');
  }

  gateway(): string {
    return `http://127.0.0.1:${this.ports.get('gateway')}`;
  }

  async stop(): Promise<void> {
    for (const p of [...this.processes.values()].reverse()) await p.stop().catch(() => undefined);
  }
}

interface Ack {
  status: number;
  body: Record<string, unknown>;
  latencyMs: number;
  attempts: number;
  duringFault: boolean;
}

/** Fault windows: from injection until the component is back, plus a little. */
const faultWindows: Array<{ from: number; to: number }> = [];
const inFault = (t: number) => faultWindows.some((w) => t >= w.from && t <= w.to);

let tokens = new Map<string, string>();

async function token(base: string, user: string): Promise<string> {
  const cached = tokens.get(user);
  if (cached) return cached;
  for (;;) {
    try {
      const r = await fetch(`${base}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: 'demo' }),
      });
      if (r.ok) {
        const t = ((await r.json()) as { access_token: string }).access_token;
        tokens.set(user, t);
        return t;
      }
    } catch {
      // gateway down: retry
    }
    await sleep(200);
  }
}

/**
 * A client that retries until it gets a definite answer, always with the same Idempotency-Key:
 * network errors, 5xx (503, 504 ESITO_NON_DETERMINATO) and 409 IDEMPOTENCY_KEY_IN_USO are retried.
 */
async function command(
  base: string,
  method: string,
  url: string,
  body: unknown,
  user = 'operatore.crema',
): Promise<Ack> {
  const key = randomUUID();
  const started = performance.now();
  let attempts = 0;
  let faulty = inFault(Date.now());
  while (performance.now() - started < RETRY_FOR_MS) {
    attempts += 1;
    try {
      const r = await fetch(`${base}${url}`, {
        method,
        headers: {
          authorization: `Bearer ${await token(base, user)}`,
          'content-type': 'application/json',
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(RPC_TIMEOUT_MS + 5000),
      });
      const text = await r.text();
      const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
      const retry =
        r.status >= 500 || r.status === 429 || (r.status === 409 && parsed.code === 'IDEMPOTENCY_KEY_IN_USO');
      if (r.status === 401) tokens = new Map(); // a restarted gateway keeps the secret; just in case
      if (!retry && r.status !== 401) {
        faulty ||= inFault(Date.now());
        return {
          status: r.status,
          body: parsed,
          latencyMs: performance.now() - started,
          attempts,
          duringFault: faulty,
        };
      }
    } catch {
      // connection refused / reset / aborted: retry with the same key
    }
    faulty = true;
    await sleep(Math.min(100 * attempts, 1000));
  }
  throw new Error(`${method} ${url}: nessuna risposta definitiva in ${RETRY_FOR_MS} ms`);
}

function codiceFiscale(n: number): string {
  const letters = 'BCDFGHLMNPRSTVZ';
  let x = n;
  let prefix = '';
  for (let i = 0; i < 6; i++) {
    prefix += letters[x % letters.length];
    x = Math.floor(x / letters.length);
  }
  const first15 = `${prefix}50A41D142`;
  return first15 + checkChar(first15);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'ambito-fault-'));
  const pgDir = path.join(work, 'pg');
  const pgPort = await freePort();
  let postgres: PostgresHandle = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  // The bus as deployed: one NATS user per app with the permissions generated from the contracts.
  const natsAuth = await prepareNatsAuth(path.join(work, 'nats-auth'), { collaudo: true });
  const nats = await startNatsServer({ storeDir: path.join(work, 'nats'), configFile: natsAuth.configFile });
  const databaseUrl = await postgres.createDatabase('fault');
  const natsEnv = (user: string) => ({
    NATS_URL: nats.url,
    NATS_USER: user,
    NATS_PASSWORD: natsAuth.passwords[user],
  });
  const common = { AMBITO_CODICE: 'CREMA', NODE_ENV: 'test', LOG_LEVEL: 'warn' };
  // The gateway signs the actor, the services verify it; presa-in-carico's intake reads the proposta
  // from accesso with its own key.
  const identita = generateIdentityKeys();
  const { GATEWAY_SIGNING_KEY, ACTOR_TRUSTED_KEYS } = identita;
  // Each service as its runtime role, migrating as its schema's owner (the roles survive the restarts).
  const databases = new Map<App, Record<string, string>>();
  for (const [app, schema] of [
    ['accesso', 'accesso'],
    ['budget', 'budget'],
    ['presa-in-carico', 'presa_in_carico'],
  ] as const) {
    const { url, migrationUrl } = await testServiceRoles(databaseUrl, schema);
    databases.set(app, { DATABASE_URL: url, DATABASE_MIGRATION_URL: migrationUrl, DATABASE_SCHEMA: schema });
  }
  const platform = new Platform(
    (app) =>
      app === 'gateway'
        ? {
            ...common,
            ...natsEnv('gateway'),
            AUTH_MODE: 'demo',
            HTTP_HOST: '127.0.0.1',
            TOKEN_RATE_LIMIT: '10000',
            JWT_LOCAL_SECRET: JWT_SECRET,
            GATEWAY_SIGNING_KEY,
            RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
          }
        : {
            ...common,
            ...natsEnv(app),
            ...databases.get(app),
            ACTOR_TRUSTED_KEYS,
            ...serviceSigningEnv(identita, app),
          },
    work,
  );
  const apps: App[] = ['accesso', 'budget', 'presa-in-carico', 'gateway'];
  const faultsInjected: string[] = [];
  try {
    // Presa in carico waits for the streams of misure and the sportello, which this suite does not start.
    const collaudo = await connect({
      servers: nats.url,
      user: UTENTE_COLLAUDO,
      pass: natsAuth.passwords[UTENTE_COLLAUDO],
    });
    await creaStreamDeiProduttori(await collaudo.jetstreamManager());
    await collaudo.close();
    for (const app of apps) await platform.start(app);
    const base = platform.gateway();
    const territorio = (await (
      await fetch(`${base}/api/v1/territorio`, {
        headers: { authorization: `Bearer ${await token(base, 'operatore.crema')}` },
      })
    ).json()) as {
      sedi: Array<{ codice: string; subAmbito: string; tipo: string }>;
      comuni: Array<{ istat: string; subAmbito: string }>;
    };
    const sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
    const comune = territorio.comuni.find((c) => c.subAmbito === 'SA-CREMA')!.istat;

    // Budget: a line whose dotazione covers about 60 % of the impegni the run will ask for (10 € each),
    // so that over-commitment is tried for real and must be refused.
    const IMPEGNO = 1000;
    const dotazione = IMPEGNO * Math.max(10, Math.floor((COMMANDS / 4) * 0.6));
    for (const [url, body] of [
      [
        '/api/v1/budget/assegnazioni',
        {
          fondo: 'FNA-B2',
          anno: 2024,
          atto: { tipo: 'decreto', numero: '1234', data: '2024-03-18' },
          importoCentesimi: dotazione * 2,
        },
      ],
      [
        '/api/v1/budget/linee',
        {
          codice: 'FAULT-1',
          denominazione: 'Linea della prova dei guasti',
          esercizio: 2025,
          categoria: 'misure-b2',
          preventivoCentesimi: dotazione,
        },
      ],
      [
        '/api/v1/budget/dotazioni',
        { fondo: 'FNA-B2', anno: 2024, linea: 'FAULT-1', importoCentesimi: dotazione },
      ],
    ] as const) {
      const r = await command(base, 'POST', url, body, 'udp');
      if (r.status !== 201) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
    }

    // The faults, spread over the run (by commands acknowledged).
    const schedule: Array<{ at: number; name: string; inject: () => Promise<void> }> = [
      ...(['accesso', 'presa-in-carico', 'budget', 'gateway'] as App[]).map((app, i) => ({
        at: Math.floor((COMMANDS * (i + 1)) / 8),
        name: `kill -9 ${app}`,
        inject: async () => {
          platform.kill(app);
          await sleep(500);
          await platform.start(app);
        },
      })),
      {
        at: Math.floor((COMMANDS * 5) / 8),
        name: 'restart nats-server',
        inject: () => nats.restart(),
      },
      {
        at: Math.floor((COMMANDS * 6) / 8),
        name: 'restart PostgreSQL',
        inject: async () => {
          await postgres.stop();
          postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
        },
      },
    ];

    const personas: Array<{ cf: string; id: string }> = [];
    const accessi: Array<{ id: string; cf: string }> = [];
    const proposte: Array<{ accessoId: string; cf: string }> = [];
    const impegni: string[] = [];
    let budgetInsufficiente = 0;
    const refusals: string[] = [];
    let replyLost = 0;
    const latencies: number[] = [];
    const faultLatencies: number[] = [];
    let acknowledged = 0;
    let refused = 0;
    let next = 0;
    let faultsDone = false;
    let faultError: unknown;
    const record = (ack: Ack) => {
      acknowledged += 1;
      if (ack.status === 409 && ack.body.code === 'IDEMPOTENCY_KEY_SENZA_RISPOSTA') {
        // Executed, but the service stopped between its commit and storing the reply: a definite
        // "it happened" without the reply. Counted apart; its effect is checked like the others'.
        replyLost += 1;
        latencies.push(ack.latencyMs);
        if (ack.duringFault) faultLatencies.push(ack.latencyMs);
        return;
      }
      if (ack.status >= 400) {
        refused += 1; // (BUDGET_INSUFFICIENTE is counted apart)
        refusals.push(
          `${ack.status} ${String(ack.body.code)} ${String(ack.body.instance)} (${ack.attempts} attempts)`,
        );
      }
      latencies.push(ack.latencyMs);
      if (ack.duringFault) faultLatencies.push(ack.latencyMs);
    };
    // One fault at a time, each when its share of the commands is acknowledged; the clients keep
    // going (past N if needed) until every fault has been injected and recovered from.
    const faults = (async () => {
      for (const fault of schedule) {
        while (acknowledged < fault.at) await sleep(50);
        const window = { from: Date.now(), to: Number.MAX_SAFE_INTEGER };
        faultWindows.push(window);
        faultsInjected.push(fault.name);
        process.stdout.write(`  fault: ${fault.name} (after ${acknowledged} commands)\n`);
        await fault.inject();
        window.to = Date.now() + 5000;
      }
      faultsDone = true;
    })().catch((error: unknown) => {
      // A component that does not come back ends the run (after the clients stop), not the process.
      faultError = error;
      faultsDone = true;
    });

    const started = performance.now();
    // Each worker drives whole persona flows (3 commands) until the budget of commands is used.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < COMMANDS || !faultsDone) {
          const n = next;
          next += 4;
          const cf = codiceFiscale(n + 7919);
          const p = await command(base, 'POST', '/api/v1/persone', {
            codiceFiscale: cf,
            cognome: 'Prova',
            nome: 'Guasto',
            dataNascita: '1950-01-01',
            luogoNascita: 'D142',
            sesso: 'F',
            cittadinanza: 'IT',
            comuneResidenza: comune,
          });
          record(p);
          if (p.status !== 201) continue;
          personas.push({ cf, id: p.body.id as string });
          const a = await command(base, 'POST', '/api/v1/accessi', {
            personaId: p.body.id,
            sede,
            canale: 'sportello',
            presentatoDa: 'interessato',
            areaBisogno: 'anziani',
            richiesta: 'Chiede aiuto.',
          });
          record(a);
          if (a.status !== 201) continue;
          accessi.push({ id: a.body.id as string, cf });
          const c = await command(base, 'POST', `/api/v1/accessi/${a.body.id as string}/esito`, {
            tipo: 'proposta-presa-in-carico',
            motivazione: 'Perdita di autonomia',
            urgenza: 'ordinaria',
          });
          record(c);
          if (c.status === 200 || c.body.code === 'IDEMPOTENCY_KEY_SENZA_RISPOSTA') {
            proposte.push({ accessoId: a.body.id as string, cf });
          }
          const chiave = `fault:impegno:${n}`;
          const i = await command(
            base,
            'POST',
            '/api/v1/budget/impegni',
            {
              chiaveIdempotenza: chiave,
              linea: 'FAULT-1',
              importoCentesimi: IMPEGNO,
              descrizione: 'Prova dei guasti',
              determina: { numero: 'FAULT/1', data: '2025-01-15' },
              creditore: { tipo: 'persona', identificativo: `persona:fault-${n}` },
            },
            'udp',
          );
          if (i.status === 409 && i.body.code === 'BUDGET_INSUFFICIENTE') {
            budgetInsufficiente += 1; // a correct refusal: the line is spent
            i.status = 0;
          }
          record(i);
          if (i.status === 201) impegni.push(chiave);
        }
      }),
    );
    await faults;
    if (faultError) throw faultError;
    const elapsed = performance.now() - started;

    // Checks, against the databases (the intake may still be catching up after the faults).
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const count = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);
    let missing = 0;
    let duplicated = 0;
    for (const p of personas) {
      const n = await count(`SELECT count(*) AS n FROM accesso.persona WHERE codice_fiscale = $1`, [p.cf]);
      if (n === 0) missing += 1;
      if (n > 1) duplicated += n - 1;
    }
    const perPersona = await db.query(
      `SELECT persona_id, count(*)::int AS n FROM accesso.accesso GROUP BY persona_id HAVING count(*) > 1`,
    );
    duplicated += perPersona.rows.reduce((s: number, r: { n: number }) => s + r.n - 1, 0);
    for (const a of accessi) {
      if ((await count(`SELECT count(*) AS n FROM accesso.accesso WHERE id = $1`, [a.id])) === 0)
        missing += 1;
    }
    for (const chiave of impegni) {
      const n = await count(`SELECT count(*) AS n FROM budget.impegno WHERE chiave_idempotenza = $1`, [
        chiave,
      ]);
      if (n === 0) missing += 1;
    }
    const { rows: impegnato } = await db.query(
      `SELECT count(*)::int AS n, coalesce(sum(i.importo_iniziale_centesimi), 0)::bigint AS totale
         FROM budget.impegno i JOIN budget.linea l ON l.id = i.linea_id WHERE l.codice = 'FAULT-1'`,
    );
    const impegnatoCentesimi = Number(impegnato[0].totale);
    if (impegnato[0].n > impegni.length) duplicated += impegnato[0].n - impegni.length;
    const overCommitted = impegnatoCentesimi > dotazione;
    let proposteSenzaCartella = 0;
    const deadline = Date.now() + 120_000;
    for (;;) {
      proposteSenzaCartella = 0;
      for (const p of proposte) {
        const proposta = await count(
          `SELECT count(*) AS n FROM presa_in_carico.proposta WHERE accesso_id = $1`,
          [p.accessoId],
        );
        const cartelle = await count(
          `SELECT count(*) AS n FROM presa_in_carico.cartella WHERE codice_fiscale = $1`,
          [p.cf],
        );
        if (proposta !== 1 || cartelle !== 1) proposteSenzaCartella += 1;
      }
      if (proposteSenzaCartella === 0 || Date.now() > deadline) break;
      await sleep(2000);
    }
    await db.end();
    const deadLetters = await countDeadLetters(nats.url, natsAuth.passwords[UTENTE_OPERATORE]);

    // Every command is valid: a refusal means a retry was taken for a new command (e.g. 409 on a persona).
    const ok =
      missing === 0 &&
      duplicated === 0 &&
      proposteSenzaCartella === 0 &&
      refused === 0 &&
      !overCommitted &&
      deadLetters.total === 0;
    const lines = [
      `fault-injection suite: ${COMMANDS} commands requested, concurrency ${CONCURRENCY}, ${(elapsed / 1000).toFixed(1)} s`,
      `  commands acknowledged:            ${acknowledged} (${refused} refused with a 4xx, must be 0; ${replyLost} executed with the reply lost, IDEMPOTENCY_KEY_SENZA_RISPOSTA)`,
      `  faults injected:                  ${faultsInjected.length} (${faultsInjected.join(', ')})`,
      `  acknowledged commands missing:    ${missing}`,
      `  duplicated effects:               ${duplicated}`,
      `  proposte → exactly one cartella:  ${proposte.length - proposteSenzaCartella}/${proposte.length}`,
      `  dead letters (must be 0):         ${deadLetters.total} (${deadLetters.detail})`,
      `  budget never over-committed:      ${overCommitted ? 'NO' : 'yes'} (impegnato ${impegnatoCentesimi} of ${dotazione} cents, ${impegni.length} impegni, ${budgetInsufficiente} refused BUDGET_INSUFFICIENTE)`,
      `  latency, all (ms):                p50 ${percentile(latencies, 50).toFixed(0)}  p99 ${percentile(latencies, 99).toFixed(0)}`,
      `  latency during faults (ms):       p50 ${percentile(faultLatencies, 50).toFixed(0)}  p99 ${percentile(faultLatencies, 99).toFixed(0)}  (${faultLatencies.length} commands)`,
      ...refusals.slice(0, 10).map((r) => `  refused: ${r}`),
      ok ? 'RESULT: ok' : 'RESULT: FAILED',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await platform.stop();
    await nats.destroy();
    await postgres.stop();
    if (!process.env.FAULT_KEEP) {
      await rm(work, { recursive: true, force: true });
      // As root the cluster is relocated (libs/testing): its own cluster-<id> directory goes too.
      const cluster = path.dirname(postgres.dataDir);
      const relocated = path.basename(cluster).startsWith('cluster-');
      await rm(relocated ? cluster : postgres.dataDir, { recursive: true, force: true });
    } else process.stdout.write(`  logs and data kept in ${work}\n`);
  }
}

/** Every valid command's events must be handled, whatever the faults: no dead letter at all. */
async function countDeadLetters(url: string, password: string): Promise<{ total: number; detail: string }> {
  const nc: NatsConnection = await connect({
    servers: url,
    user: UTENTE_OPERATORE,
    pass: password,
    inboxPrefix: inboxPrefix(UTENTE_OPERATORE),
  });
  try {
    const jsm = await nc.jetstreamManager();
    const counts: string[] = [];
    let total = 0;
    for (const app of ['accesso', 'budget', 'presa-in-carico']) {
      const n = await jsm.streams
        .info(deadLetterStreamName(app))
        .then((i) => i.state.messages)
        .catch(() => 0); // no consumer, no dead-letter stream
      total += n;
      counts.push(`${app} ${n}`);
    }
    return { total, detail: counts.join(', ') };
  } finally {
    await nc.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
