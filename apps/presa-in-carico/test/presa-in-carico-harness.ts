import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  AckPolicy,
  DeliverPolicy,
  headers as natsHeaders,
  type ConsumerMessages,
  type NatsConnection,
  type Subscription,
} from 'nats';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ACCESSO_RPC,
  DomainError,
  HEADER,
  UTENTE_COLLAUDO,
  eventSubject,
  type AccessoChiusoV2,
  type Actor,
  type AperturaCartellaV1,
  type ApriCartellaV1,
  type CartellaV1,
  type EventEnvelope,
  type PropostaPresaInCaricoV1,
  type ProponiProgettoV1,
  type RpcReply,
  type RpcRequest,
  type RpcSubject,
  type RpcTarget,
} from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';
import {
  ActorVerifier,
  EventBus,
  RpcClient,
  contextFromHeaders,
  ensureStream,
  eventStreamName,
  gatewaySignerFrom,
  parseTrustedKeys,
  respondError,
  respondOk,
} from '@ambito/messaging';
import {
  connectTestNats,
  createServiceTestDatabase,
  dropTestDatabase,
  eventually,
  generateIdentityKeys,
  testActor,
  serviceSigningEnv,
  testNatsEnv,
  type IdentityKeyEnv,
} from '@ambito/testing';
import { createPresaInCaricoApp } from '../src/app/create-presa-in-carico-app';
import { loadPresaInCaricoConfig } from '../src/config/presa-in-carico-config';

export const CREMA = '019035';
export const PANDINO = '019067';
export const CASTELLEONE = '019025';

const actor = (userId: string, ruoli: Actor['ruoli'], subAmbiti: string[] = [], comuni: string[] = []) =>
  testActor(userId, ruoli, subAmbiti, comuni, `Nome di ${userId}`);

/** The purpose the harness declares unless told otherwise (reads of personal data require one). */
export const FINALITA_TEST = 'presa-in-carico';
export const MOTIVO_TEST = 'verifica di test';

/** Users of the tests, one per role, in the sub-ambiti and comuni of the demo territorio. */
export const ATTORI = {
  operatoreCrema: actor('operatore.crema', ['operatore-accesso'], ['SA-CREMA']),
  asCrema: actor('as.crema', ['assistente-sociale'], ['SA-CREMA']),
  asCrema2: actor('as.crema2', ['assistente-sociale'], ['SA-CREMA']),
  /** A psychologist of the Crema équipe (équipe workers log in with the assistente-sociale role). */
  psiCrema: actor('psi.crema', ['assistente-sociale'], ['SA-CREMA']),
  asCastelleone: actor('as.castelleone', ['assistente-sociale'], ['SA-CASTELLEONE']),
  coordinatoreCrema: actor('coordinatore.crema', ['coordinatore-sub-ambito'], ['SA-CREMA']),
  coordinatorePandino: actor('coordinatore.pandino', ['coordinatore-sub-ambito'], ['SA-PANDINO']),
  responsabileCrema: actor('responsabile.crema', ['responsabile-comune'], [], [CREMA]),
  responsabileCrema2: actor('vice.responsabile.crema', ['responsabile-comune'], [], [CREMA]),
  responsabilePandino: actor('responsabile.pandino', ['responsabile-comune'], [], [PANDINO]),
  /** A coordinator who also signs for the Comune: may propose or decide, never both on one project. */
  coordinatoreResponsabileCrema: actor(
    'doppio.ruolo.crema',
    ['coordinatore-sub-ambito', 'responsabile-comune'],
    ['SA-CREMA'],
    [CREMA],
  ),
  udp: actor('udp', ['ufficio-di-piano']),
  admin: actor('admin', ['amministratore']),
};

