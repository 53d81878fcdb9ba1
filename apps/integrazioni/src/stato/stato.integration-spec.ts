import { INTEGRAZIONI_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestIntegrazioni, type TestIntegrazioni } from '../../test/integrazioni-harness';

const { leggiStato } = INTEGRAZIONI_RPC;

describe('stato (NATS → integrazioni → PostgreSQL)', () => {
  let svc: TestIntegrazioni;

  beforeAll(async () => {
    svc = await startTestIntegrazioni();
  });
  afterAll(() => svc?.close());

  it('answers the declared role with the service, its version and the outbox read from its schema', async () => {
    const stato = await svc.as(ATTORI.udp)(leggiStato, { sonda: 'ping' });
    expect(stato).toEqual({
      servizio: 'integrazioni',
      versione: expect.any(String),
      messaggiOutbox: 0,
      sonda: 'ping',
    });
  });

  it('refuses a role the declaration does not list, and audits the refusal', async () => {
    expect(await rifiuto(svc.as(ATTORI.operatore)(leggiStato, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
    const negati = await svc.sql(`SELECT utente, azione, risorsa, codice_errore FROM voce_audit`);
    expect(negati).toEqual([
      {
        utente: 'operatore.crema',
        azione: 'leggi',
        risorsa: 'stato',
        codice_errore: 'OPERAZIONE_NON_CONSENTITA',
      },
    ]);
  });

  it('refuses a request that breaks its contract', async () => {
    expect(await rifiuto(svc.as(ATTORI.udp)(leggiStato, { campo: 'ignoto' } as never))).toBe(
      'VALIDAZIONE_FALLITA',
    );
  });
});
