import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Actor, RpcReply, RpcRequest, RpcSubject, RpcTarget } from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import { RpcClient, gatewaySignerFrom } from '@ambito/messaging';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  generateIdentityKeys,
  serviceSigningEnv,
  testActor,
  testNatsEnv,
} from '@ambito/testing';
// The real accesso and presa in carico, in-process (test code only): integrazioni calls them with its
// own identity, as in production.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestAccesso, type TestAccesso } from '../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../presa-in-carico/test/presa-in-carico-harness';
import { createIntegrazioniApp } from '../src/app/create-integrazioni-app';
import { loadIntegrazioniConfig } from '../src/config/integrazioni-config';

export const CREMA = '019035';
export const PANDINO = '019067';

const attore = (userId: string, ruoli: Actor['ruoli'], subAmbiti: string[] = [], comuni: string[] = []) =>
  testActor(userId, ruoli, subAmbiti, comuni, `Nome di ${userId}`);

/** The users of the GePI tests: the coordinator imports and exports, two case managers follow households. */
export const ATTORI_GEPI = {
  coordinatoreCrema: attore('coordinatore.crema', ['coordinatore-sub-ambito'], ['SA-CREMA']),
  coordinatorePandino: attore('coordinatore.pandino', ['coordinatore-sub-ambito'], ['SA-PANDINO']),
  asCrema: attore('as.crema', ['assistente-sociale'], ['SA-CREMA']),
  asCrema2: attore('as.crema2', ['assistente-sociale'], ['SA-CREMA']),
  responsabileCrema: attore('responsabile.crema', ['responsabile-comune'], [], [CREMA]),
  operatoreCrema: attore('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  udp: attore('udp', ['ufficio-di-piano']),
};

export interface TestGepi {
  app: NestExpressApplication;
  accesso: TestAccesso;
  presaInCarico: TestPresaInCarico;
  /** A NATS request to integrazioni as the given actor, as the gateway sends it (actor signed, purpose given). */
  as(
    actor: Actor,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /** SQL on integrazioni's schema. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * integrazioni in-process with the real accesso and presa-in-carico beside it, each on its own database,
 * all with one key set: integrazioni signs its calls with its own key, the others trust it.
 */
export async function startTestGepi(): Promise<TestGepi> {
  const identita = generateIdentityKeys();
  const [accesso, presaInCarico] = await Promise.all([
    startTestAccesso({}, { identita }),
    startTestPresaInCarico({ identita, sportelloAccesso: false }),
  ]);
  const db = await createServiceTestDatabase('integrazioni');
  const app = await createIntegrazioniApp(
    loadIntegrazioniConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('integrazioni'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      ...serviceSigningEnv(identita, 'integrazioni'),
    }),
  );
  const nats = await connectTestNats('gateway', { name: 'integrazioni-gepi-test' });
  const rpc = new RpcClient(nats, 15_000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  const pg = new Client({ connectionString: db.adminUrl, options: '-c search_path=integrazioni' });
  await pg.connect();
  return {
    app,
    accesso,
    presaInCarico,
    as: (actor) => (subject, payload) =>
      rpc.request(subject, payload, {
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          finalita: 'presa-in-carico',
          motivo: 'verifica di test',
        },
      }),
    sql: async (text, params) => (await pg.query(text, params)).rows,
    close: async () => {
      await nats.close();
      await pg.end();
      await app.close();
      await dropTestDatabase(db.adminUrl);
      await presaInCarico.close();
      await accesso.close();
    },
  };
}

const MESI = 'ABCDEHLMPRST';
let progressivo = 0;

/**
 * A valid codice fiscale (check character included) encoding the given birth date and sex, different
 * at each call (the cognome part changes); it belongs to nobody.
 */
export function codiceFiscaleDi(dataNascita: string, sesso: 'M' | 'F'): string {
  progressivo += 1;
  const lettere =
    String.fromCharCode(65 + (progressivo % 26)) + String.fromCharCode(65 + Math.floor(progressivo / 26));
  const giorno = Number(dataNascita.slice(8, 10)) + (sesso === 'F' ? 40 : 0);
  const primi15 =
    `GP${lettere[0]}AD${lettere[1]}` +
    dataNascita.slice(2, 4) +
    MESI[Number(dataNascita.slice(5, 7)) - 1] +
    String(giorno).padStart(2, '0') +
    'D142';
  return primi15 + checkChar(primi15);
}

/** The header of GePI's export in the documented mapping (gepi-nuclei-adi@1). */
export const INTESTAZIONE_GEPI =
  'Codice domanda;Codice fiscale richiedente;Cognome richiedente;Nome richiedente;Data di nascita;Sesso;' +
  'Codice ISTAT comune di residenza;Data sottoscrizione PAD;Numero componenti nucleo;Stato domanda';

export interface RigaGepi {
  domanda: string;
  cf: string;
  cognome?: string;
  nome?: string;
  nascita: string;
  sesso?: string;
  comune?: string;
  pad: string;
  componenti?: string;
}

/** `gg/mm/aaaa` as GePI writes dates. */
export const gepiData = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function fileGepi(righe: RigaGepi[]): string {
  return (
    [
      INTESTAZIONE_GEPI,
      ...righe.map((r) =>
        [
          r.domanda,
          r.cf,
          r.cognome ?? 'Rossi',
          r.nome ?? 'Anna',
          r.nascita.includes('/') ? r.nascita : gepiData(r.nascita),
          r.sesso ?? '',
          r.comune ?? CREMA,
          r.pad.includes('/') ? r.pad : gepiData(r.pad),
          r.componenti ?? '3',
          'Accolta',
        ].join(';'),
      ),
    ].join('\r\n') + '\r\n'
  );
}
