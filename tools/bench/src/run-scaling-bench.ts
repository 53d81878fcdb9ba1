import 'reflect-metadata';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPrivateKey, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect, headers, type NatsConnection } from 'nats';
import {
  ACCESSO_RPC,
  HEADER,
  PRESA_IN_CARICO_CONSUMI,
  type AccessoV1,
  type Actor,
  type PersonaV1,
} from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import {
  freePort,
  generateIdentityKeys,
  serviceSigningEnv,
  startEmbeddedPostgres,
  startNatsServer,
  startServiceProcess,
  type ServiceProcess,
} from '@ambito/testing';
import { signActor } from './actor-firmato';
import { formatRow, summarise, type Summary } from './stats';

/*
 * Issue 13, point 4: does the platform scale by adding replicas? (README.md here.)
 *  1. accesso's requests: one, then two replicas of the service in the same NATS queue group, under the
 *     same closed-loop load (BENCH_CONCORRENZA requests in flight for BENCH_SECONDI seconds) of
 *     `accesso.accesso.registra` (accesso row, audit row, outbox row: one transaction), sent on NATS
 *     signed as the gateway signs them (the gateway is measured by the other benchmark);
 *  2. an event consumer: presa in carico's intake of `accesso.accesso.chiuso` (a read of the proposta
 *     from accesso, a cartella written), one and then two replicas sharing the durable, each time on a
 *     backlog of BENCH_EVENTI events waiting in the stream.
 */

const root = path.resolve(__dirname, '../../../..');
const CONCORRENZA = Number(process.env.BENCH_CONCORRENZA ?? 16);
const SECONDI = Number(process.env.BENCH_SECONDI ?? 15);
const EVENTI = Number(process.env.BENCH_EVENTI ?? 1000);
const INTAKE = PRESA_IN_CARICO_CONSUMI.intake.durable;

const OPERATORE: Actor = {
  userId: 'operatore.crema',
  nome: 'Bench',
  ruoli: ['operatore-accesso'],
  ambito: 'CREMA',
  subAmbiti: ['SA-CREMA'],
  comuni: [],
};

/** The platform's request wire, signed as the gateway signs it; the reply's value or an error. */
async function richiesta<T>(
  nc: NatsConnection,
  key: KeyObject,
  subject: string,
  payload: object,
): Promise<T> {
  const data = JSON.stringify(payload);
  const correlationId = randomUUID();
  const h = headers();
  h.set(HEADER.actor, await signActor(key, OPERATORE, subject, correlationId, data));
  h.set(HEADER.correlationId, correlationId);
  h.set(HEADER.finalita, 'segretariato-sociale');
  h.set(HEADER.motivo, encodeURIComponent('benchmark di scalabilità'));
  const reply = await nc.request(subject, data, { timeout: 10_000, headers: h });
  if (reply.headers?.get(HEADER.esito) !== 'ok') throw new Error(`${subject}: ${reply.string()}`);
  return reply.json<T>();
}

let progressivo = 0;
/** A valid codice fiscale, a different one at each call (it belongs to nobody). */
function codiceFiscale(): string {
  progressivo += 1;
  const lettere = (n: number) =>
    [2, 1, 0].map((i) => String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26))).join('');
  const primi15 = `BNC${lettere(Math.floor(progressivo / 1000))}50A41D${String(progressivo % 1000).padStart(3, '0')}`;
  return primi15 + checkChar(primi15);
}

const persona = () => ({
  codiceFiscale: codiceFiscale(),
  cognome: 'Bianchi',
  nome: 'Lucia',
  dataNascita: '1950-01-01',
  luogoNascita: 'D142',
  sesso: 'F',
  cittadinanza: 'IT',
  comuneResidenza: '019035',
});

const accesso = (personaId: string) => ({
  personaId,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: 'Richiesta di informazioni sui servizi domiciliari per anziani non autosufficienti.',
});

