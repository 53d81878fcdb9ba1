import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { controllaLog, documentoDelGateway, eseguiFuzz, type EsitoFuzz, type LetturaLog } from '@ambito/fuzz';
import { Api, startPlatform, type Platform } from './platform';

/*
 * Issue 14, point 6: generated payloads (schema-guided and hostile) to every command of the gateway,
 * on the platform as it runs (built apps as processes, real PostgreSQL and NATS). Never a 500, never
 * a personal value in a log line of any app. In `npm test` a sample (FUZZ_RUNS, 150 per command by
 * default); the full run is `npm run fuzz` (tools/fuzz/README.md).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const PARALLELO = Number(process.env.FUZZ_PARALLELO ?? 4);
const SOLO = process.env.FUZZ_OPERAZIONI?.split(',').filter(Boolean);

describe(`fuzz: ${RUNS} generated payloads to every command through the gateway`, () => {
  let platform: Platform;
  let cartellaLog: string;
  let esito: EsitoFuzz;
  let letture: LetturaLog[];
  const ambiente = { dir: process.env.E2E_LOG_DIR, livello: process.env.E2E_LOG_LEVEL };

  beforeAll(async () => {
    cartellaLog = mkdtempSync(path.join(ambiente.dir ?? tmpdir(), 'ambito-fuzz-'));
    process.env.E2E_LOG_DIR = cartellaLog;
    process.env.E2E_LOG_LEVEL = 'info'; // every line of every app is checked, not only the warnings
    platform = await startPlatform();
    const api = new Api(platform.gateway);
    const doc = await documentoDelGateway(platform.gateway);
    esito = await eseguiFuzz(doc, {
      gateway: platform.gateway,
      token: (utente) => api.token(utente),
      runs: RUNS,
      seed: SEED,
      parallelo: PARALLELO,
      soloOperazioni: SOLO,
      onProgresso: (riga) => process.stderr.write(`fuzz ${riga}\n`),
    });
    await platform.stop(); // the processes flush their logs before they are read
    letture = controllaLog(cartellaLog);
    process.stderr.write(`fuzz: ${riassunto(esito, letture)}\n`);
  }, 24 * 3600_000);

  afterAll(async () => {
    await platform?.stop().catch(() => undefined);
    if (ambiente.dir === undefined) delete process.env.E2E_LOG_DIR;
    else process.env.E2E_LOG_DIR = ambiente.dir;
    if (ambiente.livello === undefined) delete process.env.E2E_LOG_LEVEL;
    else process.env.E2E_LOG_LEVEL = ambiente.livello;
  });

  it('sent the payloads to every command of the route tables', () => {
    expect(esito.operazioni.length).toBeGreaterThan(SOLO?.length ? 0 : 50);
    for (const op of esito.operazioni) {
      if (!op.fallimento) expect({ [op.operazione]: op.richieste }).toEqual({ [op.operazione]: RUNS });
    }
  });

  it('never answered a 500 (nor any 5xx but 503, nor no answer at all)', () => {
    expect(esito.fallimenti).toEqual([]);
  });

  it('never wrote a personal value in a log line (markers of the generated text, codici fiscali)', () => {
    expect(letture.map((l) => l.file).sort()).toEqual(
      expect.arrayContaining([
        'accesso.log',
        'budget.log',
        'gateway.log',
        'misure.log',
        'presa-in-carico.log',
      ]),
    );
    expect(letture.find((l) => l.file === 'gateway.log')?.righe).toBeGreaterThan(0);
    expect(letture.flatMap((l) => l.fughe)).toEqual([]);
  });
});

function riassunto(esito: EsitoFuzz, letture: LetturaLog[]): string {
  const perStato: Record<string, number> = {};
  for (const op of esito.operazioni) {
    for (const [stato, n] of Object.entries(op.perStato)) perStato[stato] = (perStato[stato] ?? 0) + n;
  }
  return [
    `${esito.operazioni.length} operazioni, ${esito.richieste} richieste in ${Math.round(esito.millisecondi / 1000)} s`,
    `(${Math.round((esito.richieste * 1000) / Math.max(1, esito.millisecondi))}/s)`,
    `stati ${JSON.stringify(perStato)}`,
    `fallimenti ${esito.fallimenti.length}, 503 ${esito.nonDisponibile}`,
    `righe di log ${letture.map((l) => `${l.file}=${l.righe}`).join(' ')}`,
    `fughe ${letture.reduce((n, l) => n + l.fughe.length, 0)}`,
  ].join(', ');
}
