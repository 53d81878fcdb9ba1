import { IsString } from 'class-validator';
import { evento, consumo, rpc } from '../common/declarations';
import { CHIAMATE_DECLARATIONS, RPC_DECLARATIONS } from '../registry';
import { isRuoloServizio } from '../common/ruolo';
import { configurazioneNatsServer, segretiNatsServer } from './configurazione-nats';
import {
  DICHIARAZIONI_BUS,
  inboxPrefix,
  permessiNats,
  serviziDelBus,
  variabilePassword,
  type DichiarazioniBus,
  type PermessiUtente,
} from './permessi-nats';

/** NATS subject matching: `*` one token, `>` one or more trailing tokens. */
function corrisponde(modello: string, soggetto: string): boolean {
  const m = modello.split('.');
  const s = soggetto.split('.');
  for (let i = 0; i < m.length; i++) {
    if (m[i] === '>') return s.length > i;
    if (i >= s.length || (m[i] !== '*' && m[i] !== s[i])) return false;
  }
  return m.length === s.length;
}

const puoPubblicare = (p: PermessiUtente, soggetto: string) =>
  !p.publish || p.publish.some((m) => corrisponde(m, soggetto));
/** `queue` undefined: a plain subscription. */
const puoSottoscrivere = (p: PermessiUtente, soggetto: string, queue?: string) =>
  !p.subscribe ||
  p.subscribe.some((voce) => {
    const [modello, gruppo] = voce.split(' ');
    return corrisponde(modello, soggetto) && (gruppo === undefined || gruppo === queue);
  });

const utenti = permessiNats();
const di = (nome: string) => utenti.find((u) => u.utente === nome)!;
// misure only calls budget (MISURE_CHIAMATE) for now: it still has a user of its own.
const SERVIZI = [
  'accesso',
  'assistenti-familiari',
  'budget',
  'integrazioni',
  'misure',
  'presa-in-carico',
  // @ambito/tools:service: bus users
].sort();