/** `lavoro` run by `concorrenza` workers for `secondi` seconds: latency of each call and throughput. */
async function cicloChiuso(
  lavoro: () => Promise<void>,
  concorrenza: number,
  secondi: number,
): Promise<Summary> {
  const samples: number[] = [];
  const fine = performance.now() + secondi * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concorrenza }, async () => {
      while (performance.now() < fine) {
        const t0 = performance.now();
        await lavoro();
        samples.push(performance.now() - t0);
      }
    }),
  );
  return summarise(samples, performance.now() - started);
}

/** Runs `lavoro` `n` times with `concorrenza` in flight. */
async function inParallelo(
  n: number,
  concorrenza: number,
  lavoro: (i: number) => Promise<void>,
): Promise<void> {
  let prossimo = 0;
  await Promise.all(
    Array.from({ length: concorrenza }, async () => {
      while (prossimo < n) await lavoro(prossimo++);
    }),
  );
}

/** Events of the intake's backlog: in the stream and not delivered, or delivered and not acknowledged. */
async function arretrato(nc: NatsConnection): Promise<number> {
  const jsm = await nc.jetstreamManager();
  try {
    const info = await jsm.consumers.info('EVT_ACCESSO', INTAKE);
    return info.num_pending + info.num_ack_pending;
  } catch {
    return -1; // the durable does not exist yet
  }
}

/**
 * Starts `repliche` replicas of presa in carico together and measures, from the moment all are ready,
 * how fast they drain the intake's backlog (events drained ÷ seconds).
 */
