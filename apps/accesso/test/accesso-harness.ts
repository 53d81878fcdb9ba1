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
import { RpcClient } from '@ambito/messaging';
import {
  connectTestNats,
  createTestDatabase,
  dropTestDatabase,
  testActor,
  testNatsEnv,
} from '@ambito/testing';
import { createAccessoApp } from '../src/app/create-accesso-app';
import { loadAccessoConfig } from '../src/config/accesso-config';

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
  /** A NATS request as the given actor, exactly as the gateway sends it. */
  as(
    actor: Actor,
    motivo?: string,
  ): <S extends RpcSubject>(subject: RpcTarget<S>, payload: RpcRequest<S>) => Promise<RpcReply<S>>;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The accesso service in-process, on a fresh database and the test NATS server of the global setup;
 * `env` adds variables (TERRITORIO_FILE for another ambito).
 */
export async function startTestAccesso(env: Record<string, string> = {}): Promise<TestAccesso> {
  const databaseUrl = await createTestDatabase('accesso');
  const app = await createAccessoApp(
    loadAccessoConfig({
      DATABASE_URL: databaseUrl,
      ...testNatsEnv('accesso'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...env,
    }),
  );
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'accesso-test' });
  const rpc = new RpcClient(nats, 5000);
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=accesso' });
  await pg.connect();
  return {
    app,
    databaseUrl,
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
