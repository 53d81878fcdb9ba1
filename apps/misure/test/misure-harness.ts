import type { Provider } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Actor, RpcReply, RpcRequest, RpcSubject, RpcTarget } from '@ambito/contracts';
import { RpcClient, ensureStream, eventStreamName, gatewaySignerFrom } from '@ambito/messaging';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  generateIdentityKeys,
  serviceSigningEnv,
  testActor,
  testNatsEnv,
} from '@ambito/testing';
// The real producers, in-process (test code only): misure reads them with its own identity and
// consumes their events, and only the real services prove the requests, the audit and the events.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestAccesso, type TestAccesso } from '../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../presa-in-carico/test/presa-in-carico-harness';
import { createMisureApp } from '../src/app/create-misure-app';
import { loadMisureConfig } from '../src/config/misure-config';
import { RIESAME_ISTRUTTORIE, type RiesameIstruttorie } from '../src/fonti/fonti-istanza';

/** Users of the tests, one per role they play. */
export const ATTORI = {
  udp: testActor('udp', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
  operatore: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
};

/** accesso and presa-in-carico running beside misure, with the same key set (they trust misure's key). */
export interface ServiziFonti {
  accesso: TestAccesso;
  presaInCarico: TestPresaInCarico;
  /** Stops one of them before the end of the test (its callers then find nobody answering). */
  ferma(servizio: 'accesso' | 'presa-in-carico'): Promise<void>;
}

export interface OpzioniTestMisure {
  /** Starts the real accesso and presa-in-carico in-process too (`servizi`). */
  servizi?: boolean;
  /** The provider of RIESAME_ISTRUTTORIE: with it, the consumers of the sources' events start. */
  riesame?: Provider;
}

export interface TestMisure {
  app: NestExpressApplication;
  databaseUrl: string;
  /** The real sources, when started with `servizi: true`; else null. */
  servizi: ServiziFonti | null;
  /** A NATS request as the given actor, exactly as the gateway sends it (actor signed). */
  as(
    actor: Actor,
    motivo?: string,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The misure service in-process, on a fresh database and the test NATS server of the global setup;
 * with `servizi`, the real accesso and presa-in-carico beside it (each on its own database, all three
 * with one key set: misure signs its calls with its own key, the others trust it).
 */
export async function startTestMisure(opzioni: OpzioniTestMisure = {}): Promise<TestMisure> {
  const identita = generateIdentityKeys();
  const servizi = opzioni.servizi ? await avviaServizi(identita) : null;
  if (opzioni.riesame && !servizi) {
    // The producers' streams exist before the consumers start, as when accesso and presa-in-carico run.
    const collaudo = await connectTestNats(undefined, { name: 'misure-test-stream' });
    const jsm = await collaudo.jetstreamManager();
    await ensureStream(jsm, eventStreamName('accesso'), ['evt.accesso.>']);
    await ensureStream(jsm, eventStreamName('presa-in-carico'), ['evt.presa-in-carico.>']);
    await collaudo.close();
  }
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('misure');
  const databaseUrl = db.adminUrl;
  const app = await createMisureApp(
    loadMisureConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('misure'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      ...serviceSigningEnv(identita, 'misure'),
    }),
    { riesame: opzioni.riesame },
  );
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'misure-test' });
  // Signs the actor as the gateway does, with this run's key.
  const rpc = new RpcClient(nats, 5000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=misure' });
  await pg.connect();
  return {
    app,
    databaseUrl,
    servizi,
    as: (actor, motivo) => (subject, payload) =>
      rpc.request(subject, payload, {
        context: { actor, correlationId: randomUUID(), causationId: null, motivo },
      }),
    sql: async (text, params) => (await pg.query(text, params)).rows,
    close: async () => {
      await nats.close();
      await pg.end();
      await app.close();
      await dropTestDatabase(databaseUrl);
      await servizi?.chiudi();
    },
  };
}

async function avviaServizi(
  identita: ReturnType<typeof generateIdentityKeys>,
): Promise<ServiziFonti & { chiudi(): Promise<void> }> {
  const [accesso, presaInCarico] = await Promise.all([
    startTestAccesso({}, { identita }),
    startTestPresaInCarico({ identita, sportelloAccesso: false }),
  ]);
  const fermati = new Set<string>();
  const ferma = async (servizio: 'accesso' | 'presa-in-carico') => {
    if (fermati.has(servizio)) return;
    fermati.add(servizio);
    await (servizio === 'accesso' ? accesso : presaInCarico).close();
  };
  return {
    accesso,
    presaInCarico,
    ferma,
    chiudi: async () => {
      await ferma('presa-in-carico');
      await ferma('accesso');
    },
  };
}

/** A RiesameIstruttorie that records its calls (until the istanze feature provides the real one). */
export function riesameRegistrato(): {
  provider: Provider;
  chiamate: { personaId: string; causa: string }[];
} {
  const chiamate: { personaId: string; causa: string }[] = [];
  const riesame: RiesameIstruttorie = {
    riesaminaPersona: async (personaId, causa) => {
      chiamate.push({ personaId, causa });
    },
  };
  return { provider: { provide: RIESAME_ISTRUTTORIE, useValue: riesame }, chiamate };
}
