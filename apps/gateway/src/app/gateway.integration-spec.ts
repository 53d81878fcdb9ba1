import type { NatsConnection } from 'nats';
import { ACCESSO_RPC, HEADER, type AccessoV1 } from '@ambito/contracts';
import { contextFromHeaders } from '@ambito/messaging';
import { headers as natsHeaders } from 'nats';
import { respondOn, type Responder } from '../../test/nats-responder';
import { FINALITA_HTTP, startTestGateway, type TestGateway } from '../../test/gateway-harness';
import { connectTestNats } from '@ambito/testing';

const PROBLEM = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCESSO_ID = '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PERSONA_ID = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const accessoChiuso: AccessoV1 = {
  id: ACCESSO_ID,
  persona: { id: PERSONA_ID, codiceFiscale: 'VRDGNN50A41D142Z', cognome: 'Verdi', nome: 'Giovanna' },
  comuneResidenza: '019035',
  dataOra: '2026-03-02T09:30:00.000Z',
  sede: 'SEDE-CREMA-HUB',
  subAmbito: 'SA-CREMA',
  operatore: { id: 'operatore.crema', nome: 'Giulia Ferrari' },
  canale: 'sportello',
  presentatoDa: 'interessato',
  referente: null,
  areaBisogno: 'anziani',
  richiesta: 'Aiuto per la spesa',
  note: null,
  stato: 'chiuso',
  esito: { tipo: 'informazione-orientamento', servizio: null, motivazione: null, urgenza: null, note: null },
  chiusoIl: '2026-03-02T10:00:00.000Z',
  annotazioni: [],
};

const nuovoAccesso = {
  personaId: PERSONA_ID,
  sede: 'SEDE-CREMA-HUB',
  canale: 'sportello',
  presentatoDa: 'interessato',
  areaBisogno: 'anziani',
  richiesta: 'Aiuto per la spesa',
};

