import { connect, headers as natsHeaders, StringCodec, type NatsConnection, type NatsError } from 'nats';
import { randomUUID } from 'node:crypto';
import { ACCESSO_RPC, HEADER, type PersonaV1 } from '@ambito/contracts';
import { connectTestNats, eventually, testActor, testNatsOptions } from '@ambito/testing';
import { ATTORI, accesso, persona, startTestAccesso, type TestAccesso } from '../../test/accesso-harness';

/**
 * Issue 14, point 1: the bus is authenticated and each user may use only what its declarations need
 * (the permissions are generated from the contracts, libs/contracts/src/bus). The accesso service runs
 * with its own NATS user on the test NATS of the global setup, which is configured like a deployment.
 */

const sc = StringCodec();
const { registraPersona, registraAccesso, chiudiAccesso } = ACCESSO_RPC;

/** A made-up operator covering every sub-ambito, as in the forged request. */
const FALSO_OPERATORE = testActor(
  'falso',
  ['operatore-accesso', 'coordinatore-sub-ambito'],
  ['SA-CREMA', 'SA-SONCINO', 'SA-CASTELLEONE', 'SA-PANDINO'],
);

function richiestaFalsificata(): { data: Uint8Array; headers: ReturnType<typeof natsHeaders> } {
  const h = natsHeaders();
  // The actor header as the issue forged it (base64 JSON): the request never reaches the service.
  h.set(HEADER.actor, Buffer.from(JSON.stringify(FALSO_OPERATORE)).toString('base64url'));
  h.set(HEADER.correlationId, randomUUID());
  return { data: sc.encode(JSON.stringify({ pagina: 1, perPagina: 100 })), headers: h };
}

/** The operation is refused by the server with a permissions violation. */
async function violazione(operazione: Promise<unknown>): Promise<string> {
  const errore = (await operazione.then(
    () => {
      throw new Error('operazione consentita: attesa una violazione dei permessi');
    },
    (e: unknown) => e,
  )) as NatsError;
  expect(errore.code).toBe('PERMISSIONS_VIOLATION');
  return errore.message;
}

/** Subscribing is refused by the server: the subscription ends with a permissions violation. */
async function sottoscrizioneRifiutata(nc: NatsConnection, subject: string, queue?: string): Promise<void> {
  const ricevuti: string[] = [];
  const errore = await new Promise<NatsError>((resolve) => {
    nc.subscribe(subject, {
      queue,
      callback: (err, msg) => (err ? resolve(err) : ricevuti.push(msg.subject)),
    });
  });
  expect(errore.code).toBe('PERMISSIONS_VIOLATION');
  expect(ricevuti).toEqual([]);
}

