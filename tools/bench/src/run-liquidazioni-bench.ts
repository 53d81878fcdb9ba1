import 'reflect-metadata';
import path from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connect, headers, type NatsConnection } from 'nats';
import { createPrivateKey, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Client } from 'pg';
import {
  BUDGET_RPC,
  HEADER,
  MISURE_RPC,
  type Actor,
  type ErogazioneRunV1,
  type LiquidazioniMeseV1,
} from '@ambito/contracts';
import {
  freePort,
  generateIdentityKeys,
  serviceSigningEnv,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
} from '@ambito/testing';
import { signActor } from './actor-firmato';
import { ContatoreCpu, pidPostgres } from './cpu';

/*
 * Issue 10, point 9: the monthly run for 20,000 active benefici (the amount due of each, explained)
 * and the month's liquidazioni recorded in the budget (one key per beneficio and month, in batches of
 * 500), through the services' own requests, with durable PostgreSQL settings. The benefici and their
 * impegni are written by SQL (not timed). See README.md here.
 */

const root = path.resolve(__dirname, '../../../..');
const BENEFICI = Number(process.env.BENCH_BENEFICI ?? 20_000);
const MESE = '2025-06';
const MENSILE = 40_000;
const LOTTO = 5_000;
/** How long a service may take to start (a machine busy with other work may need more than a minute). */
const AVVIO_MS = Number(process.env.AMBITO_AVVIO_SECONDI ?? 60) * 1000;

const attore = (userId: string, ruoli: string[]): Actor => ({
  userId,
  nome: userId,
  ruoli: ruoli as Actor['ruoli'],
  ambito: 'CREMA',
  subAmbiti: [],
  comuni: [],
});
const UDP = attore('udp.bench', ['ufficio-di-piano']);

/** A request on the platform's wire, as the gateway sends it. */
async function chiama<T>(
  nc: NatsConnection,
  key: KeyObject,
  actor: Actor,
  subject: string,
  payload: unknown,
): Promise<T> {
  const data = JSON.stringify(payload);
  const h = headers();
  const correlationId = randomUUID();
  h.set(HEADER.actor, await signActor(key, actor, subject, correlationId, data));
  h.set(HEADER.correlationId, correlationId);
  const reply = await nc.request(subject, data, { timeout: 30_000, headers: h });
  if (reply.headers?.get(HEADER.esito) !== 'ok') throw new Error(`${subject}: ${reply.string()}`);
  return reply.json<T>();
}