describe('NATS permissions generated from the declarations', () => {
  it('has one user per service of the contracts, the gateway and the operator; the test user only on request', () => {
    expect(serviziDelBus()).toEqual(SERVIZI);
    expect(utenti.map((u) => u.utente)).toEqual([...SERVIZI, 'gateway', 'operatore']);
    expect(permessiNats(DICHIARAZIONI_BUS, { collaudo: true }).map((u) => u.utente)).toContain('collaudo');
    for (const u of utenti) expect(u.publish && u.subscribe).toBeTruthy();
  });

  it('lets a service serve its own subjects, in its own queue group only', () => {
    for (const d of RPC_DECLARATIONS) {
      const proprietario = d.subject.split('.')[0];
      for (const servizio of SERVIZI) {
        expect(puoSottoscrivere(di(servizio), d.subject, servizio)).toBe(servizio === proprietario);
      }
      // Outside the queue group a service would receive a copy of every request: refused.
      expect(puoSottoscrivere(di(proprietario), d.subject)).toBe(false);
      expect(puoSottoscrivere(di('gateway'), d.subject, proprietario)).toBe(false);
    }
  });

  it('lets a service publish its own events and dead letters, not another service’s, and call only its declared subjects', () => {
    expect(puoPubblicare(di('accesso'), 'evt.accesso.accesso.chiuso.v2')).toBe(true);
    expect(puoPubblicare(di('accesso'), 'evt.budget.impegno.registrato.v1')).toBe(false);
    expect(puoPubblicare(di('budget'), 'evt.accesso.accesso.chiuso.v2')).toBe(false);
    expect(puoPubblicare(di('presa-in-carico'), 'dlq.presa-in-carico.presa-in-carico-intake')).toBe(true);
    expect(puoPubblicare(di('presa-in-carico'), 'dlq.accesso.x')).toBe(false);
    for (const servizio of SERVIZI) {
      const dichiarate = CHIAMATE_DECLARATIONS.filter((c) => c.servizio === servizio).map(
        (c) => c.rpc.subject,
      );
      for (const d of RPC_DECLARATIONS)
        expect([servizio, d.subject, puoPubblicare(di(servizio), d.subject)]).toEqual([
          servizio,
          d.subject,
          dichiarate.includes(d.subject),
        ]);
      expect(di(servizio).allowResponses).toBe(true);
    }
    // The intake's one call: the proposta, not the persone or the accessi it could otherwise read.
    expect(puoPubblicare(di('presa-in-carico'), 'accesso.proposta.leggi')).toBe(true);
    expect(puoPubblicare(di('presa-in-carico'), 'accesso.persona.leggi')).toBe(false);
    expect(puoPubblicare(di('presa-in-carico'), 'accesso.accesso.elenca')).toBe(false);
    expect(puoPubblicare(di('presa-in-carico'), 'accesso.>')).toBe(false);
    // misure's calls: commit, liquidate, reduce; no read of an impegno, no mandato, no grant.
    for (const subject of [
      'budget.impegno.richiedi',
      'budget.liquidazione.registra',
      'budget.impegno.riduci',
    ])
      expect(puoPubblicare(di('misure'), subject)).toBe(true);
    for (const subject of ['budget.impegno.leggi', 'budget.mandato.registra', 'budget.abilitazione.registra'])
      expect(puoPubblicare(di('misure'), subject)).toBe(false);
  });

  it('refuses a call to an undeclared subject, one whose roles exclude the caller, or to itself', () => {
    const [proposta] = CHIAMATE_DECLARATIONS;
    const con = (chiamata: Partial<(typeof CHIAMATE_DECLARATIONS)[number]>): DichiarazioniBus => ({
      ...DICHIARAZIONI_BUS,
      chiamate: [{ ...proposta, ...chiamata }],
    });
    const leggiPersona = RPC_DECLARATIONS.find((d) => d.subject === 'accesso.persona.leggi')!;
    expect(() => permessiNats(con({ rpc: leggiPersona }))).toThrow(
      /non comprendono servizio-presa-in-carico/,
    );
    expect(() => permessiNats(con({ servizio: 'budget' }))).toThrow(/non comprendono servizio-budget/);
    expect(() => permessiNats(con({ rpc: { ...proposta.rpc, subject: 'accesso.proposta.altro' } }))).toThrow(
      /non è dichiarato/,
    );
    expect(() =>
      permessiNats({
        ...DICHIARAZIONI_BUS,
        rpc: [...RPC_DECLARATIONS, { ...proposta.rpc, subject: 'presa-in-carico.x.leggi' }],
        chiamate: [{ ...proposta, rpc: { ...proposta.rpc, subject: 'presa-in-carico.x.leggi' } }],
      }),
    ).toThrow(/un proprio soggetto/);
  });

  it('gives a service the JetStream API of its own streams only, never the messages of another stream', () => {
    const accesso = di('accesso');
    expect(puoPubblicare(accesso, '$JS.API.STREAM.CREATE.EVT_ACCESSO')).toBe(true);
    expect(puoPubblicare(accesso, '$JS.API.STREAM.UPDATE.DLQ_ACCESSO')).toBe(true);
    expect(puoPubblicare(accesso, '$JS.API.STREAM.DELETE.EVT_ACCESSO')).toBe(false);
    expect(puoPubblicare(accesso, '$JS.API.STREAM.PURGE.EVT_ACCESSO')).toBe(false);
    for (const servizio of SERVIZI) {
      for (const stream of ['EVT_ACCESSO', 'EVT_BUDGET', 'EVT_PRESA_IN_CARICO']) {
        expect(puoPubblicare(di(servizio), `$JS.API.STREAM.MSG.GET.${stream}`)).toBe(false);
        expect(puoPubblicare(di(servizio), `$JS.API.DIRECT.GET.${stream}`)).toBe(false);
        expect(puoPubblicare(di(servizio), `$JS.API.CONSUMER.CREATE.${stream}`)).toBe(false);
      }
    }
    expect(puoPubblicare(di('budget'), '$JS.API.STREAM.INFO.EVT_ACCESSO')).toBe(false);
  });

  it('lets a consumer read its producer’s stream only through its declared durable, filtered on its event', () => {
    const pic = di('presa-in-carico');
    const filtro = 'evt.accesso.accesso.chiuso.v2';
    expect(puoPubblicare(pic, `$JS.API.CONSUMER.CREATE.EVT_ACCESSO.presa-in-carico-intake.${filtro}`)).toBe(
      true,
    );
    expect(puoPubblicare(pic, '$JS.API.CONSUMER.MSG.NEXT.EVT_ACCESSO.presa-in-carico-intake')).toBe(true);
    expect(puoPubblicare(pic, '$JS.ACK.EVT_ACCESSO.presa-in-carico-intake.1.2.3.4.5.6')).toBe(true);
    // No other filter (another accesso event), no unfiltered consumer, no other durable name.
    expect(
      puoPubblicare(
        pic,
        '$JS.API.CONSUMER.CREATE.EVT_ACCESSO.presa-in-carico-intake.evt.accesso.persona.registrata.v1',
      ),
    ).toBe(false);
    expect(puoPubblicare(pic, '$JS.API.CONSUMER.CREATE.EVT_ACCESSO.presa-in-carico-intake')).toBe(false);
    expect(puoPubblicare(pic, '$JS.API.CONSUMER.DURABLE.CREATE.EVT_ACCESSO.presa-in-carico-intake')).toBe(
      false,
    );
    expect(puoPubblicare(pic, '$JS.API.CONSUMER.MSG.NEXT.EVT_ACCESSO.altro')).toBe(false);
    expect(puoPubblicare(di('accesso'), '$JS.API.CONSUMER.MSG.NEXT.EVT_ACCESSO.presa-in-carico-intake')).toBe(
      false,
    );
  });

  it('lets the gateway only send the declared requests and read its own inbox: no JetStream, no events', () => {
    const gateway = di('gateway');
    // Every request a user may send; not those only services may send (service identity).
    expect([...gateway.publish!].sort()).toEqual(
      RPC_DECLARATIONS.filter((d) => !d.ruoli.every(isRuoloServizio))
        .map((d) => d.subject)
        .sort(),
    );
    expect(puoPubblicare(gateway, 'accesso.proposta.leggi')).toBe(false);
    expect(puoPubblicare(gateway, 'accesso.persona.leggi-per-misure')).toBe(false);
    expect(puoPubblicare(gateway, 'presa-in-carico.cartella.leggi-per-misure')).toBe(false);
    // The anonymous visitor's requests go through the gateway's public routes.
    expect(puoPubblicare(gateway, 'assistenti-familiari.pubblico.elenca')).toBe(true);
    expect(gateway.subscribe).toEqual(['_INBOX_gateway.>']);
    expect(gateway.allowResponses).toBe(false);
    expect(puoPubblicare(gateway, '$JS.API.INFO')).toBe(false);
    expect(puoSottoscrivere(gateway, 'evt.accesso.accesso.chiuso.v2')).toBe(false);
  });

  it('keeps every user on its own inbox, so no one reads the replies meant for another', () => {
    for (const u of utenti) {
      expect(puoSottoscrivere(u, '_INBOX.abc.1')).toBe(false);
      for (const altro of utenti.filter((a) => a !== u))
        expect(puoSottoscrivere(u, `${inboxPrefix(altro.utente)}.abc.1`)).toBe(false);
      expect(puoSottoscrivere(u, `${inboxPrefix(u.utente)}.abc.1`)).toBe(true);
    }
  });

  it('gives the operator the dead-letter streams and the replay to the consumer that failed, not the event streams', () => {
    const operatore = di('operatore');
    for (const servizio of SERVIZI) {
      const dlq = `DLQ_${servizio.toUpperCase().replace(/-/g, '_')}`;
      expect(puoPubblicare(operatore, `$JS.API.STREAM.INFO.${dlq}`)).toBe(true);
      expect(puoPubblicare(operatore, `$JS.API.STREAM.MSG.GET.${dlq}`)).toBe(true);
      expect(puoPubblicare(operatore, `$JS.API.STREAM.DELETE.${dlq}`)).toBe(false);
      expect(puoPubblicare(operatore, `$JS.API.STREAM.PURGE.${dlq}`)).toBe(false);
    }
    expect(puoPubblicare(operatore, '$JS.API.STREAM.MSG.GET.EVT_ACCESSO')).toBe(false);
    expect(puoPubblicare(operatore, '$JS.API.STREAM.INFO.EVT_ACCESSO')).toBe(false);
    expect(puoPubblicare(operatore, '$JS.API.CONSUMER.CREATE.EVT_ACCESSO')).toBe(false);
    expect(puoPubblicare(operatore, 'dlq.presa-in-carico.presa-in-carico-intake.replay')).toBe(true);
    // Not the event itself (every consumer of it would see it again), not a forged dead letter.
    expect(puoPubblicare(operatore, 'evt.accesso.accesso.chiuso.v2')).toBe(false);
    expect(puoPubblicare(operatore, 'dlq.presa-in-carico.presa-in-carico-intake')).toBe(false);
    for (const d of RPC_DECLARATIONS) expect(puoPubblicare(operatore, d.subject)).toBe(false);
  });

  it('lets a consumer read the replays of its own dead letters, and remove one that succeeded', () => {
    const pic = di('presa-in-carico');
    const durable = 'presa-in-carico-intake-replay';
    expect(
      puoPubblicare(
        pic,
        `$JS.API.CONSUMER.CREATE.DLQ_PRESA_IN_CARICO.${durable}.dlq.presa-in-carico.presa-in-carico-intake.replay`,
      ),
    ).toBe(true);
    expect(puoPubblicare(pic, `$JS.API.CONSUMER.MSG.NEXT.DLQ_PRESA_IN_CARICO.${durable}`)).toBe(true);
    expect(puoPubblicare(pic, '$JS.API.STREAM.MSG.DELETE.DLQ_PRESA_IN_CARICO')).toBe(true);
    expect(puoPubblicare(di('accesso'), '$JS.API.STREAM.MSG.DELETE.DLQ_PRESA_IN_CARICO')).toBe(false);
  });

  it('follows the declarations: a new subject, event or consumer changes the permissions with no hand edit', () => {
    class Vuoto {
      @IsString()
      id: string;
    }
    const misuraAmmessa = evento({
      type: 'misure.misura.ammessa',
      version: 2,
      payload: Vuoto,
      descrizione: 'x',
    });
    const dichiarazioni: DichiarazioniBus = {
      rpc: [
        rpc({
          subject: 'misure.misura.leggi',
          request: Vuoto,
          reply: Vuoto,
          ruoli: ['amministratore'],
          ambito: 'ambito',
          descrizione: 'x',
        }),
      ],
      eventi: [misuraAmmessa],
      consumi: [
        consumo({ servizio: 'budget', durable: 'budget-misure', evento: misuraAmmessa, descrizione: 'x' }),
      ],
    };
    const generati = permessiNats(dichiarazioni);
    const misure = generati.find((u) => u.utente === 'misure')!;
    const budget = generati.find((u) => u.utente === 'budget')!;
    expect(puoSottoscrivere(misure, 'misure.misura.leggi', 'misure')).toBe(true);
    expect(puoPubblicare(misure, 'evt.misure.misura.ammessa.v2')).toBe(true);
    expect(
      puoPubblicare(budget, '$JS.API.CONSUMER.CREATE.EVT_MISURE.budget-misure.evt.misure.misura.ammessa.v2'),
    ).toBe(true);
    expect(generati.find((u) => u.utente === 'gateway')!.publish).toEqual(['misure.misura.leggi']);
  });

  it('refuses names that would widen a permission or break the configuration', () => {
    const con = (durable: string): DichiarazioniBus => ({
      ...DICHIARAZIONI_BUS,
      consumi: [{ ...DICHIARAZIONI_BUS.consumi[0], durable }],
    });
    for (const nome of ['>', '*', 'a.b', 'a b', 'a"b'])
      expect(() => permessiNats(con(nome))).toThrow(/durable/);
    expect(() =>
      permessiNats({ ...DICHIARAZIONI_BUS, rpc: [{ ...RPC_DECLARATIONS[0], subject: 'accesso.>' }] }),
    ).toThrow(/subject/);
  });
});