async function consumoConRepliche(
  nc: NatsConnection,
  avvia: () => Promise<ServiceProcess>,
  repliche: number,
  avviati: ServiceProcess[],
): Promise<{ eventi: number; secondi: number; throughput: number; processi: ServiceProcess[] }> {
  const processi = await Promise.all(
    Array.from({ length: repliche }, async () => {
      const processo = await avvia();
      avviati.push(processo); // stopped by the caller, whatever happens next
      return processo;
    }),
  );
  const t0 = performance.now();
  const iniziale = await arretrato(nc);
  for (;;) {
    const ora = await arretrato(nc);
    if (ora === 0) break;
    if (performance.now() - t0 > 600_000) throw new Error(`arretrato non smaltito: ${ora}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const secondi = (performance.now() - t0) / 1000;
  return { eventi: iniziale, secondi, throughput: iniziale / secondi, processi };
}

async function main(): Promise<void> {
  const pgDir = await mkdtemp(path.join(tmpdir(), 'ambito-bench-scala-'));
  await chmod(pgDir, 0o755);
  // Durable settings (fsync, synchronous commit), as in production.
  const pg = await startEmbeddedPostgres({ dataDir: path.join(pgDir, 'cluster'), persistent: true });
  const nats = await startNatsServer({});
  const common = { NATS_URL: nats.url, AMBITO_CODICE: 'CREMA', NODE_ENV: 'development', LOG_LEVEL: 'warn' };
  const identita = generateIdentityKeys('bench');
  const key = createPrivateKey({
    key: JSON.parse(identita.GATEWAY_SIGNING_KEY) as JsonWebKey,
    format: 'jwk',
  });
  const avviaAccesso = async () =>
    startServiceProcess({
      app: 'accesso',
      httpPort: await freePort(),
      workspaceRoot: root,
      env: {
        ...common,
        DATABASE_URL: pg.url,
        DATABASE_SCHEMA: 'accesso',
        ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      },
    });
  const avviaPresaInCarico = async () =>
    startServiceProcess({
      app: 'presa-in-carico',
      httpPort: await freePort(),
      workspaceRoot: root,
      env: {
        ...common,
        DATABASE_URL: pg.url,
        DATABASE_SCHEMA: 'presa_in_carico',
        ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
        ...serviceSigningEnv(identita, 'presa-in-carico'),
      },
    });
  const processi: ServiceProcess[] = [];
  const nc = await connect({ servers: nats.url });
  try {
    console.log(
      `Scalabilità su ${process.arch}, Node ${process.version}, ${(await import('node:os')).cpus().length} core: ` +
        `${CONCORRENZA} richieste in volo per ${SECONDI} s, ${EVENTI} eventi per prova di consumo\n`,
    );
    // 1. accesso: one replica, then two in the same queue group.
    processi.push(await avviaAccesso());
    const p = await richiesta<PersonaV1>(nc, key, ACCESSO_RPC.registraPersona.subject, persona());
    const registra = async () => {
      await richiesta<AccessoV1>(nc, key, ACCESSO_RPC.registraAccesso.subject, accesso(p.id));
    };
    await cicloChiuso(registra, CONCORRENZA, 3); // warm-up
    const una = await cicloChiuso(registra, CONCORRENZA, SECONDI);
    console.log(formatRow('accesso.accesso.registra, 1 replica', una));
    processi.push(await avviaAccesso());
    await cicloChiuso(registra, CONCORRENZA, 3);
    const due = await cicloChiuso(registra, CONCORRENZA, SECONDI);
    console.log(formatRow('accesso.accesso.registra, 2 repliche', due));
    console.log(`  rapporto 2/1: ${(due.throughput / una.throughput).toFixed(2)}\n`);

    // 2. presa in carico's intake: a backlog of EVENTI accessi chiusi with a proposta, drained by one
    //    replica, then another backlog drained by two.
    const jsm = await nc.jetstreamManager();
    const eventiChiusi = async () => {
      const info = await jsm.streams.info('EVT_ACCESSO', { subjects_filter: 'evt.accesso.accesso.chiuso.>' });
      return Object.values(info.state.subjects ?? {}).reduce((s, v) => s + v, 0);
    };
    const chiusi = async (n: number) => {
      const t0 = performance.now();
      const prima = await eventiChiusi();
      await inParallelo(n, CONCORRENZA, async () => {
        const persona1 = await richiesta<PersonaV1>(nc, key, ACCESSO_RPC.registraPersona.subject, persona());
        const a = await richiesta<AccessoV1>(
          nc,
          key,
          ACCESSO_RPC.registraAccesso.subject,
          accesso(persona1.id),
        );
        await richiesta(nc, key, ACCESSO_RPC.chiudiAccesso.subject, {
          id: a.id,
          esito: {
            tipo: 'proposta-presa-in-carico',
            motivazione: 'Perdita di autonomia, vive sola.',
            urgenza: 'prioritaria',
          },
        });
      });
      // The outbox relays publish after commit: wait for the stream to have them all.
      while ((await eventiChiusi()) < prima + n) await new Promise((resolve) => setTimeout(resolve, 200));
      return ((performance.now() - t0) / 1000).toFixed(1);
    };
    console.log(
      `  ${EVENTI} accessi chiusi con proposta in ${await chiusi(EVENTI)} s (arretrato da smaltire)`,
    );
    const consumo1 = await consumoConRepliche(nc, avviaPresaInCarico, 1, processi);
    console.log(
      `intake presa in carico, 1 replica:   ${consumo1.eventi} eventi in ${consumo1.secondi.toFixed(1)} s = ${consumo1.throughput.toFixed(1)} eventi/s`,
    );
    for (const r of consumo1.processi) {
      await r.stop();
      processi.splice(processi.indexOf(r), 1);
    }
    console.log(
      `  ${EVENTI} accessi chiusi con proposta in ${await chiusi(EVENTI)} s (arretrato da smaltire)`,
    );
    const consumo2 = await consumoConRepliche(nc, avviaPresaInCarico, 2, processi);
    console.log(
      `intake presa in carico, 2 repliche:  ${consumo2.eventi} eventi in ${consumo2.secondi.toFixed(1)} s = ${consumo2.throughput.toFixed(1)} eventi/s`,
    );
    console.log(`  rapporto 2/1: ${(consumo2.throughput / consumo1.throughput).toFixed(2)}`);
  } finally {
    await nc.close();
    for (const processo of processi.reverse()) await processo.stop().catch(() => undefined);
    await nats.stop();
    await pg.stop();
    await rm(pgDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
