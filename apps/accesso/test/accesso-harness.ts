import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  type Actor,
  type RegistraAccessoV1,
  type RegistraPersonaV1,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { RpcClient, gatewaySignerFrom } from '@ambito/messaging';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  generateIdentityKeys,
  testActor,
  testNatsEnv,
  type IdentityKeyEnv,
} from '@ambito/testing';
import { createAccessoApp } from '../src/app/create-accesso-app';
import { loadAccessoConfig } from '../src/config/accesso-config';

/** The purpose the harness declares unless told otherwise (reads of personal data require one). */
export const FINALITA_TEST = 'segretariato-sociale';
export const MOTIVO_TEST = 'verifica di test';

/** Users of the tests, one per role, in the sub-ambiti and comuni of the demo territorio. */
export const CREMA = '019035';
export const PANDINO = '019067';
export const SONCINO = '019097';
export const ATTORI = {
  operatoreCrema: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  operatoreSoncino: testActor('operatore.soncino', ['operatore-accesso'], ['SA-SONCINO']),
  coordinatoreCrema: testActor('coordinatore.crema', ['coordinatore-sub-ambito'], ['SA-CREMA']),
  responsabileCrema: testActor('responsabile.crema', ['responsabile-comune'], [], [CREMA]),
  responsabilePandino: testActor('responsabile.pandino', ['responsabile-comune'], [], [PANDINO]),
  udp: testActor('udp', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
};

export interface TestAccesso {
  app: NestExpressApplication;
  databaseUrl: string;
  /** The key pair of this run: the service trusts its public half, `as` signs with the private one. */
  identita: IdentityKeyEnv;
  /**
   * A NATS request as the given actor, exactly as the gateway sends it (actor signed). The purpose of the request
   * (code and text) defaults to a test one; `null` sends none (to test that reads of personal data
   * refuse it). `idempotencyKey` sends the request with that Idempotency-Key, as the gateway does.
   */
  as(
    actor: Actor,
    motivo?: string | null,
    finalita?: string | null,
    idempotencyKey?: string,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The accesso service in-process, on a fresh database and the test NATS server of the global setup;
 * `env` adds variables (TERRITORIO_FILE for another ambito); `identita` shares the key set of a test
 * that starts other services too (misure calls accesso with its own key).
 */
export async function startTestAccesso(
  env: Record<string, string> = {},
  opzioni: { identita?: IdentityKeyEnv } = {},
): Promise<TestAccesso> {
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('accesso');
  const databaseUrl = db.adminUrl;
  // Shared with the services of the same test when given (they call accesso with their own keys).
  const identita = opzioni.identita ?? generateIdentityKeys();
  const app = await createAccessoApp(
    loadAccessoConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('accesso'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      ...env,
    }),
  );
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'accesso-test' });
  // Signs the actor as the gateway does, with this run's key.
  const rpc = new RpcClient(
    nats,
    5000,
    gatewaySignerFrom(identita, { ambito: env.AMBITO_CODICE ?? 'CREMA' }),
  );
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=accesso' });
  await pg.connect();
  return {
    app,
    databaseUrl,
    identita,
    as: (actor, motivo, finalita, idempotencyKey) => (subject, payload) =>
      rpc.request(subject, payload, {
        idempotencyKey,
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          motivo: motivo === undefined ? MOTIVO_TEST : (motivo ?? undefined),
          finalita: finalita === undefined ? FINALITA_TEST : (finalita ?? undefined),
        },
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

export const persona = (
  codiceFiscale: string,
  comuneResidenza = CREMA,
  cognome = 'Rossi',
): RegistraPersonaV1 => ({
  codiceFiscale,
  cognome,
  nome: 'Maria',
  dataNascita: '1950-01-01',
  luogoNascita: 'D142',
  sesso: 'F',
  cittadinanza: 'IT',
  comuneResidenza,
});

export const accesso = (personaId: string, sede = 'SEDE-CREMA-HUB'): RegistraAccessoV1 => ({
  personaId,
  sede,
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: 'Chiede assistenza domiciliare.',
});
