import type {
  AnyEventDeclaration,
  AnyRpcDeclaration,
  ChiamataDeclaration,
  ConsumoDeclaration,
} from '../common/declarations';
import { deadLetterStreamName, eventStreamName, eventSubject } from '../common/event-envelope';
import { RUOLI, RUOLO_PUBBLICO, isRuoloClient, ruoloServizio } from '../common/ruolo';
import {
  CHIAMATE_DECLARATIONS,
  CONSUMER_DECLARATIONS,
  EVENT_DECLARATIONS,
  RPC_DECLARATIONS,
} from '../registry';

/**
 * Who may do what on the bus, derived from the declarations (never kept by hand): every service, the
 * gateway and the operations CLI connect with their own NATS user, and each user may publish and
 * subscribe only to the subjects its declarations need. `configurazioneNatsServer` turns this into the
 * `authorization` block of nats-server.
 */

/** The gateway's user: it only sends requests. */
export const UTENTE_GATEWAY = 'gateway';
/** The operations CLI's user (dead letters: list, inspect, replay). */
export const UTENTE_OPERATORE = 'operatore';
/** The test harness's user, unrestricted: only in the test configuration, never in a deployment. */
export const UTENTE_COLLAUDO = 'collaudo';

export interface DichiarazioniBus {
  rpc: readonly AnyRpcDeclaration[];
  eventi: readonly AnyEventDeclaration[];
  consumi: readonly ConsumoDeclaration[];
  /** Requests a service sends to another with its own identity (absent: none). */
  chiamate?: readonly ChiamataDeclaration[];
}

/** The platform's declarations (libs/contracts/src/registry.ts). */
export const DICHIARAZIONI_BUS: DichiarazioniBus = {
  rpc: RPC_DECLARATIONS,
  eventi: EVENT_DECLARATIONS,
  consumi: CONSUMER_DECLARATIONS,
  chiamate: CHIAMATE_DECLARATIONS,
};

export interface PermessiUtente {
  utente: string;
  /** Italian, one line: a comment in the generated configuration. */
  descrizione: string;
  /** Subjects the user may publish to; absent: no restriction (only the test user). */
  publish?: readonly string[];
  /** Subjects (`"subject queue"` for a queue group) it may subscribe to; absent: no restriction. */
  subscribe?: readonly string[];
  /** May answer the requests it receives (publish once to their reply subject). */
  allowResponses: boolean;
}

export interface OpzioniPermessi {
  /** Adds the unrestricted test user (`collaudo`): the test harness only. */
  collaudo?: boolean;
}

/**
 * A user's replies arrive on its own inbox prefix (the clients set it, see libs/messaging's
 * connectNats): with the shared `_INBOX.>` any user could read the replies meant for another one.
 */
export function inboxPrefix(utente: string): string {
  return `_INBOX_${utente}`;
}

