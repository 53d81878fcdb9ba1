import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { Client } from 'pg';
import { ASSISTENTI_FAMILIARI_RPC, type CandidatiV1, type RichiestaV1 } from '@ambito/contracts';
import {
  freePort,
  generateIdentityKeys,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
} from '@ambito/testing';
import { formatRow, summarise, type Summary } from './stats';

/*
 * Issue 11, point 9: (a) the matching of one family's richiesta against 10,000 registered assistants,
 * `GET /api/v1/assistenti-familiari/richieste/{id}/candidati` through the gateway, sequentially
 * (target p95 ≤ 200 ms); (b) the public register `GET /api/v1/pubblico/assistenti-familiari` under
 * 100 concurrent readers (closed loop). The register is loaded with SQL straight into the service's
 * schema (the registro's own flow is measured by its tests, not here). See README.md here.
 */

const root = path.resolve(__dirname, '../../../..');
const ASSISTENTI = Number(process.env.BENCH_ASSISTENTI ?? 10_000);
const RICHIESTE = Number(process.env.BENCH_RICHIESTE ?? 200);
const LETTORI = Number(process.env.BENCH_LETTORI ?? 100);
const LETTURE = Number(process.env.BENCH_LETTURE ?? 20);
const OGLIO_PO = path.join(root, 'libs/territorio/src/seed/ambito-oglio-po.v1.json');
const REGISTRO = 'CREMA';

/** 10,000 schede over the Oglio Po's comuni, competences, languages and weekly grids, with consents. */
async function caricaRegistro(databaseUrl: string): Promise<void> {
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=assistenti_familiari' });
  await pg.connect();
  try {
    await pg.query('BEGIN');
    await pg.query(
      `INSERT INTO requisiti_iscrizione (id, registro, versione, valido_dal, fonti, parametri, creata_da)
       VALUES (gen_random_uuid(), $1, 9999, '2025-01-01', '[]', '{}', 'bench')`,
      [REGISTRO],
    );
    await pg.query(
      `CREATE TEMP TABLE bench_a AS
      SELECT n, gen_random_uuid() AS assistente_id, gen_random_uuid() AS candidatura_id, gen_random_uuid() AS iscrizione_id
        FROM generate_series(1, $1::int) AS n`,
      [ASSISTENTI],
    );
    await pg.query(`INSERT INTO assistente (id, codice_fiscale, nome, cognome, data_nascita, cittadinanza)
      SELECT assistente_id, 'BNC' || lpad(n::text, 13, '0'), 'Nome' || n, 'Bench', '1980-01-01', 'RO' FROM bench_a`);
    await pg.query(
      `INSERT INTO candidatura (id, registro, assistente_id, sportello, stato, dichiarazioni, scheda, documenti,
        requisiti_id, verifica, presentata_da, decisa_da, decisa_il)
      SELECT candidatura_id, $1, assistente_id,
             CASE WHEN n % 2 = 0 THEN 'SPORTELLO-AF-CASALMAGGIORE' ELSE 'SPORTELLO-AF-VIADANA' END,
             'iscritta', '{}', '{}', '[]', (SELECT id FROM requisiti_iscrizione WHERE registro = $1 AND versione = 9999),
             '{}', 'bench', 'bench', now()
        FROM bench_a`,
      [REGISTRO],
    );
    await pg.query(
      `INSERT INTO iscrizione (id, registro, assistente_id, candidatura_id, sportello, stato, iscritta_il, requisiti_id)
      SELECT iscrizione_id, $1, assistente_id, candidatura_id,
             CASE WHEN n % 2 = 0 THEN 'SPORTELLO-AF-CASALMAGGIORE' ELSE 'SPORTELLO-AF-VIADANA' END,
             'attiva', '2025-06-01', (SELECT id FROM requisiti_iscrizione WHERE registro = $1 AND versione = 9999)
        FROM bench_a`,
      [REGISTRO],
    );
    const comuni = (
      JSON.parse(readFileSync(OGLIO_PO, 'utf8')) as { comuni: Array<{ istat: string }> }
    ).comuni.map((c) => c.istat);
    const competenze = [
      'igiene-personale',
      'mobilizzazione',
      'demenza',
      'alimentazione',
      'somministrazione-farmaci',
      'economia-domestica',
      'cucina',
      'compagnia',
    ];
    const lingue = ['ro', 'uk', 'es', 'ar', 'ru', 'sq'];
    // Each assistant: 4 comuni, 3 competences, 1–2 languages, a weekday block of 4–8 hours from 7–14.
    await pg.query(
      `INSERT INTO scheda (iscrizione_id, competenze, formazione, disponibilita, lingue, aree, convivente, esperienza_mesi)
      SELECT iscrizione_id,
             ARRAY[($2::text[])[1 + n % 8], ($2::text[])[1 + (n / 8) % 8], ($2::text[])[1 + (n / 64) % 8]],
             '[]',
             ARRAY(SELECT (g * 24 + h)::smallint FROM generate_series(0, 4) g,
                   generate_series(7 + n % 7, 7 + n % 7 + 3 + n % 5) h ORDER BY 1),
             CASE WHEN n % 3 = 0 THEN ARRAY[($3::text[])[1 + n % 6], ($3::text[])[1 + (n / 6) % 6]] ELSE ARRAY[($3::text[])[1 + n % 6]] END,
             ARRAY(SELECT DISTINCT ($1::text[])[1 + (n * 7 + k * 5) % array_length($1::text[], 1)] FROM generate_series(0, 3) k),
             n % 4 = 0, 12 + n % 60
        FROM bench_a`,
      [comuni, competenze, lingue],
    );
    await pg.query(`UPDATE scheda SET competenze = ARRAY(SELECT DISTINCT unnest(competenze))`);
    await pg.query(`INSERT INTO consenso_pubblicazione (id, iscrizione_id, campi, documento, registrato_da)
      SELECT gen_random_uuid(), iscrizione_id, ARRAY['nome', 'competenze', 'disponibilita', 'lingue', 'aree', 'convivente'],
             'bench', 'bench' FROM bench_a`);
    await pg.query(
      `INSERT INTO registro_pubblico (registro, versione) VALUES ($1, 1)
      ON CONFLICT (registro) DO UPDATE SET versione = registro_pubblico.versione + 1`,
      [REGISTRO],
    );
    await pg.query('COMMIT');
    await pg.query('ANALYZE');
  } finally {
    await pg.end();
  }
}

