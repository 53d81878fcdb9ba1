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
import { RpcClient, connectNats } from '@ambito/messaging';
import { createTestDatabase, dropTestDatabase, testActor } from '@ambito/testing';
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
  /**
   * A NATS request as the given actor, exactly as the gateway sends it. The purpose of the request
   * (code and text) defaults to a test one; `null` sends none (to test that reads of personal data
   * refuse it).
   */
  as(
    actor: Actor,
    motivo?: string | null,
    finalita?: string | null,
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
  const natsUrl = process.env.TEST_NATS_URL!;
  const databaseUrl = await createTestDatabase('accesso');
  const app = await createAccessoApp(
    loadAccessoConfig({
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ...env,
    }),
  );
  const nats = await connectNats(natsUrl, 'accesso-test');
  const rpc = new RpcClient(nats, 5000);
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=accesso' });
  await pg.connect();
  return {
    app,
    databaseUrl,
    as: (actor, motivo, finalita) => (subject, payload) =>
      rpc.request(subject, payload, {
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