/** The configuration variable holding a user's password (`NATS_PASSWORD_PRESA_IN_CARICO`). */
export function variabilePassword(utente: string): string {
  return `NATS_PASSWORD_${utente.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

// Declared names become subjects of the configuration: plain lowercase tokens only, no wildcards.
const TOKEN = /^[a-z0-9][a-z0-9-]*$/;
const SOGGETTO = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;

function controlla(valore: string, regola: RegExp, cosa: string): string {
  if (!regola.test(valore)) throw new Error(`permessi NATS: ${cosa} non valido: ${JSON.stringify(valore)}`);
  return valore;
}

/** `<service>.<noun>.<verb>` and `<service>.<aggregate>.<event>`: the service is the first token. */
function servizioDi(soggetto: string): string {
  return soggetto.split('.')[0];
}

/** The services of the platform: whoever serves a subject, produces or consumes an event, or calls another. */
export function serviziDelBus(dichiarazioni: DichiarazioniBus = DICHIARAZIONI_BUS): string[] {
  const servizi = new Set<string>();
  for (const d of dichiarazioni.rpc) servizi.add(servizioDi(controlla(d.subject, SOGGETTO, 'subject')));
  for (const e of dichiarazioni.eventi)
    servizi.add(servizioDi(controlla(e.type, SOGGETTO, 'tipo di evento')));
  for (const c of dichiarazioni.consumi) servizi.add(controlla(c.servizio, TOKEN, 'servizio consumatore'));
  // A service that only calls others (misure, before it serves anything) still needs its own user.
  for (const c of dichiarazioni.chiamate ?? [])
    servizi.add(controlla(c.servizio, TOKEN, 'servizio chiamante'));
  for (const s of servizi) {
    if ([UTENTE_GATEWAY, UTENTE_OPERATORE, UTENTE_COLLAUDO].includes(s))
      throw new Error(`permessi NATS: il servizio ${s} ha il nome di un utente riservato`);
  }
  return [...servizi].sort();
}

/** What a consumer needs on its producer's stream: its own durable, on the declared subject only. */
function permessiConsumo(c: ConsumoDeclaration): string[] {
  const stream = eventStreamName(servizioDi(c.evento.type));
  const durable = controlla(c.durable, TOKEN, 'nome durable');
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    // The filter is part of the create subject (nats-server ≥ 2.9): no consumer on another event.
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.${eventSubject(c.evento.type, c.evento.version)}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/**
 * Where the operator's command replays a dead letter of `durable` (`dlq.<service>.<durable>.replay`, in
 * the service's dead-letter stream): only that durable's replay consumer reads it.
 */
export function soggettoRiproposta(servizio: string, durable: string): string {
  return `dlq.${servizio}.${durable}.replay`;
}

/** The replay consumer of a declared consumer, on its own service's dead-letter stream. */
function permessiRiproposta(c: ConsumoDeclaration): string[] {
  const stream = deadLetterStreamName(c.servizio);
  const durable = `${controlla(c.durable, TOKEN, 'nome durable')}-replay`;
  return [
    `$JS.API.CONSUMER.INFO.${stream}.${durable}`,
    `$JS.API.CONSUMER.CREATE.${stream}.${durable}.${soggettoRiproposta(c.servizio, c.durable)}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`,
    `$JS.ACK.${stream}.${durable}.>`,
  ];
}

/**
 * The requests a service may send with its own identity: exactly its declared calls, each one to a
 * declared subject that lets the service's role send it (otherwise the call could only be refused, and
 * the configuration is wrong).
 */
function richiesteDichiarate(servizio: string, d: DichiarazioniBus): string[] {
  const chiamate = (d.chiamate ?? []).filter((c) => c.servizio === servizio);
  for (const c of chiamate) {
    const dichiarata = d.rpc.find((r) => r.subject === c.rpc.subject);
    if (!dichiarata)
      throw new Error(`permessi NATS: ${servizio} chiama ${c.rpc.subject}, che non è dichiarato`);
    if (!(dichiarata.ruoli as readonly string[]).includes(ruoloServizio(servizio)))
      throw new Error(
        `permessi NATS: ${servizio} chiama ${c.rpc.subject}, i cui ruoli non comprendono ${ruoloServizio(servizio)}`,
      );
    if (servizioDi(c.rpc.subject) === servizio)
      throw new Error(`permessi NATS: ${servizio} chiama un proprio soggetto (${c.rpc.subject})`);
  }
  return chiamate.map((c) => controlla(c.rpc.subject, SOGGETTO, 'subject'));
}

/**
 * Requests some user, a machine client of an external system (INPS on the WaaS API) or the anonymous
 * visitor of a public route may send: the gateway's (a request only services may send is not its
 * business).
 */
function perUtenti(r: AnyRpcDeclaration): boolean {
  return r.ruoli.some(
    (ruolo) =>
      (RUOLI as readonly string[]).includes(ruolo) || isRuoloClient(ruolo) || ruolo === RUOLO_PUBBLICO,
  );
}

/** Creates, reads the state of and updates a stream; no delete, no purge, no message reads. */
function gestioneStream(stream: string): string[] {
  return ['INFO', 'CREATE', 'UPDATE'].map((azione) => `$JS.API.STREAM.${azione}.${stream}`);
}

function permessiServizio(servizio: string, d: DichiarazioniBus): PermessiUtente {
  const consumi = d.consumi.filter((c) => c.servizio === servizio);
  const richieste = richiesteDichiarate(servizio, d);
  const publish = [
    // nats.js asks the account's JetStream info when it opens the JetStream manager.
    '$JS.API.INFO',
    ...gestioneStream(eventStreamName(servizio)),
    `evt.${servizio}.>`,
    ...gestioneStream(deadLetterStreamName(servizio)),
    `dlq.${servizio}.>`,
    ...consumi.flatMap(permessiConsumo),
    ...consumi.flatMap(permessiRiproposta),
    // A replayed dead letter that succeeded is removed from the service's own dead-letter stream.
    ...(consumi.length ? [`$JS.API.STREAM.MSG.DELETE.${deadLetterStreamName(servizio)}`] : []),
    // Its declared calls to other services (service identity), and no other request.
    ...richieste,
  ];
  const subscribe = [
    ...d.rpc.filter((r) => servizioDi(r.subject) === servizio).map((r) => `${r.subject} ${servizio}`),
    `${inboxPrefix(servizio)}.>`,
  ];
  return {
    utente: servizio,
    descrizione:
      `servizio ${servizio}: le proprie richieste (gruppo ${servizio}), i propri eventi e stream` +
      (consumi.length ? `, i consumer ${consumi.map((c) => c.durable).join(', ')}` : '') +
      (richieste.length ? `, le chiamate ${richieste.join(', ')}` : ''),
    publish: unici(publish),
    subscribe: unici(subscribe),
    allowResponses: true,
  };
}

function permessiOperatore(servizi: string[], d: DichiarazioniBus): PermessiUtente {
  // The command finds the DLQ_* streams by name, reads their state and messages; no consumers.
  const publish = ['$JS.API.INFO', '$JS.API.STREAM.NAMES'];
  for (const servizio of servizi) {
    const dlq = deadLetterStreamName(servizio);
    publish.push(
      `$JS.API.STREAM.INFO.${dlq}`,
      `$JS.API.STREAM.MSG.GET.${dlq}`,
      `$JS.API.STREAM.MSG.DELETE.${dlq}`,
      `$JS.API.DIRECT.GET.${dlq}`,
      `$JS.API.DIRECT.GET.${dlq}.>`,
    );
  }
  // Replay: a dead letter goes back to the declared consumer that failed it, and to no other.
  for (const c of d.consumi) publish.push(soggettoRiproposta(c.servizio, c.durable));
  return {
    utente: UTENTE_OPERATORE,
    descrizione: 'operatore (CLI): dead letter dei servizi (elenco, lettura, riproposta al consumer)',
    publish: unici(publish),
    subscribe: [`${inboxPrefix(UTENTE_OPERATORE)}.>`],
    allowResponses: false,
  };
}

/** Every user of the bus with its permissions, in a stable order. */
export function permessiNats(
  dichiarazioni: DichiarazioniBus = DICHIARAZIONI_BUS,
  opzioni: OpzioniPermessi = {},
): PermessiUtente[] {
  const servizi = serviziDelBus(dichiarazioni);
  const utenti: PermessiUtente[] = servizi.map((s) => permessiServizio(s, dichiarazioni));
  utenti.push({
    utente: UTENTE_GATEWAY,
    descrizione: 'gateway: solo richieste ai soggetti dichiarati per gli utenti, nessun accesso a JetStream',
    publish: unici(dichiarazioni.rpc.filter(perUtenti).map((r) => r.subject)),
    subscribe: [`${inboxPrefix(UTENTE_GATEWAY)}.>`],
    allowResponses: false,
  });
  utenti.push(permessiOperatore(servizi, dichiarazioni));
  if (opzioni.collaudo) {
    utenti.push({
      utente: UTENTE_COLLAUDO,
      descrizione: 'test harness: senza restrizioni (solo nella configurazione dei test)',
      allowResponses: true,
    });
  }
  return utenti;
}

function unici(valori: string[]): string[] {
  return [...new Set(valori)];
}
