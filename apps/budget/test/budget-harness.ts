import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  rpcDeclaration,
  subjectOf,
  validaContratto,
  type Actor,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import type { NatsConnection } from 'nats';
import { ActorSigner, RpcClient, ServiceCaller, gatewaySignerFrom, parseSigningKey } from '@ambito/messaging';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  generateIdentityKeys,
  testActor,
  testNatsEnv,
  type IdentityKeyEnv,
} from '@ambito/testing';
import { createBudgetApp } from '../src/app/create-budget-app';
import { loadBudgetConfig } from '../src/config/budget-config';

export const CREMA = '019035';
export const PANDINO = '019067';

export const ATTORI = {
  udp: testActor('udp', ['ufficio-di-piano']),
  // A second person of the Ufficio di Piano: decides what the first proposed (four eyes).
  udp2: testActor('udp.due', ['ufficio-di-piano']),
  admin: testActor('admin', ['amministratore']),
  operatoreCrema: testActor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  coordinatoreCrema: testActor('coordinatore.crema', ['coordinatore-sub-ambito'], ['SA-CREMA']),
  responsabilePandino: testActor('responsabile.pandino', ['responsabile-comune'], [], [PANDINO]),
};

type Richiesta = <S extends RpcSubject>(
  subject: RpcTarget<S>,
  payload: RpcRequest<S>,
) => Promise<RpcReply<S>>;

export interface TestBudget {
  app: NestExpressApplication;
  databaseUrl: string;
  /**
   * A NATS request as the given actor, exactly as the gateway (or another service) sends it, with a
   * test purpose (code and text) unless `finalita` is null (reads naming a beneficiary require one).
   */
  as(actor: Actor, finalita?: string | null): Richiesta;
  /**
   * The misure service as it will call budget: `ServiceCaller` on the `misure` NATS user, signing its
   * own actor (`servizio:misure`) with its own key, with the declared purpose (MISURE_CHIAMATE).
   */
  misure: ServiceCaller;
  /**
   * As `as`, on the gateway's connection but signed with the key of `firmatario` (`gateway` or a calling
   * service): what the signature lets through is under test, not the NATS permissions.
   */
  firmatoDa(firmatario: string, actor: Actor): Richiesta;
  /** The misure service's NATS connection (its generated permissions), for requests built by hand. */
  natsMisure: NatsConnection;
  /** This run's keys: the gateway's, the calling services' (SERVICE_SIGNING_KEYS), the trusted ones. */
  identita: IdentityKeyEnv;
  /** SQL on the service's schema, to check what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Row counts of every table a command may write, to prove a refused command wrote nothing. */
  conteggi(): Promise<Record<string, number>>;
  /** Stops the service (its callers then find nobody answering); its database stays. */
  ferma(): Promise<void>;
  /** Starts it again on the same database, after `ferma`. */
  riavvia(): Promise<void>;
  close(): Promise<void>;
}

const TABELLE = [
  'annualita',
  'assegnazione',
  'linea',
  'dotazione',
  'impegno',
  'liquidazione',
  'mandato',
  'movimento',
  'abilitazione_servizio',
  'outbox_message',
  'quota_capitaria',
  'abitanti_comune',
];

/** Every reply is checked against the reply class of its declaration, as a reader would check it. */
async function rispettaIlContratto(subject: string, reply: unknown): Promise<void> {
  const dichiarazione = rpcDeclaration(subject);
  if (!dichiarazione) throw new Error(`${subject}: nessuna dichiarazione`);
  const { reply: spec } = dichiarazione;
  const [classe, valori] = Array.isArray(spec) ? [spec[0], reply as unknown[]] : [spec, [reply]];
  for (const valore of valori) {
    await validaContratto(classe, valore, { rifiutaCampiIgnoti: false }).catch((error: unknown) => {
      throw new Error(
        `${subject}: risposta fuori contratto ${JSON.stringify((error as { details?: unknown }).details)}`,
      );
    });
  }
}

/** The budget service in-process, on a fresh database and the test NATS server of the global setup. */
export async function startTestBudget(env: Record<string, string> = {}): Promise<TestBudget> {
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('budget');
  const databaseUrl = db.adminUrl;
  const identita = generateIdentityKeys();
  const avvia = () =>
    createBudgetApp(
      loadBudgetConfig({
        DATABASE_URL: db.url,
        DATABASE_MIGRATION_URL: db.migrationUrl,
        ...testNatsEnv('budget'),
        LOG_LEVEL: 'silent',
        NODE_ENV: 'test',
        ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
        ...env,
      }),
    );
  let app = await avvia();
  let fermo = false;
  // With the gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats('gateway', { name: 'budget-test' });
  // Signs the actor as the gateway does, with this run's key.
  const ambito = env.AMBITO_CODICE ?? 'CREMA';
  const rpc = new RpcClient(nats, 10_000, gatewaySignerFrom(identita, { ambito }));
  const firmaServizio = (servizio: string) =>
    new ActorSigner(parseSigningKey(identita.SERVICE_SIGNING_KEYS[servizio], servizio), { ambito });
  // The misure service (not built yet) as it will be: its NATS user, its key, ServiceCaller.
  const natsMisure = await connectTestNats('misure', { name: 'budget-test-misure' });
  const misure = new ServiceCaller(
    natsMisure,
    { service: 'misure', ambito },
    10_000,
    firmaServizio('misure'),
  );
  const richiesta =
    (client: RpcClient, actor: Actor, finalita?: string | null): Richiesta =>
    async (subject, payload) => {
      const reply = await client.request(subject, payload, {
        context: {
          actor,
          correlationId: randomUUID(),
          causationId: null,
          ...(finalita === null
            ? {}
            : { finalita: finalita ?? 'gestione-contabile', motivo: 'verifica di test' }),
        },
      });
      await rispettaIlContratto(subjectOf(subject), reply);
      return reply;
    };
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=budget' });
  await pg.connect();
  const sql = async <T>(text: string, params?: unknown[]) => (await pg.query(text, params)).rows as T[];
  return {
    get app() {
      return app;
    },
    databaseUrl,
    as: (actor, finalita) => richiesta(rpc, actor, finalita),
    firmatoDa: (firmatario, actor) =>
      richiesta(
        new RpcClient(
          nats,
          10_000,
          firmatario === 'gateway' ? gatewaySignerFrom(identita, { ambito }) : firmaServizio(firmatario),
        ),
        actor,
      ),
    misure,
    natsMisure,
    identita,
    sql,
    conteggi: async () => {
      const [row] = await sql<Record<string, string>>(
        `SELECT ${TABELLE.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`,
      );
      return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
    },
    ferma: async () => {
      fermo = true;
      await app.close();
    },
    riavvia: async () => {
      app = await avvia();
      fermo = false;
    },
    close: async () => {
      await nats.close();
      await natsMisure.close();
      await pg.end();
      if (!fermo) await app.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

/** Records the legal act assigning `importoCentesimi` of a fund's annualità. */
export const assegnazione = (fondo: string, anno: number, importoCentesimi: number) => ({
  fondo,
  anno,
  atto: { tipo: 'decreto' as const, numero: `${fondo}-${anno}`, data: `${anno}-03-18` },
  importoCentesimi,
});