const secondi = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const attesa = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const pgDir = await mkdtemp(path.join(tmpdir(), 'ambito-bench-liquidazioni-'));
  await chmod(pgDir, 0o755);
  // Durable settings (fsync, synchronous commit) as in production; the test clusters turn them off.
  const pg = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'cluster'), persistent: true });
  const nats = await startNatsServer({});
  const identita = generateIdentityKeys('bench');
  const common = {
    NATS_URL: nats.url,
    AMBITO_CODICE: 'CREMA',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
  };
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each service, written when it stops (.cpuprofile).
  const nodeArgs = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`]
    : [];
  const budget = await startServiceProcess({
    app: 'budget',
    httpPort: await freePort(),
    workspaceRoot: root,
    nodeArgs,
    readyTimeoutMs: AVVIO_MS,
    env: {
      ...common,
      DATABASE_URL: pg.url,
      DATABASE_SCHEMA: 'budget',
      ...serviceSigningEnv(identita, 'budget'),
    },
  });
  const misure = await startServiceProcess({
    app: 'misure',
    httpPort: await freePort(),
    workspaceRoot: root,
    logFile: process.env.BENCH_LOG_MISURE,
    nodeArgs,
    readyTimeoutMs: AVVIO_MS,
    env: {
      ...common,
      DATABASE_URL: pg.url,
      DATABASE_SCHEMA: 'misure',
      ...serviceSigningEnv(identita, 'misure'),
    },
  });
  const key = createPrivateKey({
    key: JSON.parse(identita.GATEWAY_SIGNING_KEY) as JsonWebKey,
    format: 'jwk',
  });
  const nc = await connect({ servers: nats.url });
  const sql = new Client({ connectionString: pg.url });
  await sql.connect();
  const cpu = new ContatoreCpu({
    budget: { pid: budget.pid! },
    misure: { pid: misure.pid! },
    postgres: { pid: pidPostgres(pg.dataDir), figli: true },
  });
  try {
    console.log(
      `Benchmark liquidazioni su ${process.arch}, Node ${process.version}: ${BENEFICI} benefici B2 attivi, mese ${MESE}; ` +
        `carico medio della macchina all’avvio ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' / ')} (1/5/15 min)\n`,
    );
    // ---- setup (not timed) ----
    const tSetup = performance.now();
    const totale = BENEFICI * MENSILE * 12;
    const b = (subject: string, payload: unknown) => chiama(nc, key, UDP, subject, payload);
    await b(BUDGET_RPC.registraAssegnazione.subject, {
      fondo: 'FNA-B2',
      anno: 2024,
      atto: { tipo: 'decreto', numero: 'FNA-2024', data: '2024-03-18' },
      importoCentesimi: totale,
    });
    await b(BUDGET_RPC.registraLinea.subject, {
      codice: '7.10.1',
      denominazione: 'Misura B2',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: totale,
    });
    await b(BUDGET_RPC.assegnaDotazione.subject, {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: '7.10.1',
      importoCentesimi: totale,
    });
    await b(BUDGET_RPC.registraAbilitazione.subject, {
      servizio: 'misure',
      linea: '7.10.1',
      operazioni: ['impegno', 'liquidazione', 'riduzione'],
      validoDal: '2025-01-01',
      atto: { tipo: 'determina', numero: '12/2025', data: '2024-12-30' },
    });
    const [regole] = (
      await sql.query<{ id: string }>(
        `SELECT id FROM misure.regole_misura WHERE misura = 'b2' AND annualita = 2025 AND stato = 'in-vigore'`,
      )
    ).rows;
    const avvisoId = randomUUID();
    const graduatoriaId = randomUUID();
    await sql.query(
      `INSERT INTO misure.avviso (id, ambito, misura, annualita, titolo, regole_id, apertura, chiusura, decorrenza, mesi, stato, creato_da)
       VALUES ($1, 'CREMA', 'b2', 2025, 'Misura B2 2025 (benchmark)', $2, '2025-03-01', '2025-03-31', '2025-04-01', 12,
               'graduatorie-approvate', 'udp.bench')`,
      [avvisoId, regole.id],
    );
    await sql.query(
      `INSERT INTO misure.graduatoria (id, avviso_id, area, strumento, linea, fondo, anno_fondo, budget_centesimi)
       VALUES ($1, $2, 'anziani', 'buono-caregiver', '7.10.1', 'FNA-B2', 2024, $3)`,
      [graduatoriaId, avvisoId, totale],
    );
    const [linea] = (
      await sql.query<{ linea: string; annualita: string }>(
        `SELECT l.id AS linea, a.id AS annualita FROM budget.linea l, budget.annualita a
          WHERE l.codice = '7.10.1' AND a.fondo = 'FNA-B2' AND a.anno = 2024`,
      )
    ).rows;
    // The approved graduatoria's state, as its approval leaves it: an impegno of 12 months per beneficio
    // in budget (rows and ledger movements), the istanza and the beneficio in misure.
    for (let da = 0; da < BENEFICI; da += LOTTO) {
      const n = Math.min(LOTTO, BENEFICI - da);
      const righe = Array.from({ length: n }, (_, i) => ({
        beneficio: randomUUID(),
        istanza: randomUUID(),
        persona: randomUUID(),
        impegno: randomUUID(),
        numero: da + i + 1,
      }));
      const lotto = JSON.stringify(righe);
      await sql.query('BEGIN');
      // The ledger's trigger names budget's tables unqualified.
      await sql.query('SET LOCAL search_path = budget');
      await sql.query(
        `INSERT INTO budget.impegno (id, chiave_idempotenza, impronta, linea_id, annualita_id, descrizione, riferimento,
                                     importo_iniziale_centesimi, registrato_da, atto_numero, atto_data, creditore_tipo,
                                     creditore_identificativo)
         SELECT x.impegno, 'misure:istanza:' || x.istanza || ':a1', 'bench', $2, $3, 'B2 buono-caregiver (anziani)',
                'misure:istanza:' || x.istanza, $4, 'servizio:misure', '300/2025', '2025-04-20', 'persona',
                'persona:' || x.persona
           FROM jsonb_to_recordset($1::jsonb) AS x(impegno uuid, istanza uuid, persona uuid)`,
        [lotto, linea.linea, linea.annualita, MENSILE * 12],
      );
      await sql.query(
        `INSERT INTO budget.movimento (tipo, importo_centesimi, annualita_id, linea_id, impegno_id, registrato_da)
         SELECT 'impegno', $4, $3, $2, x.impegno, 'servizio:misure' FROM jsonb_to_recordset($1::jsonb) AS x(impegno uuid)`,
        [lotto, linea.linea, linea.annualita, MENSILE * 12],
      );
      await sql.query(
        `INSERT INTO misure.istanza (id, ambito, avviso_id, persona_id, strumento, protocollo_anno, protocollo_numero,
                                     protocollata_il, comune_residenza, richiedente, stato, dati, presentata_da, esito,
                                     area, importo_mensile_centesimi)
         SELECT x.istanza, 'CREMA', $2, x.persona, 'buono-caregiver', 2025, x.numero, '2025-03-10T09:00:00Z', '019035',
                '{"tipo":"interessato"}', 'istruita', '{}', 'operatore.crema', 'ammissibile', 'anziani', $3
           FROM jsonb_to_recordset($1::jsonb) AS x(istanza uuid, persona uuid, numero integer)`,
        [lotto, avvisoId, MENSILE],
      );
      await sql.query(
        `INSERT INTO misure.beneficio (id, ambito, istanza_id, persona_id, avviso_id, graduatoria_id, misura, area,
                                       strumento, importo_mensile_centesimi, importo_totale_centesimi, dal, al, linea,
                                       fondo, anno_fondo, impegno_id, regole_id, causa_concessione, evento_id)
         SELECT x.beneficio, 'CREMA', x.istanza, x.persona, $2, $3, 'b2', 'anziani', 'buono-caregiver', $4::bigint, $4::bigint * 12,
                '2025-04-01', '2026-03-31', '7.10.1', 'FNA-B2', 2024, x.impegno, $5, 'approvazione', gen_random_uuid()
           FROM jsonb_to_recordset($1::jsonb) AS x(beneficio uuid, istanza uuid, persona uuid, impegno uuid)`,
        [lotto, avvisoId, graduatoriaId, MENSILE, regole.id],
      );
      await sql.query('COMMIT');
    }
    await sql.query('VACUUM ANALYZE misure.beneficio, misure.istanza, budget.impegno');
    console.log(
      `setup (non misurato): ${secondi(performance.now() - tSetup)}; ${BENEFICI} benefici con impegno`,
    );

    // ---- timed: the monthly run ----
    const c0 = cpu.misura();
    const t0 = performance.now();
    let run = (await b(MISURE_RPC.eseguiErogazioni.subject, { mese: MESE })) as ErogazioneRunV1;
    while (run.stato === 'in-corso') {
      await attesa(200);
      run = (await b(MISURE_RPC.leggiErogazioneRun.subject, { id: run.id })) as ErogazioneRunV1;
    }
    const t1 = performance.now();
    const c1 = cpu.misura();
    if (run.stato !== 'completata') throw new Error(`esecuzione mensile: ${JSON.stringify(run)}`);
    console.log(
      `1. esecuzione mensile: ${secondi(t1 - t0)} (${run.mensilitaCreate} mensilità, dovuto ` +
        `${(run.importoDovutoCentesimi / 100).toLocaleString('it-IT')} €); CPU: ${ContatoreCpu.differenza(c0, c1)}`,
    );

    // ---- timed: the liquidazioni in the budget ----
    const t2 = performance.now();
    let liq = (await b(MISURE_RPC.liquidaMese.subject, { mese: MESE })) as LiquidazioniMeseV1;
    while (liq.stato === 'in-corso') {
      await attesa(200);
      liq = (await b(MISURE_RPC.leggiLiquidazioniMese.subject, { mese: MESE })) as LiquidazioniMeseV1;
    }
    const t3 = performance.now();
    const c3 = cpu.misura();
    if (liq.stato !== 'completate') throw new Error(`liquidazioni: ${JSON.stringify(liq)}`);
    const [nelBudget] = (
      await sql.query<{ n: string; importo: string }>(
        `SELECT count(*) AS n, coalesce(sum(importo_centesimi), 0) AS importo FROM budget.liquidazione WHERE periodo = $1`,
        [MESE],
      )
    ).rows;
    console.log(
      `2. liquidazioni nel budget: ${secondi(t3 - t2)} (${liq.liquidate} liquidate; nel budget ${nelBudget.n} ` +
        `liquidazioni per ${(Number(nelBudget.importo) / 100).toLocaleString('it-IT')} €); ` +
        `CPU: ${ContatoreCpu.differenza(c1, c3)}`,
    );
    if (Number(nelBudget.n) !== BENEFICI || Number(nelBudget.importo) !== BENEFICI * MENSILE)
      throw new Error('il budget non ha una liquidazione per beneficio');
    console.log(
      `\nmese per ${BENEFICI} benefici: ${secondi(t3 - t0)} (obiettivo ≤ 30 s); carico medio alla fine ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' / ')}`,
    );
  } finally {
    await sql.end();
    await nc.close();
    await misure.stop();
    await budget.stop();
    await nats.stop();
    await pg.stop();
    await rm(pgDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