/** Lets a message that should not have been sent reach the responder before asserting it did not. */
async function settle(nc: NatsConnection): Promise<void> {
  await nc.flush();
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('gateway → NATS (in-process, real nats-server, a responder standing in for accesso)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  const responders: Responder[] = [];

  beforeAll(async () => {
    gateway = await startTestGateway();
    nc = await connectTestNats();
  });

  afterEach(async () => {
    await Promise.all(responders.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await nc?.drain();
    await gateway?.close();
  });

  async function responder(...args: Parameters<typeof respondOn> extends [unknown, ...infer R] ? R : never) {
    const r = await respondOn(nc, ...args);
    responders.push(r);
    return r;
  }

  it('sends the validated command with the signed actor, correlation, causation and purpose in the NATS headers', async () => {
    const chiudi = await responder(ACCESSO_RPC.chiudiAccesso, () => ({ response: accessoChiuso }));

    const response = await gateway.http
      .post(`/api/v1/accessi/${ACCESSO_ID}/esito`)
      .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
      .set('X-Correlation-Id', 'corr-integrazione-1')
      .set('X-Motivo', encodeURIComponent('colloquio di segretariato – verifica'))
      .send({ tipo: 'invio-altro-servizio', servizio: 'Consultorio familiare' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual(accessoChiuso);
    expect(response.headers['x-correlation-id']).toBe('corr-integrazione-1');
    expect(chiudi.received).toHaveLength(1);
    const [ricevuta] = chiudi.received;
    expect(ricevuta.data).toEqual({
      id: ACCESSO_ID,
      esito: { tipo: 'invio-altro-servizio', servizio: 'Consultorio familiare' },
    });
    // Signed for this subject, correlation id and body with the gateway's key, as the service verifies it.
    expect(await gateway.attore(ricevuta)).toEqual({
      userId: 'operatore.crema',
      nome: 'Giulia Ferrari',
      ruoli: ['operatore-accesso'],
      ambito: 'CREMA',
      subAmbiti: ['SA-CREMA'],
      comuni: [],
    });
    const h = natsHeaders();
    for (const [k, v] of Object.entries(ricevuta.headers)) h.set(k, v);
    const context = contextFromHeaders(h, 'assente');
    expect(context.correlationId).toBe('corr-integrazione-1');
    expect(context.causationId).toMatch(UUID);
    expect(context.motivo).toBe('colloquio di segretariato – verifica');
  });

  it('refuses a read of personal data without a purpose with 400, sending nothing; forwards code and text', async () => {
    const leggi = await responder(ACCESSO_RPC.leggiPersona, () => ({ response: { id: PERSONA_ID } }));
    const auth = `Bearer ${await gateway.token('operatore.crema')}`;
    const senza = await gateway.http.get(`/api/v1/persone/${PERSONA_ID}`).set('Authorization', auth);
    expect(senza.status).toBe(400);
    expect(senza.headers['content-type']).toMatch(PROBLEM);
    expect(senza.body).toMatchObject({
      code: 'FINALITA_MANCANTE',
      errori: [
        { campo: 'finalita', messaggi: [expect.stringContaining('segretariato-sociale')] },
        { campo: 'motivo', messaggi: ['obbligatorio'] },
      ],
    });
    const ignota = await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', auth)
      .set({ 'X-Finalita': 'curiosita', 'X-Motivo': 'vediamo' });
    expect(ignota.status).toBe(400);
    expect(ignota.body).toMatchObject({ code: 'FINALITA_NON_VALIDA' });
    // The finding's header: a percent-encoded NUL is no purpose.
    const nul = await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', auth)
      .set({ 'X-Finalita': 'segretariato-sociale', 'X-Motivo': '%00' });
    expect(nul.status).toBe(400);
    await settle(nc);
    expect(leggi.received).toEqual([]);

    await gateway.http
      .get(`/api/v1/persone/${PERSONA_ID}`)
      .set('Authorization', auth)
      .set({ 'X-Finalita': 'segretariato-sociale', 'X-Motivo': encodeURIComponent('colloquio – verifica') })
      .expect(200);
    const h = natsHeaders();
    for (const [k, v] of Object.entries(leggi.received[0].headers)) h.set(k, v);
    expect(contextFromHeaders(h, 'assente')).toMatchObject({
      finalita: 'segretariato-sociale',
      motivo: 'colloquio – verifica',
    });
    // Writes declare no purpose.
    await responder(ACCESSO_RPC.registraAccesso, () => ({ response: accessoChiuso }));
    await gateway.http.post('/api/v1/accessi').set('Authorization', auth).send(nuovoAccesso).expect(201);
  });

  it('generates a correlation id when the caller sends none, and uses it on NATS', async () => {
    const leggi = await responder(ACCESSO_RPC.leggiAccesso, () => ({ response: accessoChiuso }));
    const response = await gateway.http
      .get(`/api/v1/accessi/${ACCESSO_ID}`)
      .set(FINALITA_HTTP)
      .set('Authorization', `Bearer ${await gateway.token('coordinatore.crema')}`)
      .expect(200);
    expect(response.headers['x-correlation-id']).toMatch(UUID);
    expect(leggi.received[0].data).toEqual({ id: ACCESSO_ID });
    expect(leggi.received[0].headers[HEADER.correlationId]).toBe(response.headers['x-correlation-id']);
  });

  it('merges the path id into PATCH and annotation bodies', async () => {
    const aggiorna = await responder(ACCESSO_RPC.aggiornaAccesso, () => ({ response: accessoChiuso }));
    const annota = await responder(ACCESSO_RPC.annotaAccesso, () => ({ response: accessoChiuso }));
    const auth = `Bearer ${await gateway.token('operatore.crema')}`;
    await gateway.http
      .patch(`/api/v1/accessi/${ACCESSO_ID}`)
      .set('Authorization', auth)
      .send({ note: 'n' })
      .expect(200);
    await gateway.http
      .post(`/api/v1/accessi/${ACCESSO_ID}/annotazioni`)
      .set('Authorization', auth)
      .send({ testo: 'Richiamata' })
      .expect(201);
    expect(aggiorna.received[0].data).toEqual({ id: ACCESSO_ID, note: 'n' });
    expect(annota.received[0].data).toEqual({ id: ACCESSO_ID, testo: 'Richiamata' });
  });

  it('answers 201 with Location on creation and converts query strings to typed filters', async () => {
    await responder(ACCESSO_RPC.registraAccesso, () => ({ response: { ...accessoChiuso, stato: 'aperto' } }));
    const elenca = await responder(ACCESSO_RPC.elencaAccessi, () => ({
      response: { elementi: [], totale: 0, pagina: 2, perPagina: 10 },
    }));
    const auth = `Bearer ${await gateway.token('operatore.crema')}`;
    const created = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', auth)
      .send(nuovoAccesso)
      .expect(201);
    expect(created.headers.location).toBe(`/api/v1/accessi/${ACCESSO_ID}`);

    await gateway.http
      .get('/api/v1/accessi?esito=proposta-presa-in-carico&pagina=2&perPagina=10&dal=2026-01-01')
      .set(FINALITA_HTTP)
      .set('Authorization', auth)
      .expect(200);
    expect(elenca.received[0].data).toEqual({
      esito: 'proposta-presa-in-carico',
      pagina: 2,
      perPagina: 10,
      dal: '2026-01-01',
    });
  });

  it('turns a service error reply into problem+json with the status of its kind', async () => {
    await responder(ACCESSO_RPC.chiudiAccesso, () => ({
      err: { code: 'ACCESSO_GIA_CHIUSO', message: 'L’accesso è già chiuso: non si può modificare.' },
    }));
    const response = await gateway.http
      .post(`/api/v1/accessi/${ACCESSO_ID}/esito`)
      .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
      .set('X-Correlation-Id', 'corr-conflitto')
      .send({ tipo: 'informazione-orientamento' });

    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toEqual({
      type: 'https://ambito.example/problemi/accesso-gia-chiuso',
      title: 'Conflitto con lo stato della risorsa',
      status: 409,
      detail: 'L’accesso è già chiuso: non si può modificare.',
      code: 'ACCESSO_GIA_CHIUSO',
      instance: `/api/v1/accessi/${ACCESSO_ID}/esito`,
      correlationId: 'corr-conflitto',
    });
  });

  it.each([
    ['a missing field', 'post', '/api/v1/accessi', { ...nuovoAccesso, sede: undefined }, 'sede'],
    ['a wrong type', 'post', '/api/v1/accessi', { ...nuovoAccesso, richiesta: 42 }, 'richiesta'],
    ['an unknown field', 'post', '/api/v1/accessi', { ...nuovoAccesso, stato: 'chiuso' }, 'stato'],
    [
      'a nested rule',
      'post',
      `/api/v1/accessi/${ACCESSO_ID}/esito`,
      { tipo: 'proposta-presa-in-carico' },
      'motivazione',
    ],
    [
      'a path id that is not a UUID',
      'post',
      '/api/v1/accessi/non-un-uuid/esito',
      { tipo: 'informazione-orientamento' },
      'id',
    ],
    ['the id in a PATCH body', 'patch', `/api/v1/accessi/${ACCESSO_ID}`, { id: ACCESSO_ID, note: 'x' }, 'id'],
    ['a bad query filter', 'get', '/api/v1/accessi?perPagina=1000&personaId=123', undefined, 'perPagina'],
  ] as const)(
    'refuses %s with 400 problem+json and sends nothing on NATS',
    async (_case, method, path, body, campo) => {
      const spies = await Promise.all(
        [
          ACCESSO_RPC.registraAccesso,
          ACCESSO_RPC.chiudiAccesso,
          ACCESSO_RPC.aggiornaAccesso,
          ACCESSO_RPC.elencaAccessi,
        ].map((subject) => responder(subject, () => ({ response: accessoChiuso }))),
      );
      const response = await gateway.http[method](path)
        .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`)
        .set(FINALITA_HTTP)
        .send(body);

      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ status: 400, code: 'VALIDAZIONE_FALLITA' });
      expect((response.body as { errori: Array<{ campo: string }> }).errori.map((e) => e.campo)).toContain(
        campo,
      );
      await settle(nc);
      expect(spies.flatMap((s) => s.received)).toEqual([]);
    },
  );

  it('refuses malformed JSON and an oversized body with problem+json, sending nothing', async () => {
    const registra = await responder(ACCESSO_RPC.registraAccesso, () => ({ response: accessoChiuso }));
    const auth = `Bearer ${await gateway.token('operatore.crema')}`;
    const malformed = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"personaId":');
    expect(malformed.status).toBe(400);
    expect(malformed.headers['content-type']).toMatch(PROBLEM);
    expect(malformed.body).toMatchObject({
      code: 'VALIDAZIONE_FALLITA',
      detail: 'Il corpo della richiesta non è JSON valido.',
    });
    expect(malformed.headers['x-correlation-id']).toMatch(UUID);

    const huge = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', auth)
      .send({ ...nuovoAccesso, richiesta: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(PROBLEM);
    await settle(nc);
    expect(registra.received).toEqual([]);
  });

  it('answers 401 without a valid token and 403 to a role that may not act, sending nothing', async () => {
    const registra = await responder(ACCESSO_RPC.registraAccesso, () => ({ response: accessoChiuso }));
    const audit = await responder(ACCESSO_RPC.elencaAudit, () => ({ response: { elementi: [] } }));

    const anonymous = await gateway.http.post('/api/v1/accessi').send(nuovoAccesso);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(PROBLEM);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(anonymous.body).toMatchObject({ code: 'NON_AUTENTICATO', status: 401 });

    const forged = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', `Bearer ${(await gateway.token('admin')).slice(0, -4)}AAAA`)
      .send(nuovoAccesso);
    expect(forged.status).toBe(401);

    const udp = await gateway.http
      .post('/api/v1/accessi')
      .set('Authorization', `Bearer ${await gateway.token('udp')}`)
      .send(nuovoAccesso);
    expect(udp.status).toBe(403);
    expect(udp.body).toMatchObject({ code: 'OPERAZIONE_NON_CONSENTITA', status: 403 });

    const operatore = await gateway.http
      .get('/api/v1/audit')
      .set('Authorization', `Bearer ${await gateway.token('operatore.crema')}`);
    expect(operatore.status).toBe(403);

    await settle(nc);
    expect([...registra.received, ...audit.received]).toEqual([]);
  });

  it('answers 503 SERVIZIO_NON_DISPONIBILE when no service answers', async () => {
    const response = await gateway.http
      .get('/api/v1/audit?esito=negato')
      .set(FINALITA_HTTP)
      .set('Authorization', `Bearer ${await gateway.token('admin')}`);
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'SERVIZIO_NON_DISPONIBILE', status: 503 });
  });

  it('answers 201 with Location for a new persona and reads the territory', async () => {
    await responder(ACCESSO_RPC.registraPersona, (data) => ({
      response: { ...(data as object), id: PERSONA_ID, registrataIl: '2026-03-02T09:00:00.000Z' },
    }));
    const territorio = await responder(ACCESSO_RPC.leggiTerritorio, () => ({
      response: { comuni: [], subAmbiti: [], sedi: [{ codice: 'SEDE-SONCINO-HUB' }] },
    }));
    const auth = `Bearer ${await gateway.token('operatore.soncino')}`;
    const persona = await gateway.http
      .post('/api/v1/persone')
      .set('Authorization', auth)
      .send({
        codiceFiscale: 'VRDGNN50A41D142Z',
        cognome: 'Verdi',
        nome: 'Giovanna',
        dataNascita: '1950-01-01',
        luogoNascita: 'D142',
        sesso: 'F',
        cittadinanza: 'IT',
        comuneResidenza: '019035',
        recapiti: { telefono: '0373 000000' },
      })
      .expect(201);
    expect(persona.headers.location).toBe(`/api/v1/persone/${PERSONA_ID}`);

    const sedi = await gateway.http
      .get('/api/v1/territorio/sedi?subAmbito=SA-SONCINO')
      .set('Authorization', auth)
      .expect(200);
    expect(sedi.body).toEqual([{ codice: 'SEDE-SONCINO-HUB' }]);
    expect(territorio.received[0].data).toEqual({ subAmbito: 'SA-SONCINO' });
  });
});

describe('gateway: public routes and errors outside the resources', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('reports NATS up on /health/ready, outside the /api/v1 prefix and without a token', async () => {
    const ready = await gateway.http.get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { nats: { status: 'up' } } });
    await gateway.http.get('/health/live').expect(200);
    const metrics = await gateway.http.get('/metrics').expect(200);
    expect(metrics.text).toContain('ambito_handler_duration_seconds');
    const prefixed = await gateway.http.get('/api/v1/health/ready');
    expect(prefixed.status).toBe(404);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const response = await gateway.http.get('/api/v1/nessuna-risorsa?codiceFiscale=VRDGNN50A41D142Z');
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      code: 'RISORSA_NON_TROVATA',
      instance: '/api/v1/nessuna-risorsa',
      title: 'Risorsa non trovata',
    });
  });

  it('refuses wrong demo credentials with 401 problem+json', async () => {
    const response = await gateway.http
      .post('/api/v1/auth/token')
      .send({ username: 'admin', password: 'admin' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'NON_AUTENTICATO', detail: 'Credenziali non valide.' });
  });

  it('answers /status for the API catalogue without a token, as problem+json', async () => {
    const response = await gateway.http.get('/api/v1/status').expect(200);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 200, title: 'Servizio disponibile' });
  });

  it('serves a valid OpenAPI document with the routes, the contract schemas and problem+json', async () => {
    const response = await gateway.http.get('/api/docs-json').expect(200);
    const document = response.body as {
      openapi: string;
      info: { title: string };
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
      components: {
        schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
        responses: Record<string, { content?: Record<string, unknown> }>;
      };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.info.title).toBe("Ambito — API della piattaforma d'Ambito");
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
    expect(document.paths['/accessi/{id}/esito'].post.responses['200']).toBeDefined();
    const conflitto = document.paths['/accessi/{id}/esito'].post.responses['409'].$ref!.split('/').pop()!;
    expect(document.components.responses[conflitto].content).toHaveProperty(['application/problem+json']);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/territorio',
        '/territorio/sedi',
        '/persone',
        '/persone/{id}',
        '/accessi',
        '/accessi/{id}',
        '/accessi/{id}/annotazioni',
        '/statistiche/accessi',
        '/audit',
        '/auth/token',
        '/status',
      ]),
    );
    expect(Object.keys(document.paths).some((p) => p.startsWith('/health') || p.startsWith('/metrics'))).toBe(
      false,
    );
    expect(document.components.schemas.RegistraPersonaV1.required).toEqual(
      expect.arrayContaining(['codiceFiscale', 'cognome', 'nome', 'dataNascita']),
    );
    // a non-resident has no comune of residence (issue 8 point 11)
    expect(document.components.schemas.RegistraPersonaV1.required).not.toContain('comuneResidenza');
    expect(document.components.schemas.CorpoAggiornaAccessoV1.properties).not.toHaveProperty('id');
    expect(document.components.schemas.Problema.properties).toHaveProperty('errori');

    // every reference resolves inside the document
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((name) => !(name in document.components.schemas))).toEqual([]);

    await gateway.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });
});