async function token(gateway: string, username: string): Promise<string> {
  const response = await fetch(`${gateway}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function registraRichiesta(gateway: string, auth: string, i: number): Promise<RichiestaV1> {
  const giorni = ['lun', 'mar', 'mer', 'gio', 'ven'] as const;
  const response = await fetch(`${gateway}/api/v1/assistenti-familiari/richieste`, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      personaId: '3f1c6a52-8f7e-4d8b-9a51-0b6f7c2d9e10',
      sportello: 'SPORTELLO-AF-CASALMAGGIORE',
      comune: i % 2 === 0 ? '019052' : '020066',
      orari: giorni.map((giorno) => ({ giorno, dalle: '08:00', alle: '12:00' })),
      convivenza: 'indifferente',
      competenze: ['demenza', 'mobilizzazione', 'igiene-personale'],
      competenzeIndispensabili: [],
      lingue: ['ro'],
      dataInizio: '2026-12-01',
    }),
  });
  if (response.status !== 201) throw new Error(`richiesta: ${response.status} ${await response.text()}`);
  return (await response.json()) as RichiestaV1;
}

/** The service's own time on a subject (ambito_nats_request_duration_seconds, its /metrics). */
interface TempoServizio {
  count: number;
  sumS: number;
  /** Cumulative counts by upper bound (seconds). */
  buckets: Array<[number, number]>;
}

async function tempoServizio(metricsUrl: string, subject: string): Promise<TempoServizio> {
  const testo = await (await fetch(metricsUrl)).text();
  const t: TempoServizio = { count: 0, sumS: 0, buckets: [] };
  const etichetta = `subject="${subject}",outcome="ok"`;
  for (const riga of testo.split('\n')) {
    if (!riga.startsWith('ambito_nats_request_duration_seconds') || !riga.includes(etichetta)) continue;
    const valore = Number(riga.slice(riga.lastIndexOf(' ') + 1));
    if (riga.startsWith('ambito_nats_request_duration_seconds_sum')) t.sumS = valore;
    else if (riga.startsWith('ambito_nats_request_duration_seconds_count')) t.count = valore;
    else {
      const le = /le="([^"]+)"/.exec(riga)?.[1];
      if (le) t.buckets.push([le === '+Inf' ? Infinity : Number(le), valore]);
    }
  }
  return t;
}

/** What the service spent between two readings: mean, and the bucket that holds the p95. */
function differenza(prima: TempoServizio, dopo: TempoServizio): string {
  const n = dopo.count - prima.count;
  if (n === 0) return 'nessuna richiesta servita';
  const media = ((dopo.sumS - prima.sumS) / n) * 1000;
  const soglia = 0.95 * n;
  const p95 = dopo.buckets.find(
    ([le, c]) => c - (prima.buckets.find(([l]) => l === le)?.[1] ?? 0) >= soglia,
  )?.[0];
  const limite = p95 === undefined || p95 === Infinity ? '> 5000 ms' : `≤ ${p95 * 1000} ms`;
  return `servizio (NATS → risposta, ${n} richieste): media ${media.toFixed(1)} ms, p95 ${limite}`;
}

const carico = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');

const PERSONALI = { 'x-finalita': 'registro-assistenti-familiari', 'x-motivo': 'benchmark di abbinamento' };

async function abbinamento(
  gateway: string,
  auth: string,
  richieste: RichiestaV1[],
): Promise<{ s: Summary; candidati: CandidatiV1 }> {
  let ultimo: CandidatiV1 | undefined;
  const chiama = async (id: string) => {
    const t0 = performance.now();
    const response = await fetch(
      `${gateway}/api/v1/assistenti-familiari/richieste/${id}/candidati?limite=20`,
      {
        headers: { authorization: auth, ...PERSONALI },
      },
    );
    if (response.status !== 200) throw new Error(`candidati: ${response.status} ${await response.text()}`);
    ultimo = (await response.json()) as CandidatiV1;
    return performance.now() - t0;
  };
  for (let i = 0; i < 10; i++) await chiama(richieste[i % richieste.length].id);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < RICHIESTE; i++) samples.push(await chiama(richieste[i % richieste.length].id));
  return { s: summarise(samples, performance.now() - started), candidati: ultimo! };
}

/** LETTORI readers in a closed loop, each LETTURE reads of the public list with varied filters. */
async function registroPubblico(gateway: string): Promise<Summary> {
  const filtri = [
    '',
    '?competenza=demenza',
    '?lingua=ro',
    '?area=019052',
    '?giorno=lun&dalle=8&alle=12',
    '?pagina=2',
  ];
  const leggi = async (i: number) => {
    const t0 = performance.now();
    const response = await fetch(
      `${gateway}/api/v1/pubblico/assistenti-familiari${filtri[i % filtri.length]}`,
    );
    if (response.status !== 200) throw new Error(`pubblico: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return performance.now() - t0;
  };
  for (let i = 0; i < filtri.length; i++) await leggi(i);
  const samples: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: LETTORI }, async (_, lettore) => {
      for (let i = 0; i < LETTURE; i++) samples.push(await leggi(lettore + i));
    }),
  );
  return summarise(samples, performance.now() - started);
}

