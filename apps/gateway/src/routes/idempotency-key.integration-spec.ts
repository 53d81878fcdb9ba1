import type { NatsConnection, Subscription } from 'nats';
import { ACCESSO_RPC, HEADER } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { FINALITA_HTTP, startTestGateway, type TestGateway } from '../../test/gateway-harness';

const PERSONA_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const nuovoAccesso = {
  personaId: PERSONA_ID,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: 'Aiuto per la spesa',
};

/** The gateway's side of Idempotency-Key and deadlines (a responder stands in for the service). */
describe('gateway: Idempotency-Key and deadlines on the bus', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  let responder: Responder | undefined;
  let muto: Subscription | undefined;

  beforeAll(async () => {
    gateway = await startTestGateway(); // RPC_TIMEOUT_MS 800
    nc = await connectTestNats();
  });

  afterEach(async () => {
    await responder?.stop();
    responder = undefined;
    muto?.unsubscribe();
    muto = undefined;
  });

  afterAll(async () => {
    await nc?.drain();
    await gateway?.close();
  });

  const post = async (headers: Record<string, string>) =>
    gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
      .set(headers)
      .send(nuovoAccesso);

  it('forwards the Idempotency-Key (sf-string or bare) and a deadline of now + its timeout', async () => {
    responder = await respondOn(nc, ACCESSO_RPC.registraAccesso, () => ({ response: { id: PERSONA_ID } }));
    const prima = Date.now();
    expect((await post({ 'Idempotency-Key': '"8e03978e-40d5-43e8-bc93-6894a57f9324"' })).status).toBe(201);
    expect((await post({ 'Idempotency-Key': 'chiave:operazione.42' })).status).toBe(201);
    expect((await post({})).status).toBe(201);
    const [quotata, nuda, senza] = responder.received;
    expect(quotata.headers[HEADER.idempotencyKey]).toBe('8e03978e-40d5-43e8-bc93-6894a57f9324');
    expect(nuda.headers[HEADER.idempotencyKey]).toBe('chiave:operazione.42');
    expect(senza.headers[HEADER.idempotencyKey]).toBeUndefined();
    const scadenza = Number(quotata.headers[HEADER.scadenza]);
    expect(scadenza).toBeGreaterThanOrEqual(prima + 800);
    expect(scadenza).toBeLessThanOrEqual(Date.now() + 800);
  });

  it('refuses a malformed Idempotency-Key with 400 IDEMPOTENCY_KEY_NON_VALIDA before sending anything', async () => {
    responder = await respondOn(nc, ACCESSO_RPC.registraAccesso, () => ({ response: { id: PERSONA_ID } }));
    for (const key of ['breve', 'due parole chiave', '"non chiusa', 'k'.repeat(129)]) {
      const response = await post({ 'Idempotency-Key': key });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_NON_VALIDA', status: 400 });
    }
    await nc.flush();
    expect(responder.received).toEqual([]);
  });

  it('answers a write that times out 504 ESITO_NON_DETERMINATO, a read 503', async () => {
    muto = nc.subscribe(ACCESSO_RPC.registraAccesso.subject); // receives, never answers
    const lettura = nc.subscribe(ACCESSO_RPC.leggiAccesso.subject);
    try {
      await nc.flush();
      const scrittura = await post({ 'Idempotency-Key': '8e03978e-40d5-43e8-bc93-6894a57f9324' });
      expect(scrittura.status).toBe(504);
      expect(scrittura.body).toMatchObject({ code: 'ESITO_NON_DETERMINATO', status: 504 });
      expect(scrittura.body.detail).toMatch(/stessa Idempotency-Key/);
      const letta = await gateway.http
        .get(`/api/v1/accessi/${PERSONA_ID}`)
        .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
        .set(FINALITA_HTTP);
      expect(letta.status).toBe(503);
      expect(letta.body).toMatchObject({ code: 'SERVIZIO_NON_DISPONIBILE' });
    } finally {
      lettura.unsubscribe();
    }
  });

  it('returns the service’s IDEMPOTENCY_KEY_RIUSATA as 422 and IDEMPOTENCY_KEY_IN_USO as 409', async () => {
    let codice = 'IDEMPOTENCY_KEY_RIUSATA';
    responder = await respondOn(nc, ACCESSO_RPC.registraAccesso, () => ({
      err: { code: codice, message: 'messaggio del servizio' },
    }));
    expect((await post({ 'Idempotency-Key': '8e03978e-40d5-43e8-bc93-6894a57f9324' })).status).toBe(422);
    codice = 'IDEMPOTENCY_KEY_IN_USO';
    expect((await post({ 'Idempotency-Key': '8e03978e-40d5-43e8-bc93-6894a57f9324' })).status).toBe(409);
  });
});
