import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  DomainError,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
  type StatoPresaInCaricoV1,
} from '@ambito/contracts';
import { RpcClient, gatewaySignerFrom } from '@ambito/messaging';
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
import { createMisureApp } from '../src/app/create-misure-app';
import { loadMisureConfig } from '../src/config/misure-config';
import { FONTI_ISTANZA, type FontiIstanza, type PersonaPerMisure } from '../src/fonti/fonti-istanza';

/** Users of the tests, one per role they play. */
export const ATTORI = {
  udp: testActor('udp', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
  operatore: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  operatorePandino: testActor('operatore.pandino', ['operatore-accesso'], ['SA-PANDINO']),
  asCrema: testActor('as.crema', ['assistente-sociale'], ['SA-CREMA']),
  responsabileCrema: testActor('responsabile.crema', ['responsabile-comune'], [], ['019035']),
  responsabilePandino: testActor('responsabile.pandino', ['responsabile-comune'], [], ['019067']),
};

/** The purpose every test request declares unless it says otherwise (reads of personal data need one). */
export const FINALITA_TEST = 'istruttoria-misure';
export const MOTIVO_TEST = 'verifica dei requisiti dell’istanza';

/**
 * TEST STAND-IN for the sources of an istanza (FONTI_ISTANZA), until the real one (lane misure-fonti,
 * accesso and presa-in-carico over the bus) is wired in the harness: a table the tests fill. Never used
 * by the app.
 */
export class FontiIstanzaDiProva implements FontiIstanza {
  readonly persone = new Map<string, PersonaPerMisure>();
  readonly cartelle = new Map<string, StatoPresaInCaricoV1>();

  async persona(personaId: string): Promise<PersonaPerMisure> {
    const persona = this.persone.get(personaId);
    if (!persona) throw new DomainError('PERSONA_NON_TROVATA', 'Persona non trovata.');
    return persona;
  }

  async presaInCarico(personaId: string): Promise<StatoPresaInCaricoV1> {
    return (
      this.cartelle.get(personaId) ?? {
        valutazioneCompletata: false,
        valutazioneClinicaSociale: false,
        progettoApprovato: false,
        budgetDiProgetto: false,
      }
    );
  }
}

export interface TestMisure {
  app: NestExpressApplication;
  databaseUrl: string;
  /** The stand-in sources of the istanze: the tests put persone and cartelle in it. */
  fonti: FontiIstanzaDiProva;
  /**
   * A NATS request as the given actor, exactly as the gateway sends it (actor signed). The purpose
   * defaults to a test one; `null` sends none.
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
 * The misure service in-process, on a fresh database and the test NATS server of the global setup.
 * `identita`: keys shared with another service of the test (e.g. a real budget that must trust misure's
 * signature); a fresh set otherwise.
 */
export async function startTestMisure(
  opzioni: { env?: Record<string, string>; identita?: IdentityKeyEnv } = {},
): Promise<TestMisure> {
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('misure');
  const databaseUrl = db.adminUrl;
  const identita = opzioni.identita ?? generateIdentityKeys();
  const fonti = new FontiIstanzaDiProva();
  const app = await createMisureApp(
    loadMisureConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('misure'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      ...serviceSigningEnv(identita, 'misure'),
      ...opzioni.env,
    }),
    { providers: [{ provide: FONTI_ISTANZA, useValue: fonti }] },
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
    fonti,
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
