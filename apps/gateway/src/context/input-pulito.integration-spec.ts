import type { NatsConnection } from 'nats';
import { ACCESSO_RPC } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { FINALITA_HTTP, startTestGateway, type TestGateway } from '../../test/gateway-harness';

/*
 * Issue 14, point 6, retried as the issue describes it: `X-Motivo: %00` reached the audit insert;
 * `pagina=99999999999999999999` was a 500. Each is now a 400 VALIDAZIONE_FALLITA naming what to correct,
 * and nothing is sent on the bus.
 */

const PROBLEM = /^application\/problem\+json/;
const PERSONA_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const pagina = { elementi: [], totale: 0, pagina: 1, perPagina: 20 };

describe('clean input at the gateway (in-process, real nats-server, a responder standing in for accesso)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  let elenca: Responder;
  let leggi: Responder;
  let registra: Responder;
  let token: string;

  beforeAll(async () => {
    gateway = await startTestGateway();
    nc = await connectTestNats();
    elenca = await respondOn(nc, ACCESSO_RPC.elencaAccessi, () => ({ response: pagina }));
    leggi = await respondOn(nc, ACCESSO_RPC.leggiPersona, () => ({
      err: { code: 'PERSONA_NON_TROVATA', message: 'Persona non trovata.' },
    }));
    registra = await respondOn(nc, ACCESSO_RPC.registraAccesso, () => ({
      err: { code: 'PERSONA_NON_TROVATA', message: 'Persona non trovata.' },
    }));
    token = await gateway.token('operatore.crema');
  });

  afterAll(async () => {
    await Promise.all([elenca, leggi, registra].map((r) => r?.stop()));
    await nc?.drain();
    await gateway?.close();
  });

  beforeEach(() => {
    for (const r of [elenca, leggi, registra]) r.received.splice(0);
  });

  const settle = async () => {
    await nc.flush();
    await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it.each([
    ['X-Motivo', '%00', 'a percent-encoded NUL (the finding)'],
    ['X-Motivo', 'verifica%E2%80%AEinversa', 'a right-to-left override'],
    ['X-Motivo', 'verifica%E2%80%8B', 'a zero-width space'],
    ['X-Motivo', 'prima%0Aseconda', 'a line break'],
    ['X-Correlation-Id', 'corr%00', 'a NUL in the correlation id'],
    ['Idempotency-Key', 'chiave%1B', 'an escape in the idempotency key'],
  ])('refuses %s: %s (%s) with 400 naming the header, before the bus', async (nome, valore) => {
    const response = await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', `Bearer ${token}`)
      .set(nome, valore);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      code: 'VALIDAZIONE_FALLITA',
      errori: [{ campo: `intestazione ${nome}`, messaggi: [expect.any(String)] }],
    });
    expect(response.body.errori[0].messaggi[0]).toMatch(/caratteri non ammessi|su una riga/);
    await settle();
    expect(leggi.received).toHaveLength(0);
  });

  it('passes a clean percent-encoded purpose on, decoded', async () => {
    const response = await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', `Bearer ${token}`)
      .set('X-Finalita', 'segretariato-sociale')
      .set('X-Motivo', encodeURIComponent('verifica dell’équipe'));
    expect(response.status).toBe(404);
    expect(leggi.received).toHaveLength(1);
    expect(decodeURIComponent(leggi.received[0].headers['Ambito-Motivo'])).toBe('verifica dell’équipe');
  });

  it.each([
    ['pagina=99999999999999999999', 'pagina'],
    ['pagina=10001', 'pagina'],
    ['pagina=1e400', 'pagina'],
    ['perPagina=201', 'perPagina'],
    ['perPagina=99999999999999999999', 'perPagina'],
  ])('answers %s with 400 and a clear message, never 500, and sends nothing', async (query, campo) => {
    const response = await gateway.http
      .get(`/api/v1/accessi?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .set(FINALITA_HTTP);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDAZIONE_FALLITA',
      errori: [{ campo, messaggi: [expect.stringMatching(/numero intero da 1 a (10000|200)/)] }],
    });
    await settle();
    expect(elenca.received).toHaveLength(0);
  });

  it('still answers the last page allowed', async () => {
    const response = await gateway.http
      .get('/api/v1/accessi?pagina=10000&perPagina=200')
      .set('Authorization', `Bearer ${token}`)
      .set(FINALITA_HTTP);
    expect(response.status).toBe(200);
    expect(elenca.received[0].data).toMatchObject({ pagina: 10000, perPagina: 200 });
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a body with a %s key (top level or nested) and sends nothing',
    async (chiave) => {
      const corpo = `{"personaId":"${PERSONA_ID}","sede":"SEDE-CREMA-HUB","canale":"sportello","presentatoDa":"interessato","areaBisogno":"anziani","richiesta":"Aiuto","${chiave}":{"richiesta":"sostituita"}}`;
      const response = await gateway.http
        .post('/api/v1/accessi')
        .set('Authorization', `Bearer ${token}`)
        .set('Content-Type', 'application/json')
        .send(corpo);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
        errori: [{ campo: chiave, messaggi: ['nome di campo non ammesso'] }],
      });
      await settle();
      expect(registra.received).toHaveLength(0);
    },
  );

  it('refuses a NUL, a bidirectional override or a line break in a body field, naming it', async () => {
    const corpo = {
      personaId: PERSONA_ID,
      sede: 'SEDE-CREMA-HUB',
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'anziani',
      richiesta: 'Aiuto\u0000',
      referente: 'Marco\u202eVerdi',
    };
    const response = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', `Bearer ${token}`)
      .send(corpo);
    expect(response.status).toBe(400);
    expect(response.body.errori.map((e: { campo: string }) => e.campo).sort()).toEqual([
      'referente',
      'richiesta',
    ]);
    const aCapo = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', `Bearer ${token}`)
      .send({ ...corpo, richiesta: 'Prima riga\nseconda riga', referente: 'Marco\nVerdi' });
    expect(aCapo.status).toBe(400);
    expect(aCapo.body.errori).toEqual([
      { campo: 'referente', messaggi: [expect.stringContaining('su una riga')] },
    ]);
    await settle();
    expect(registra.received).toHaveLength(0);
  });

  it('refuses control characters in a query string value', async () => {
    const response = await gateway.http
      .get('/api/v1/accessi?operatore=as.crema%00')
      .set('Authorization', `Bearer ${token}`)
      .set(FINALITA_HTTP);
    expect(response.status).toBe(400);
    expect(response.body.errori).toEqual([
      { campo: 'operatore', messaggi: [expect.stringContaining('non ammessi')] },
    ]);
  });
});
