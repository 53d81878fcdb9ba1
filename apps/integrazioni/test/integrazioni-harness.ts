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
  type IdentityKeyEnv,
} from '@ambito/testing';
import { createIntegrazioniApp } from '../src/app/create-integrazioni-app';
import type { OpzioniIntegrazioni } from '../src/app/integrazioni.module';
import { loadIntegrazioniConfig } from '../src/config/integrazioni-config';

/** Users of the tests, one per role they play. */
export const ATTORI = {
  udp: testActor('udp', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
  operatore: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  // The machine client of the WaaS API (INPS polling through the gateway with a PDND voucher).
  inps: testActor('pdnd:inps', ['inps']),
};

export interface OpzioniTestIntegrazioni {
  /** Keys shared with the other services of the test (they must trust integrazioni's signature). */
  identita?: IdentityKeyEnv;
}

export interface TestIntegrazioni {
  app: NestExpressApplication;
  databaseUrl: string;
  /** A NATS request as the given actor, exactly as the gateway sends it (actor signed). */
  as(
    actor: Actor,
    motivo?: string,
    finalita?: string,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpzioniTestIntegrazioni extends OpzioniIntegrazioni {
  /** Environment of the service besides the harness's (the adapters' settings). */
  env?: Record<string, string>;
  /** Keys shared with the other services of the test (misure and accesso trust integrazioni's key). */
  identita?: IdentityKeyEnv;
}

/** The integrazioni service in-process, on a fresh database and the test NATS server of the global setup. */
export async function startTestIntegrazioni(
  opzioni: OpzioniTestIntegrazioni = {},
): Promise<TestIntegrazioni> {
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('integrazioni');
  const databaseUrl = db.adminUrl;
  const identita = opzioni.identita ?? generateIdentityKeys();
  // The producers' streams exist before the consumers start (misure's events), as when misure runs.
  const collaudo = await connectTestNats(undefined, { name: 'integrazioni-test-stream' });
  const jsm = await collaudo.jetstreamManager();
  await ensureStream(jsm, eventStreamName('misure'), ['evt.misure.>']);
  // And presa in carico's (its progetti and SINA valutazioni feed SIUSS too).
  await ensureStream(jsm, eventStreamName('presa-in-carico'), ['evt.presa-in-carico.>']);
  await collaudo.close();
  const app = await createIntegrazioniApp(
    loadIntegrazioniConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('integrazioni'),
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      // Its own identity (it calls misure, accesso and presa in carico as the service).
      ...serviceSigningEnv(identita, 'integrazioni'),
      ...opzioni.env,
    }),
    { providers: opzioni.providers },
  );
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'integrazioni-test' });
  // Signs the actor as the gateway does, with this run's key.
  const rpc = new RpcClient(nats, 5000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=integrazioni' });
  await pg.connect();
  return {
    app,
    databaseUrl,
    as: (actor, motivo, finalita) => (subject, payload) =>
      rpc.request(subject, payload, {
        context: { actor, correlationId: randomUUID(), causationId: null, motivo, finalita },
      }),
    sql: async (text, params) => (await pg.query(text, params)).rows,
    close: async () => {
      await nats.close();
      await pg.end();
      await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}