describe('authenticated and authorised NATS (issue 14, point 1)', () => {
  let svc: TestAccesso;
  let rossi: PersonaV1;
  const connessioni: NatsConnection[] = [];
  const come = async (utente: string) => {
    const nc = await connectTestNats(utente, { name: `attacco-${utente}` });
    connessioni.push(nc);
    return nc;
  };

  beforeAll(async () => {
    if (!process.env.TEST_NATS_CREDENZIALI) {
      throw new Error('il NATS dei test non chiede credenziali: TEST_NATS_CREDENZIALI assente');
    }
    svc = await startTestAccesso();
    const operatore = svc.as(ATTORI.operatoreCrema);
    // What the issue read anonymously: an accesso closed with a proposta (v1 carried the person's data;
    // v2 carries ids only, which still link a persona to a proposta and stay the services' business).
    rossi = await operatore(registraPersona, persona('RSSMRA50A41D142K'));
    const a = await operatore(registraAccesso, accesso(rossi.id));
    await operatore(chiudiAccesso, {
      id: a.id,
      esito: { tipo: 'proposta-presa-in-carico', motivazione: 'Vive sola', urgenza: 'ordinaria' },
    });
    const collaudo = await come('collaudo');
    // The target of the anonymous read: the closed accesso in the stream (ids, no codice fiscale).
    await eventually(async () => {
      const jsm = await collaudo.jetstreamManager();
      const chiuso = await jsm.streams.getMessage('EVT_ACCESSO', {
        last_by_subj: 'evt.accesso.accesso.chiuso.v2',
      });
      expect(chiuso.string()).toContain(a.id);
      expect(chiuso.string()).not.toContain('RSSMRA50A41D142K');
    });
  });

  afterAll(async () => {
    await Promise.all(connessioni.map((nc) => nc.close()));
    await svc?.close();
  });

  it('refuses an anonymous connection: no forged request on accesso.accesso.elenca, no read of the stream', async () => {
    const { servers } = testNatsOptions();
    await expect(connect({ servers, reconnect: false })).rejects.toMatchObject({
      code: 'AUTHORIZATION_VIOLATION',
    });
  });

  it('refuses a wrong password and a password of another user', async () => {
    const { servers } = testNatsOptions();
    await expect(
      connect({ servers, user: 'accesso', pass: 'password-indovinata-0123456789', reconnect: false }),
    ).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
    const gateway = testNatsOptions('gateway');
    await expect(
      connect({ servers, user: 'accesso', pass: gateway.pass, reconnect: false }),
    ).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
  });

  it('does not let a service publish another service’s events: nothing reaches the subscribers', async () => {
    const accessoNc = await come('accesso');
    const collaudo = await come('collaudo');
    const ricevuti: string[] = [];
    const spia = collaudo.subscribe('evt.budget.>', { callback: (_, m) => ricevuti.push(m.subject) });
    await collaudo.flush();
    const messaggio = await violazione(
      accessoNc.jetstream().publish('evt.budget.impegno.registrato.v1', sc.encode('{}'), { timeout: 2000 }),
    );
    expect(messaggio).toContain('evt.budget.impegno.registrato.v1');
    // Also as a plain publish (no JetStream ack to wait for).
    accessoNc.publish('evt.presa-in-carico.cartella.aperta.v1', sc.encode('{}'));
    await accessoNc.flush();
    await collaudo.flush();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ricevuti).toEqual([]);
    spia.unsubscribe();
  });

  it('does not let a service call a subject it was not granted, nor serve or overhear another service’s', async () => {
    const budget = await come('budget');
    const { data, headers } = richiestaFalsificata();
    await violazione(budget.request('accesso.accesso.elenca', data, { headers, timeout: 2000 }));
    await sottoscrizioneRifiutata(budget, 'accesso.accesso.elenca', 'accesso');
    await sottoscrizioneRifiutata(budget, 'accesso.>');
    // Replies travel on each user's own inbox: another user cannot read them.
    await sottoscrizioneRifiutata(budget, '_INBOX_gateway.>');
    await sottoscrizioneRifiutata(budget, '_INBOX.>');
    // Even its own subjects only in its queue group: no copy of every request.
    const accessoNc = await come('accesso');
    await sottoscrizioneRifiutata(accessoNc, 'accesso.accesso.elenca');
  });

  it('does not let a service read another service’s stream through the JetStream API', async () => {
    const budget = await come('budget');
    const richiesta = (subject: string, body: object) =>
      budget.request(subject, sc.encode(JSON.stringify(body)), { timeout: 2000 });
    await violazione(richiesta('$JS.API.STREAM.MSG.GET.EVT_ACCESSO', { seq: 1 }));
    await violazione(richiesta('$JS.API.DIRECT.GET.EVT_ACCESSO', { seq: 1 }));
    await violazione(
      richiesta('$JS.API.CONSUMER.CREATE.EVT_ACCESSO', {
        stream_name: 'EVT_ACCESSO',
        config: { ack_policy: 'none', deliver_policy: 'all' },
      }),
    );
    await violazione(richiesta('$JS.API.STREAM.DELETE.EVT_ACCESSO', {}));
    await sottoscrizioneRifiutata(budget, 'evt.accesso.>');
    // The consumer of accesso's events may read only the event it declared, through its durable.
    const presaInCarico = await come('presa-in-carico');
    const jsm = await presaInCarico.jetstreamManager();
    await violazione(
      jsm.consumers.add('EVT_ACCESSO', {
        durable_name: 'presa-in-carico-intake',
        filter_subject: 'evt.accesso.persona.registrata.v1',
      }),
    );
    await violazione(jsm.streams.getMessage('EVT_ACCESSO', { seq: 1 }));
  });

  it('lets the gateway send requests only: no event stream, no JetStream, no serving a subject', async () => {
    const gateway = await come('gateway');
    await violazione(gateway.jetstreamManager());
    await violazione(
      gateway.request('$JS.API.STREAM.MSG.GET.EVT_ACCESSO', sc.encode('{"seq":1}'), { timeout: 2000 }),
    );
    await sottoscrizioneRifiutata(gateway, 'evt.accesso.>');
    await sottoscrizioneRifiutata(gateway, 'accesso.accesso.elenca', 'accesso');
    await violazione(gateway.request('evt.accesso.accesso.chiuso.v2', sc.encode('{}'), { timeout: 2000 }));
    // Nor a request only a service may send with its own identity (the intake's read of a proposta).
    await violazione(gateway.request('accesso.proposta.leggi', sc.encode('{}'), { timeout: 2000 }));
  });

  it('gives the operator the dead-letter streams, not the event streams', async () => {
    const operatore = await come('operatore');
    const jsm = await operatore.jetstreamManager();
    await violazione(jsm.streams.getMessage('EVT_ACCESSO', { seq: 1 }));
    await violazione(jsm.streams.info('EVT_ACCESSO'));
    await violazione(operatore.jetstream().publish('evt.accesso.accesso.chiuso.v2', sc.encode('{}')));
  });
});