async function main(): Promise<void> {
  const pgDir = await mkdtemp(path.join(tmpdir(), 'ambito-bench-af-'));
  await chmod(pgDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'cluster'), persistent: true });
  const nats = await startNatsServer({});
  const common = { NATS_URL: nats.url, AMBITO_CODICE: REGISTRO, NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  const { GATEWAY_SIGNING_KEY, ACTOR_TRUSTED_KEYS } = generateIdentityKeys('bench');
  const servizio = await startServiceProcess({
    app: 'assistenti-familiari',
    httpPort: await freePort(),
    workspaceRoot: root,
    env: {
      ...common,
      DATABASE_URL: pg.url,
      DATABASE_SCHEMA: 'assistenti_familiari',
      ACTOR_TRUSTED_KEYS,
      TERRITORIO_FILE: OGLIO_PO,
      RIVERIFICA_INTERVALLO_MINUTI: '0',
    },
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
      // The capacity of the list is measured here, not the per-address limiter (one address for all readers).
      PUBBLICO_RATE_LIMIT: '100000',
    },
  });
  const gateway = gatewayProcess.baseUrl;
  try {
    const t0 = performance.now();
    await caricaRegistro(pg.url);
    console.log(
      `Registro caricato: ${ASSISTENTI} assistenti in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const auth = `Bearer ${await token(gateway, 'udp')}`;
    const richieste = [];
    for (let i = 0; i < 10; i++) richieste.push(await registraRichiesta(gateway, auth, i));
    console.log(
      `Benchmark su ${process.arch}, Node ${process.version}; carico medio (1/5/15 min) ${carico()}\n`,
    );
    const metriche = `${servizio.baseUrl}/metrics`;
    const cerca = ASSISTENTI_FAMILIARI_RPC.cercaCandidati.subject;
    const elenca = ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico.subject;
    const primaA = await tempoServizio(metriche, cerca);
    const a = await abbinamento(gateway, auth, richieste);
    const dopoA = await tempoServizio(metriche, cerca);
    console.log(formatRow(`(a) abbinamento su ${ASSISTENTI} assistenti`, a.s));
    console.log(`    ${differenza(primaA, dopoA)}; il resto è gateway, NATS e HTTP`);
    console.log(
      `    valutate ${a.candidati.valutate}, candidati ${a.candidati.candidati.length}, primo ${a.candidati.candidati[0]?.punteggio ?? '-'} punti, esclusi ${JSON.stringify(a.candidati.esclusi)}`,
    );
    console.log(`    carico medio dopo (a): ${carico()}`);
    const primaB = await tempoServizio(metriche, elenca);
    const b = await registroPubblico(gateway);
    const dopoB = await tempoServizio(metriche, elenca);
    console.log(formatRow(`(b) registro pubblico, ${LETTORI} lettori`, b));
    console.log(`    ${differenza(primaB, dopoB)}`);
    console.log(`    carico medio dopo (b): ${carico()}`);
    console.log(`\np95 di (a): ${a.s.p95.toFixed(1)} ms  (obiettivo ≤ 200 ms)`);
  } finally {
    await gatewayProcess.stop();
    await servizio.stop();
    await nats.stop();
    await pg.stop();
    await rm(pgDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