export interface TestPresaInCarico {
  app: NestExpressApplication;
  nats: NatsConnection;
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
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Publishes an accesso.accesso.chiuso on JetStream exactly as the accesso outbox relay does. */
  pubblicaAccessoChiuso(envelope: EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV2>): Promise<void>;
  /**
   * Plays accesso's side of `accesso.proposta.leggi` on the bus (the proposte of `accessoChiuso`),
   * verifying the caller's signed identity as accesso does; stopped, nobody answers (accesso down).
   */
  accesso: SportelloAccesso;
  /** Events this service published on JetStream (collected from its stream). */
  eventi: EventEnvelope[];
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The presa-in-carico service in-process, on a fresh database and the test NATS of the global setup. */
export async function startTestPresaInCarico(
  options: {
    identita?: IdentityKeyEnv;
    env?: Record<string, string>;
    /** False when the real accesso runs beside it (then it answers accesso.proposta.leggi). */
    sportelloAccesso?: boolean;
  } = {},
): Promise<TestPresaInCarico> {
  const env = options.env ?? {};
  // The service as its runtime role, migrating as the schema's owner (roles as in production).
  const db = await createServiceTestDatabase('presa_in_carico');
  const databaseUrl = db.adminUrl;
  // The test user (unrestricted) plays accesso and reads this service's stream; requests go with the
  // gateway's NATS user, which may send every declared request and nothing else.
  const nats = await connectTestNats(UTENTE_COLLAUDO, { name: 'presa-in-carico-test' });
  const gateway = await connectTestNats('gateway', { name: 'presa-in-carico-test-gateway' });
  // The producers' streams exist before the consumers start, as when accesso and misure run.
  await ensureStream(await nats.jetstreamManager(), eventStreamName('accesso'), ['evt.accesso.>']);
  // The sportello assistenti familiari's events (richiesta soddisfatta), consumed by the cartelle.
  await ensureStream(await nats.jetstreamManager(), eventStreamName('assistenti-familiari'), [
    'evt.assistenti-familiari.>',
  ]);
  await ensureStream(await nats.jetstreamManager(), eventStreamName('misure'), ['evt.misure.>']);
  // Shared with an accesso of the same test when given (it must trust this service's key).
  const identita = options.identita ?? generateIdentityKeys();
  const app = await createPresaInCaricoApp(
    loadPresaInCaricoConfig({
      DATABASE_URL: db.url,
      DATABASE_MIGRATION_URL: db.migrationUrl,
      ...testNatsEnv('presa-in-carico'),
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      ACTOR_TRUSTED_KEYS: identita.ACTOR_TRUSTED_KEYS,
      // Its own identity, for the intake's read of the proposta from accesso.
      ...serviceSigningEnv(identita, 'presa-in-carico'),
      ...env,
    }),
  );
  // Signs the actor as the gateway does, with this run's key.
  const rpc = new RpcClient(gateway, 5000, gatewaySignerFrom(identita, { ambito: 'CREMA' }));
  const pg = new Client({ connectionString: databaseUrl, options: '-c search_path=presa_in_carico' });
  await pg.connect();
  const accesso = new SportelloAccesso(
    nats,
    new ActorVerifier(parseTrustedKeys(identita.ACTOR_TRUSTED_KEYS), { ambito: 'CREMA' }),
  );
  if (options.sportelloAccesso !== false) accesso.avvia();

  const eventi: EventEnvelope[] = [];
  const durable = `test-${randomUUID()}`;
  await (
    await nats.jetstreamManager()
  ).consumers.add(eventStreamName('presa-in-carico'), {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.New,
  });
  const messages: ConsumerMessages = await (
    await nats.jetstream().consumers.get(eventStreamName('presa-in-carico'), durable)
  ).consume();
  void (async () => {
    for await (const m of messages) {
      eventi.push(m.json());
      m.ack();
    }
  })();

  return {
    app,
    nats,
    eventi,
    accesso,
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
    pubblicaAccessoChiuso: async (envelope) => {
      const h = natsHeaders();
      h.set(HEADER.correlationId, envelope.correlationId);
      // No Nats-Msg-Id on purpose in redelivery tests: the inbox, not JetStream de-duplication, is under test.
      await nats
        .jetstream()
        .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope), {
          headers: h,
        });
    },
    flush: () => app.get(EventBus).flushOutbox(),
    close: async () => {
      accesso.ferma();
      await messages.close();
      await pg.end();
      await app.close();
      await nats.close();
      await gateway.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

/** The cartella of a direct opening that stayed in the actor's sub-ambito (fails on a forwarded one). */
export function cartellaAperta(esito: AperturaCartellaV1): CartellaV1 {
  if (esito.esito !== 'aperta' || !esito.cartella) throw new Error(`apertura ${esito.esito}, non aperta`);
  return esito.cartella;
}

let progressivo = 0;
/** A valid codice fiscale (check character included), different at each call; it belongs to nobody. */
export function codiceFiscale(): string {
  progressivo += 1;
  const primi15 = `TSTPRS50A41D${String(progressivo).padStart(3, '0')}`;
  return primi15 + checkChar(primi15);
}

/** The proposte that the harness's accesso knows, by accessoId (filled by `accessoChiuso`). */
const PROPOSTE = new Map<string, PropostaPresaInCaricoV1>();

/** What the harness's accesso received with each read of a proposta. */
export interface LetturaProposta {
  accessoId: string;
  userId: string;
  ruoli: string[];
  finalita?: string;
  motivo?: string;
}

/**
 * accesso's answer to `accesso.proposta.leggi`, on the real bus: the actor verified with the run's
 * trusted keys (a forged or a user's identity is refused as accesso refuses it), the role and the
 * purpose checked against the declaration, each read recorded.
 */
export class SportelloAccesso {
  readonly letture: LetturaProposta[] = [];
  private sub?: Subscription;

  constructor(
    private readonly nats: NatsConnection,
    private readonly verifier: ActorVerifier,
  ) {}

  avvia(): void {
    if (this.sub) return;
    const declaration = ACCESSO_RPC.leggiProposta;
    this.sub = this.nats.subscribe(declaration.subject, {
      queue: 'accesso',
      callback: (_error, msg) => {
        void (async () => {
          const context = contextFromHeaders(msg.headers, randomUUID());
          try {
            const token = msg.headers?.get(HEADER.actor) || undefined;
            const actor = await this.verifier.verify(token, {
              subject: declaration.subject,
              correlationId: context.correlationId,
              body: msg.data,
            });
            if (!actor.ruoli.some((r) => declaration.ruoli.includes(r)))
              throw new DomainError('OPERAZIONE_NON_CONSENTITA', 'Ruolo non ammesso.');
            const { accessoId } = msg.json<{ accessoId: string }>();
            this.letture.push({
              accessoId,
              userId: actor.userId,
              ruoli: actor.ruoli,
              finalita: context.finalita,
              motivo: context.motivo,
            });
            const proposta = PROPOSTE.get(accessoId);
            if (!proposta) throw new DomainError('ACCESSO_NON_TROVATO', 'Accesso non trovato.');
            respondOk(msg, proposta);
          } catch (error) {
            respondError(
              msg,
              error instanceof DomainError ? error.toReply() : { code: 'ERRORE_INTERNO', message: 'errore' },
            );
          }
        })();
      },
    });
  }

  ferma(): void {
    this.sub?.unsubscribe();
    this.sub = undefined;
  }
}

/**
 * An `accesso.accesso.chiuso.v2` as accesso publishes it (ids and the esito kind only), and the
 * proposta the harness's accesso answers for it (who the person is, the motivazione).
 */
export function accessoChiuso(
  persona: { codiceFiscale: string; comuneResidenza: string; cognome?: string },
  change: Partial<AccessoChiusoV2> = {},
): EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV2> {
  const payload = {
    accessoId: randomUUID(),
    personaId: randomUUID(),
    sede: 'SEDE-CREMA-HUB',
    subAmbito: 'SA-CREMA',
    chiusoIl: new Date().toISOString(),
    operatoreId: 'operatore.crema',
    esito: { tipo: 'proposta-presa-in-carico', urgenza: 'prioritaria' },
    // A variant may be replaced whole (another esito): the union is the caller's.
    ...change,
  } as AccessoChiusoV2;
  PROPOSTE.set(payload.accessoId, {
    accessoId: payload.accessoId,
    personaId: payload.personaId,
    sede: payload.sede,
    subAmbito: payload.subAmbito,
    chiusoIl: payload.chiusoIl,
    persona: {
      codiceFiscale: persona.codiceFiscale,
      cognome: persona.cognome ?? 'Rossi',
      nome: 'Maria',
      dataNascita: '1940-01-01',
      sesso: 'F',
      comuneResidenza: persona.comuneResidenza,
    },
    motivazione: 'Non autosufficiente, vive sola',
    urgenza: 'prioritaria',
  });
  return {
    id: randomUUID(),
    type: 'accesso.accesso.chiuso',
    version: 2,
    occurredAt: new Date().toISOString(),
    ambito: 'CREMA',
    actor: { userId: 'operatore.crema', nome: 'Giulia Ferrari', ruoli: ['operatore-accesso'] },
    correlationId: randomUUID(),
    causationId: null,
    payload,
  };
}

export const apertura = (codiceFiscale: string, comuneResidenza = CREMA): ApriCartellaV1 => ({
  persona: {
    codiceFiscale,
    cognome: 'Bianchi',
    nome: 'Luca',
    dataNascita: '1980-05-05',
    sesso: 'M',
    comuneResidenza,
  },
  origine: 'dimissione-protetta',
  inviante: 'ASST Crema – Medicina generale',
  motivazione: 'Dimissione dopo frattura di femore, vive solo.',
  urgenza: 'urgente',
});

/** The budget's fund, line and annualità the harness's interventi are charged to (codes of the budget demo). */
export const IMPUTAZIONE_B2 = { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 };

export const progetto = (cartellaId: string, change: Partial<ProponiProgettoV1> = {}): ProponiProgettoV1 => ({
  id: cartellaId,
  dataInizio: '2026-01-01',
  dataFine: '2026-12-31',
  obiettivi: [
    {
      descrizione: 'Mantenere la persona al domicilio',
      indicatore: 'Giorni al domicilio senza ricoveri',
      risultatoAtteso: 'Nessun ricovero di sollievo nei 12 mesi',
    },
  ],
  interventi: [
    {
      codicePrestazione: 'A2.07',
      denominazione: 'Assistenza domiciliare socio-assistenziale',
      erogatore: 'Cooperativa sociale Il Borgo',
      intensita: { quantita: 6, unita: 'ore-settimana' },
      dal: '2026-01-01',
      al: '2026-12-31',
      costoCentesimi: 686_400,
      fonteFinanziamento: 'fondo-non-autosufficienza',
      imputazione: IMPUTAZIONE_B2,
    },
    {
      codicePrestazione: 'A1.11',
      denominazione: 'Buono sociale caregiver familiare',
      erogatore: 'Comunità Sociale Cremasca',
      intensita: { quantita: 1, unita: 'accessi-mese' },
      dal: '2026-01-01',
      al: '2026-12-31',
      costoCentesimi: 480_000,
      fonteFinanziamento: 'fondo-non-autosufficienza',
      imputazione: IMPUTAZIONE_B2,
    },
  ],
  verifiche: [
    { data: '2026-04-01', oggetto: 'Prima verifica con la famiglia' },
    { data: '2026-10-01', oggetto: 'Verifica finale' },
  ],
  impegni: ['La figlia garantisce la presenza nei fine settimana'],
  consensoPersona: true,
  ...change,
});

export async function eventoDi(
  svc: TestPresaInCarico,
  type: string,
  match: (payload: Record<string, unknown>) => boolean,
): Promise<EventEnvelope> {
  await svc.flush();
  return eventually(
    () => {
      const found = svc.eventi.find((e) => e.type === type && match(e.payload as Record<string, unknown>));
      expect(found).toBeDefined();
      return found!;
    },
    { timeoutMs: 10_000 },
  );
}

/** How many rows a table has, to check that a refused command wrote nothing. */
export async function conta(svc: TestPresaInCarico, table: string): Promise<number> {
  const [row] = await svc.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row.n;
}
