import type { NatsConnection } from 'nats';
import { ASSISTENTI_FAMILIARI_RPC } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const PAGINA = { elementi: [], totale: 0, pagina: 1, perPagina: 50 };

describe('gateway: the public register, a public route (a responder standing in for assistenti-familiari)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  let elenco: Responder;

  beforeAll(async () => {
    gateway = await startTestGateway({ PUBBLICO_RATE_LIMIT: '5', PUBBLICO_RATE_WINDOW_SECONDS: '60' });
    nc = await connectTestNats();
    elenco = await respondOn(nc, ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico, () => ({
      response: PAGINA,
    }));
  });
  afterAll(async () => {
    await elenco?.stop();
    await nc?.drain();
    await gateway?.close();
  });

  it('answers without a token, sending the filters as the anonymous actor signed by the gateway', async () => {
    const risposta = await gateway.http.get(
      '/api/v1/pubblico/assistenti-familiari?area=019021&giorno=lun&dalle=9&alle=12',
    );
    expect(risposta.status).toBe(200);
    expect(risposta.body).toEqual(PAGINA);
    const ricevuta = elenco.received.at(-1)!;
    expect(ricevuta.data).toEqual({ area: '019021', giorno: 'lun', dalle: 9, alle: 12 });
    expect(await gateway.attore(ricevuta)).toEqual({
      userId: 'pubblico',
      nome: 'Visitatore',
      ruoli: ['pubblico'],
      ambito: 'CREMA',
      subAmbiti: [],
      comuni: [],
    });
  });

  it('acts as the anonymous actor even with a user’s token: the route never carries a user', async () => {
    await gateway.http
      .get('/api/v1/pubblico/assistenti-familiari')
      .set('Authorization', `Bearer ${await gateway.token('udp')}`)
      .expect(200);
    expect((await gateway.attore(elenco.received.at(-1)!)).ruoli).toEqual(['pubblico']);
  });

  it('refuses a bad filter before the bus', async () => {
    const prima = elenco.received.length;
    const risposta = await gateway.http.get('/api/v1/pubblico/assistenti-familiari?competenza=volo');
    expect(risposta.status).toBe(400);
    expect(risposta.body.code).toBe('VALIDAZIONE_FALLITA');
    expect(elenco.received.length).toBe(prima);
  });

  it('limits the requests per client address: 429 TROPPE_RICHIESTE with Retry-After', async () => {
    // This suite's limit is 5 a minute; the requests above used 3 of them.
    await gateway.http.get('/api/v1/pubblico/assistenti-familiari').expect(200);
    await gateway.http.get('/api/v1/pubblico/assistenti-familiari').expect(200);
    const oltre = await gateway.http.get('/api/v1/pubblico/assistenti-familiari');
    expect(oltre.status).toBe(429);
    expect(oltre.body.code).toBe('TROPPE_RICHIESTE');
    expect(Number(oltre.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps the other routes of the service behind authentication', async () => {
    expect((await gateway.http.get('/api/v1/assistenti-familiari/iscrizioni')).status).toBe(401);
  });
});
