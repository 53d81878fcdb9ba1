import type { NatsConnection } from 'nats';
import {
  ASSISTENTI_FAMILIARI_RPC,
  type PaginaRegistroPubblicoV1,
  type VoceRegistroPubblicoV1,
} from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const PUBBLICO = '/api/v1/pubblico/assistenti-familiari';
const voce = (id: string): VoceRegistroPubblicoV1 => ({
  id,
  sportello: 'SPORTELLO-AF-CASALMAGGIORE',
  nome: 'Elena',
  competenze: ['demenza'],
  formazione: null,
  disponibilita: null,
  lingue: null,
  aree: ['019021'],
  convivente: null,
  esperienzaMesi: null,
});
const ELENA = '0b7e1a52-0000-4000-8000-000000000001';
const MARIA = '0b7e1a52-0000-4000-8000-000000000002';

describe('gateway: HTTP caching of the public register (a responder standing in for assistenti-familiari)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  let elenco: Responder;
  /** What the service answers now: the test changes it as a revocation would. */
  let pagina: PaginaRegistroPubblicoV1;

  beforeAll(async () => {
    gateway = await startTestGateway({ PUBBLICO_RATE_LIMIT: '1000' });
    nc = await connectTestNats();
    elenco = await respondOn(nc, ASSISTENTI_FAMILIARI_RPC.elencaRegistroPubblico, () => ({
      response: pagina,
    }));
  });
  afterAll(async () => {
    await elenco?.stop();
    await nc?.drain();
    await gateway?.close();
  });

  it('lets only the reader’s browser keep it briefly, with an ETag; a matching If-None-Match gets 304', async () => {
    pagina = { elementi: [voce(ELENA), voce(MARIA)], totale: 2, pagina: 1, perPagina: 50 };
    const prima = await gateway.http.get(PUBBLICO).expect(200);
    expect(prima.headers['cache-control']).toBe('private, max-age=15');
    const etag = prima.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);

    const chieste = elenco.received.length;
    const dinuovo = await gateway.http.get(PUBBLICO).set('If-None-Match', etag);
    expect(dinuovo.status).toBe(304);
    expect(dinuovo.text ?? '').toBe('');
    expect(dinuovo.headers.etag).toBe(etag);
    // Revalidated against the service's answer of now: the gateway keeps no copy.
    expect(elenco.received.length).toBe(chieste + 1);
    // Another page (other filters) has its own validator.
    pagina = { ...pagina, pagina: 2 };
    const altra = await gateway.http.get(`${PUBBLICO}?pagina=2`).set('If-None-Match', etag);
    expect(altra.status).toBe(200);
    expect(altra.headers.etag).not.toBe(etag);
  });

  it('answers 200 without the scheda at once after a revocation, even to the old ETag', async () => {
    pagina = { elementi: [voce(ELENA), voce(MARIA)], totale: 2, pagina: 1, perPagina: 50 };
    const prima = await gateway.http.get(PUBBLICO).expect(200);
    // Elena revokes her consent: the service's next answer is without her.
    pagina = { elementi: [voce(MARIA)], totale: 1, pagina: 1, perPagina: 50 };
    const dopo = await gateway.http.get(PUBBLICO).set('If-None-Match', prima.headers.etag as string);
    expect(dopo.status).toBe(200);
    expect(dopo.body.elementi.map((v: { id: string }) => v.id)).toEqual([MARIA]);
    expect(dopo.headers.etag).not.toBe(prima.headers.etag);
  });

  it('keeps no-store on the other routes, personal data never cached', async () => {
    const token = await gateway.token('udp');
    const stato = await gateway.http
      .get('/api/v1/assistenti-familiari/stato')
      .set('Authorization', `Bearer ${token}`);
    expect(stato.headers['cache-control']).toBe('no-store');
  });
});
