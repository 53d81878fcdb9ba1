import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { connect } from 'nats';
import { Pool } from 'pg';
import { inviaHttp } from './client-http';
import type { ContatoreCpu, CpuPerRichiesta } from './cpu';
import { summarise, type Summary } from './stats';

const JSON_CT = { 'content-type': 'application/json' };

/*
 * The honest floor (issue 15, point 1): what the platform path cannot avoid, each part raw and between
 * processes as in the platform: an HTTP POST round trip to another process, a NATS request/reply, and
 * one durable PostgreSQL transaction writing the rows the command writes (the accesso, its outbox row
 * with its NOTIFY, its audit row). The transaction is one statement (CTEs): the fewest round trips the
 * write can take.
 */

/**
 * A process standing for the platform's other processes: a node:http server that answers every POST
 * with its body (201), and a NATS responder that answers every request with its data.
 */
const ECO = (natsModule: string, natsUrl: string) => `
const http = require('node:http');
const { connect } = require(${JSON.stringify(natsModule)});
connect({ servers: ${JSON.stringify(natsUrl)} }).then((nc) => {
  nc.subscribe('bench.floor', { queue: 'bench', callback: (_e, m) => m.respond(m.data) });
  return nc.flush();
}).then(() => {
  http.createServer((req, res) => {
    const parti = [];
    req.on('data', (d) => parti.push(d));
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(Buffer.concat(parti));
    });
  }).listen(0, '127.0.0.1', function () { process.stdout.write(this.address().port + '\\n'); });
});
`;

async function avviaEco(natsUrl: string): Promise<{ url: string; processo: ChildProcess }> {
  const codice = ECO(require.resolve('nats'), natsUrl);
  const processo = spawn(process.execPath, ['-e', codice], { stdio: ['ignore', 'pipe', 'inherit'] });
  const porta = await new Promise<string>((resolve, reject) => {
    processo.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
    processo.once('exit', (code) => reject(new Error(`eco terminato (${code})`)));
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
  /**
   * The floor under the platform's closed-loop load (`concorrenza` in flight, a pool of 10 connections
   * as a service has): the most requests per second the physical path itself carries on this machine.
   */
  sostenuto: Summary & { cpu?: CpuPerRichiesta };
}

export interface OpzioniPavimento {
  natsUrl: string;
  databaseUrl: string;
  /** Sequential requests after 100 of warm-up. */
  richieste: number;
  concorrenza: number;
  secondi: number;
  /** The CPU counter of the floor's processes, given the echo process. */
  contatoreCpu?: (pidEco: number) => ContatoreCpu;
}

const PERSONA = '6f1c1e0a-3b7e-4d1a-9a55-0f5b8e0e4a11';
const RICHIESTA = 'Richiesta di informazioni sui servizi domiciliari per anziani non autosufficienti.';
const CORPO = JSON.stringify({
  personaId: PERSONA,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: RICHIESTA,
});

export async function misuraPavimento(opzioni: OpzioniPavimento): Promise<Pavimento> {
  const { natsUrl, databaseUrl, richieste } = opzioni;
  const eco = await avviaEco(natsUrl);
  const nc = await connect({ servers: natsUrl });
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  try {
    await pool.query(TABELLE);
    await pool.query(
      'CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload jsonb NOT NULL, at timestamptz DEFAULT now())',
    );
    const dati = new TextEncoder().encode(CORPO);
    const http = () => inviaHttp(eco.url, { method: 'POST', headers: JSON_CT, body: CORPO });
    const natsRr = () => nc.request('bench.floor', dati, { timeout: 2000 });
    // A named prepared statement, as the platform's (parsed and planned once per connection).
    const scrivi = () =>
      pool.query({ name: 'pavimento_scrittura', text: SCRITTURA, values: [PERSONA, RICHIESTA] });
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
      await http();
      const t1 = performance.now();
      await natsRr();
      const t2 = performance.now();
      await scrivi();
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
      await natsRr();
      await pool.query('INSERT INTO bench_floor (payload) VALUES ($1)', [CORPO]);
      vecchi.push(performance.now() - t0);
    }
    const vecchio = summarise(vecchi, performance.now() - inizioVecchio);
    const sostenuto = await pavimentoSostenuto(opzioni, eco.processo.pid!, async () => {
      await http();
      await natsRr();
      await scrivi();
    });
    return {
      totale: summarise(campioni.totale, durata),
      http: summarise(campioni.http, durata),
      nats: summarise(campioni.nats, durata),
      pg: summarise(campioni.pg, durata),
      vecchio,
      sostenuto,
    };
  } finally {
    await nc.close();
    await pool.end();
    eco.processo.kill('SIGTERM');
  }
}

/** The floor's three parts per request, `concorrenza` requests in flight, after 2 s of warm-up. */
async function pavimentoSostenuto(
  { concorrenza, secondi, contatoreCpu }: OpzioniPavimento,
  pidEco: number,
  una: () => Promise<void>,
): Promise<Summary & { cpu?: CpuPerRichiesta }> {
  const carico = async (fine: number, campioni?: number[]) => {
    await Promise.all(
      Array.from({ length: concorrenza }, async () => {
        while (performance.now() < fine) {
          const t0 = performance.now();
          await una();
          campioni?.push(performance.now() - t0);
        }
      }),
    );
  };
  await carico(performance.now() + 2000);
  const campioni: number[] = [];
  const cpu = contatoreCpu?.(pidEco).avvia();
  const inizio = performance.now();
  await carico(inizio + secondi * 1000, campioni);
  return { ...summarise(campioni, performance.now() - inizio), cpu: cpu?.(campioni.length) };
}