describe('nats-server configuration', () => {
  const testo = configurazioneNatsServer();

  it('names every user with its password variable, never a password, and sets no anonymous user', () => {
    for (const u of utenti) {
      expect(testo).toContain(`user: "${u.utente}"`);
      expect(testo).toContain(`password: $${variabilePassword(u.utente)}`);
    }
    expect(variabilePassword('presa-in-carico')).toBe('NATS_PASSWORD_PRESA_IN_CARICO');
    expect(testo).not.toMatch(/no_auth_user/);
    expect(testo).not.toContain('collaudo');
    expect(testo).toContain('"accesso.accesso.elenca accesso"');
    expect(testo).toContain('allow_responses: true');
  });

  it('adds TLS and the secrets file when asked', () => {
    const conTls = configurazioneNatsServer({
      tls: { certFile: '/etc/nats/tls/tls.crt', keyFile: '/etc/nats/tls/tls.key' },
      includeSegreti: 'segreti/nats-passwords.conf',
    });
    expect(conTls).toMatch(/tls \{\n {2}cert_file: "\/etc\/nats\/tls\/tls.crt"/);
    expect(conTls).toContain('include "segreti/nats-passwords.conf"');
  });

  it('writes the secrets file with one variable per user and refuses weak passwords', () => {
    expect(segretiNatsServer({ 'presa-in-carico': 'a'.repeat(20) })).toBe(
      `NATS_PASSWORD_PRESA_IN_CARICO: "${'a'.repeat(20)}"\n`,
    );
    expect(() => segretiNatsServer({ accesso: 'corta' })).toThrow(/16 caratteri/);
    expect(() => segretiNatsServer({ accesso: `${'a'.repeat(20)}"` })).toThrow();
  });
});
