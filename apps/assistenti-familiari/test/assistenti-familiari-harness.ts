import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  attorePubblico,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { ActorSigner, RpcClient, ServiceCaller, gatewaySignerFrom, parseSigningKey } from '@ambito/messaging';
import { OGLIO_PO_TERRITORIO_FILE } from './territorio';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  generateIdentityKeys,
  testActor,
  testNatsEnv,
  type IdentityKeyEnv,
} from '@ambito/testing';
import { createAssistentiFamiliariApp } from '../src/app/create-assistenti-familiari-app';
import { loadAssistentiFamiliariConfig } from '../src/config/assistenti-familiari-config';

/**
 * Users of the tests, one per role they play, in the Ambito Oglio Po (its two sportelli: Casalmaggiore
 * in SA-CASALMAGGIORE, Viadana in SA-VIADANESE).
 */
export const ATTORI = {
  udp: testActor('udp', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
  operatore: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  casalmaggiore: testActor('sportello.casalmaggiore', ['operatore-accesso'], ['SA-CASALMAGGIORE']),
  viadana: testActor('sportello.viadana', ['operatore-accesso'], ['SA-VIADANESE']),
  /** An operator of a sub-ambito without a sportello. */
  foedus: testActor('operatore.foedus', ['operatore-accesso'], ['SA-FOEDUS']),
  responsabile: testActor('responsabile.viadana', ['responsabile-comune'], [], ['020066']),
  pubblico: attorePubblico('CREMA'),
};

export const SPORTELLO_CASALMAGGIORE = 'SPORTELLO-AF-CASALMAGGIORE';
export const SPORTELLO_VIADANA = 'SPORTELLO-AF-VIADANA';

export interface TestAssistentiFamiliari {
  app: NestExpressApplication;
  databaseUrl: string;
  /** A NATS request as the given actor, exactly as the gateway sends it (actor signed). */
  as(
    actor: Actor,
    motivo?: string,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /**
   * Presa in carico as it calls this service: its NATS user, its own key, its declared calls
   * (PRESA_IN_CARICO_CHIAMATE), verified here against the run's trusted keys.
   */
  presaInCarico: ServiceCaller;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Sets the registro's today (AAAA-MM-GG). */
  oggi(giorno: string): void;
  close(): Promise<void>;
}

/** The assistenti-familiari service in-process, on a fresh database and the test NATS server of the global setup. */
export async function startTestAssistentiFamiliari(
  opzioni: {
    oggi?: string;
    /** Keys shared with another service of the test (presa in carico calls this one as itself). */
    identita?: IdentityKeyEnv;
  } = {},
): Promise<TestAssistentiFamiliari> {
  let oggi = opzioni.oggi ?? '2026-06-15';
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('assistenti_familiari');
  const databaseUrl = db.adminUrl;
  const identita = opzioni.identita ?? generateIdentityKeys();
  const app = await createAssistentiFamiliariApp(
    loadAssistentiFamiliariConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('assistenti-familiari'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      TERRITORIO_FILE: OGLIO_PO_TERRITORIO_FILE,
      // The tests run the re-verification themselves, on the day they choose.
      RIVERIFICA_INTERVALLO_MINUTI: '0',
    }),
    { oggi: () => oggi },
  );
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'assistenti-familiari-test' });
  // Signs the actor as the gateway does, with this run's key.
  const rpc = new RpcClient(nats, 5000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  const natsPresaInCarico = await connectTestNats('presa-in-carico', {
    name: 'assistenti-familiari-test-pic',
  });
  const presaInCarico = new ServiceCaller(
    natsPresaInCarico,
    { service: 'presa-in-carico', ambito: 'CREMA' },
    5000,
    new ActorSigner(parseSigningKey(identita.SERVICE_SIGNING_KEYS['presa-in-carico'], 'presa-in-carico'), {
      ambito: 'CREMA',
    }),
  );
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=assistenti_familiari' });
  await pg.connect();
  return {
    app,
    databaseUrl,
    as: (actor, motivo) => (subject, payload) =>
      rpc.request(subject, payload, {
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          motivo,
          // A purpose comes with a motivo: the one of the registro's personal reads.
          finalita: motivo ? 'registro-assistenti-familiari' : undefined,
        },
      }),
    presaInCarico,
    sql: async (text, params) => (await pg.query(text, params)).rows,
    oggi: (giorno) => {
      oggi = giorno;
    },
    close: async () => {
      await nats.close();
      await natsPresaInCarico.close();
      await pg.end();
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
