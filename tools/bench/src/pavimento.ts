import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { Client } from 'pg';
import { summarise, type Summary } from './stats';

/*
 * The honest floor (issue 15, point 1): what the platform path cannot avoid, each part raw and between
 * processes as in the platform: an HTTP POST round trip to another process, a NATS request/reply, and
 * one durable PostgreSQL transaction writing the rows the command writes (the accesso, its outbox row
 * with its NOTIFY, its audit row). The transaction is one statement (CTEs): the fewest round trips the
 * write can take.
 */

/** A node:http server in its own process that answers every POST with its body (201). */
const ECO_HTTP = `
const http = require('node:http');
http.createServer((req, res) => {
  const parti = [];
  req.on('data', (d) => parti.push(d));
  req.on('end', () => {
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(Buffer.concat(parti));
  });
}).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });
`;

async function avviaEcoHttp(): Promise<{ url: string; processo: ChildProcess }> {
  const processo = spawn(process.execPath, ['-e', ECO_HTTP], { stdio: ['ignore', 'pipe', 'inherit'] });
  const porta = await new Promise<string>((resolve, reject) => {
    processo.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    processo.once('exit', (code) => reject(new Error(`eco HTTP terminato (${code})`)));
  });
  return { url: `http://127.0.0.1:${porta}/eco`, processo };
}

const TABELLE = `
CREATE TABLE IF NOT EXISTS bench_accesso (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), persona_id uuid NOT NULL, sede text NOT NULL, canale text NOT NULL,
  presentato_da text NOT NULL, area_bisogno text NOT NULL, richiesta text NOT NULL, stato text NOT NULL,
  sub_ambito text NOT NULL, registrato_da text NOT NULL, registrato_il timestamptz NOT NULL DEFAULT now(),
  versione int NOT NULL DEFAULT 1);
CREATE INDEX IF NOT EXISTS bench_accesso_persona ON bench_accesso (persona_id);
CREATE TABLE IF NOT EXISTS bench_outbox (
  id bigserial PRIMARY KEY, subject text NOT NULL, payload jsonb NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
CREATE TABLE IF NOT EXISTS bench_audit (
  id bigserial PRIMARY KEY, attore text NOT NULL, azione text NOT NULL, risorsa uuid NOT NULL,
  correlazione uuid NOT NULL, dettagli jsonb NOT NULL, il timestamptz NOT NULL DEFAULT now());
`;

/** The three rows of `registra accesso`, and the outbox's NOTIFY, in one statement. */
const SCRITTURA = `
WITH a AS (
  INSERT INTO bench_accesso (persona_id, sede, canale, presentato_da, area_bisogno, richiesta, stato, sub_ambito, registrato_da)
  VALUES ($1, 'SEDE-CREMA-HUB', 'sportello', 'interessato', 'anziani', $2, 'aperto', 'SA-CREMA', 'operatore.crema')
  RETURNING id),
o AS (
  INSERT INTO bench_outbox (subject, payload)
  SELECT 'evt.accesso.accesso.registrato.v1', jsonb_build_object('id', a.id, 'personaId', $1::uuid) FROM a
  RETURNING id),
u AS (
  INSERT INTO bench_audit (attore, azione, risorsa, correlazione, dettagli)
  SELECT 'operatore.crema', 'accesso.registra', a.id, gen_random_uuid(), '{}'::jsonb FROM a)
SELECT pg_notify('bench_outbox', o.id::text) FROM o`;

export interface Pavimento {
  /** The three parts one after the other, per request. */
  totale: Summary;
  http: Summary;
  nats: Summary;
  pg: Summary;
  /** The floor of earlier runs (NATS request/reply + one pg insert), kept for the trend. */
  vecchio: Summary;
}

export async function misuraPavimento(
  natsUrl: string,
  databaseUrl: string,
  richieste: number,
): Promise<Pavimento> {
  const eco = await avviaEcoHttp();
  const nc = await connect({ servers: natsUrl });
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    await pg.query(TABELLE);
    await pg.query(
      'CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz DEFAULT now())',
    );
    const sub = nc.subscribe('bench.floor', { queue: 'bench' });
    void (async () => {
      for await (const m of sub) m.respond(m.data);
    })();
    const richiesta = 'Richiesta di informazioni sui servizi domiciliari per anziani non autosufficienti.';
    const corpo = JSON.stringify({
      personaId: '6f1c1e0a-3b7e-4d1a-9a55-0f5b8e0e4a11',
      sede: 'SEDE-CREMA-HUB',
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'anziani',
      richiesta,
    });
    const dati = new TextEncoder().encode(corpo);
    const campioni = {
      totale: [] as number[],
      http: [] as number[],
      nats: [] as number[],
      pg: [] as number[],
    };
    const riscaldamento = 100;
    let inizio = performance.now();
    for (let i = 0; i < richieste + riscaldamento; i++) {
      if (i === riscaldamento) inizio = performance.now();
      const t0 = performance.now();
      const risposta = await fetch(eco.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: corpo,
      });
      await risposta.arrayBuffer();
      const t1 = performance.now();
      await nc.request('bench.floor', dati, { timeout: 2000 });
      const t2 = performance.now();
      await pg.query(SCRITTURA, ['6f1c1e0a-3b7e-4d1a-9a55-0f5b8e0e4a11', richiesta]);
      const t3 = performance.now();
      if (i < riscaldamento) continue;
      campioni.totale.push(t3 - t0);
      campioni.http.push(t1 - t0);
      campioni.nats.push(t2 - t1);
      campioni.pg.push(t3 - t2);
    }
    const durata = performance.now() - inizio;
    // The old floor, as it was measured before issue 15: request/reply, then one insert of a JSON row.
    const vecchi: number[] = [];
    const inizioVecchio = performance.now();
    for (let i = 0; i < richieste; i++) {
      const t0 = performance.now();
      await nc.request('bench.floor', dati, { timeout: 2000 });
      await pg.query('INSERT INTO bench_floor (payload) VALUES ($1)', [corpo]);
      vecchi.push(performance.now() - t0);
    }
    sub.unsubscribe();
    return {
      totale: summarise(campioni.totale, durata),
      http: summarise(campioni.http, durata),
      nats: summarise(campioni.nats, durata),
      pg: summarise(campioni.pg, durata),
      vecchio: summarise(vecchi, performance.now() - inizioVecchio),
    };
  } finally {
    await nc.close();
    await pg.end();
    eco.processo.kill('SIGTERM');
  }
}
