import type { Provider } from '@nestjs/common';
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
import { FONTI_BENEFICI } from '../src/benefici/fonti-benefici';
import { loadMisureConfig } from '../src/config/misure-config';
import {
  FONTI_ISTANZA,
  RIESAME_ISTRUTTORIE,
  type FontiIstanza,
  type PersonaPerMisure,
  type RiesameIstruttorie,
} from '../src/fonti/fonti-istanza';

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
 * TEST STAND-IN for the sources of an istanza (FONTI_ISTANZA) when the real accesso and presa in carico
 * are not started (`servizi`): a table the tests fill, for the tests of avvisi, istanze and istruttorie.
 * Never used by the app.
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
  /** Another provider of RIESAME_ISTRUTTORIE (a recorder): the consumers of the sources' events call it. */
  riesame?: Provider;
  /** Environment of the service besides the harness's (e.g. ISTRUTTORIA_EQUIPE). */
  env?: Record<string, string>;
  /** Keys shared with another service of the test (e.g. a real budget that must trust misure's signature). */
  identita?: IdentityKeyEnv;
  /** Providers added last (e.g. DOPO_PAGINA_EROGAZIONI, a stop after a page of the monthly run). */
  providers?: Provider[];
}

export interface TestMisure {
  app: NestExpressApplication;
  databaseUrl: string;
  /** The stand-in sources of the istanze (without `servizi`): the tests put persone and cartelle in it. */
  fonti: FontiIstanzaDiProva;
  /** The real sources, when started with `servizi: true`; else null. */
  servizi: ServiziFonti | null;
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
 * The misure service in-process, on a fresh database and the test NATS server of the global setup;
 * with `servizi`, the real accesso and presa-in-carico beside it (each on its own database, all three
 * with one key set: misure signs its calls with its own key, the others trust it).
 */
export async function startTestMisure(opzioni: OpzioniTestMisure = {}): Promise<TestMisure> {
  const identita = opzioni.identita ?? generateIdentityKeys();
  const servizi = opzioni.servizi ? await avviaServizi(identita) : null;
  {
    // The producers' streams exist before the consumers start, as when they run: integrazioni's
    // (isee.acquisito) and assistenti-familiari's (the cumulation's contracts and Bonus) always, accesso's
    // and presa-in-carico's when this harness does not start those services itself.
    const produttori = [
      'integrazioni',
      'assistenti-familiari',
      ...(servizi ? [] : ['accesso', 'presa-in-carico']),
    ];
    const collaudo = await connectTestNats(undefined, { name: 'misure-test-stream' });
    const jsm = await collaudo.jetstreamManager();
    for (const p of produttori) await ensureStream(jsm, eventStreamName(p), [`evt.${p}.>`]);
    await collaudo.close();
  }
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('misure');
  const databaseUrl = db.adminUrl;
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
    {
      riesame: opzioni.riesame,
      providers: [
        ...(servizi
          ? []
          : [
              { provide: FONTI_ISTANZA, useValue: fonti },
              // Without accesso the benefici find no records of the person (no ricovero, no death).
              { provide: FONTI_BENEFICI, useValue: { registrazioni: async () => null } },
            ]),
        ...(opzioni.providers ?? []),
      ],
    },
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
    servizi,
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
