import type { NatsConnection } from 'nats';
import { PRESA_IN_CARICO_RPC, type ProgettoV1 } from '@ambito/contracts';
import { FINALITA_HTTP, startTestGateway, type TestGateway } from '../../test/gateway-harness';
import { respondOn, type Responder } from '../../test/nats-responder';
import { connectTestNats } from '@ambito/testing';

const PROBLEM = /^application\/problem\+json/;
const CARTELLA_ID = '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const PROGETTO_ID = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';

const progetto: ProgettoV1 = {
  id: PROGETTO_ID,
  cartellaId: CARTELLA_ID,
  versione: 1,
  stato: 'proposto',
  dataInizio: '2026-01-01',
  dataFine: '2026-12-31',
  obiettivi: [
    { descrizione: 'Domiciliarità', indicatore: 'Giorni a casa', risultatoAtteso: 'Nessun ricovero' },
  ],
  interventi: [],
  verifiche: [{ data: '2026-06-01', oggetto: 'Verifica' }],
  impegni: [],
  consensoPersona: true,
  budget: [],
  proposto: { da: 'as.crema', nome: 'Sara Riva', il: '2026-01-01T10:00:00.000Z' },
  decisione: null,
};

const proposta = {
  dataInizio: '2026-01-01',
  dataFine: '2026-12-31',
  obiettivi: progetto.obiettivi,
  interventi: [
    {
      codicePrestazione: 'A2.07',
      denominazione: 'Assistenza domiciliare',
      erogatore: 'Cooperativa Il Borgo',
      intensita: { quantita: 6, unita: 'ore-settimana' },
      dal: '2026-01-01',
      al: '2026-12-31',
      costoCentesimi: 686400,
      fonteFinanziamento: 'fondo-non-autosufficienza',
      imputazione: { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 },
    },
  ],
  verifiche: progetto.verifiche,
  consensoPersona: true,
};

async function settle(nc: NatsConnection): Promise<void> {
  await nc.flush();
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('gateway → presa-in-carico (REST resources of the cartella sociale)', () => {
  let gateway: TestGateway;
  let nc: NatsConnection;
  const responders: Responder[] = [];
  const bearer = async (username: string) => `Bearer ${await gateway.token(username)}`;

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

  it('proposes a project: the path id is merged into the validated command, sent as the case manager', async () => {
    const proponi = await responder(PRESA_IN_CARICO_RPC.proponiProgetto, () => ({ response: progetto }));
    const response = await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/progetti`)
      .set('Authorization', await bearer('as.crema'))
      .send(proposta);
    expect(response.status).toBe(201);
    expect(response.body).toEqual(progetto);
    expect(proponi.received[0].data).toEqual({ ...proposta, id: CARTELLA_ID });
    expect(await gateway.attore(proponi.received[0])).toMatchObject({
      userId: 'as.crema',
      ruoli: ['assistente-sociale'],
      subAmbiti: ['SA-CREMA'],
    });
  });

  it('opens a cartella directly: 201 with the Location of the cartella, 202 when forwarded', async () => {
    const apertura = {
      persona: {
        codiceFiscale: 'RSSMRA48C15D142C',
        cognome: 'Rossi',
        nome: 'Mario',
        dataNascita: '1948-03-15',
        sesso: 'M',
        comuneResidenza: '019035',
      },
      origine: 'dimissione-protetta',
      inviante: 'ASST Crema – reparto di medicina generale',
      motivazione: 'Dimissione dopo frattura di femore, vive solo.',
      urgenza: 'prioritaria',
    };
    const apri = await responder(PRESA_IN_CARICO_RPC.apriCartella, () => ({
      response: { esito: 'aperta', cartella: { id: CARTELLA_ID, subAmbito: 'SA-CREMA' } },
    }));
    const response = await gateway.http
      .post('/api/v1/cartelle')
      .set('Authorization', await bearer('as.crema'))
      .send(apertura);
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/cartelle/${CARTELLA_ID}`);
    // The cartella itself, as before the forwarding existed.
    expect(response.body).toEqual({ id: CARTELLA_ID, subAmbito: 'SA-CREMA' });
    expect(apri.received[0].data).toEqual(apertura);
    await apri.stop();

    // Another sub-ambito's case: 202, the outcome only, no Location.
    await responder(PRESA_IN_CARICO_RPC.apriCartella, () => ({
      response: { esito: 'inoltrata', cartella: null },
    }));
    const inoltrata = await gateway.http
      .post('/api/v1/cartelle')
      .set('Authorization', await bearer('as.crema'))
      .send(apertura);
    expect(inoltrata.status).toBe(202);
    expect(inoltrata.body).toEqual({ esito: 'inoltrata', cartella: null });
    expect(inoltrata.headers.location).toBeUndefined();
  });

  it('routes assignment, closure, assessment and diario with the id from the path', async () => {
    const assegna = await responder(PRESA_IN_CARICO_RPC.assegnaCartella, () => ({ response: {} }));
    const valuta = await responder(PRESA_IN_CARICO_RPC.registraValutazione, () => ({ response: {} }));
    const diario = await responder(PRESA_IN_CARICO_RPC.leggiDiario, () => ({ response: [] }));
    await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/assegnazione`)
      .set('Authorization', await bearer('coordinatore.crema'))
      .send({ caseManagerId: 'as.crema' })
      .expect(200);
    await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/valutazioni`)
      .set('Authorization', await bearer('as.crema'))
      .send({ strumento: 'ADL', data: '2026-01-10', risposte: { vestirsi: 1 } })
      .expect(201);
    await gateway.http
      .get(`/api/v1/cartelle/${CARTELLA_ID}/diario`)
      .set(FINALITA_HTTP)
      .set('Authorization', await bearer('responsabile.crema'))
      .expect(200);
    expect(assegna.received[0].data).toEqual({ id: CARTELLA_ID, caseManagerId: 'as.crema' });
    expect(valuta.received[0].data).toEqual({
      id: CARTELLA_ID,
      strumento: 'ADL',
      data: '2026-01-10',
      risposte: { vestirsi: 1 },
    });
    expect(diario.received[0].data).toEqual({ id: CARTELLA_ID });
  });

  it('routes verifiche and the monitoring queries, keeping the case manager out of the workload report', async () => {
    const verifica = await responder(PRESA_IN_CARICO_RPC.registraVerifica, () => ({ response: {} }));
    const carico = await responder(PRESA_IN_CARICO_RPC.caricoLavoro, () => ({
      response: { al: '2026-01-01', subAmbiti: [] },
    }));
    const avvisi = await responder(PRESA_IN_CARICO_RPC.elencaAvvisi, () => ({ response: [] }));
    await gateway.http
      .post(`/api/v1/cartelle/progetti/${PROGETTO_ID}/verifiche`)
      .set('Authorization', await bearer('as.crema'))
      .send({ data: '2026-03-01', esiti: [{ obiettivo: 0, esito: 'raggiunto' }] })
      .expect(201);
    expect(verifica.received[0].data).toEqual({
      id: PROGETTO_ID,
      data: '2026-03-01',
      esiti: [{ obiettivo: 0, esito: 'raggiunto' }],
    });
    await gateway.http
      .get('/api/v1/monitoraggio/carico-lavoro?subAmbito=SA-CREMA')
      .set('Authorization', await bearer('coordinatore.crema'))
      .expect(200);
    expect(carico.received[0].data).toEqual({ subAmbito: 'SA-CREMA' });
    await gateway.http
      .get('/api/v1/monitoraggio/avvisi')
      .set('Authorization', await bearer('responsabile.crema'))
      .expect(200);
    expect(avvisi.received).toHaveLength(1);
    const refused = await gateway.http
      .get('/api/v1/monitoraggio/carico-lavoro')
      .set('Authorization', await bearer('as.crema'));
    expect(refused.status).toBe(403);
    await settle(nc);
    expect(carico.received).toHaveLength(1);
  });

  it('routes a change of residence and the cartelle audit log (administrator only)', async () => {
    const trasferisci = await responder(PRESA_IN_CARICO_RPC.trasferisciCartella, () => ({ response: {} }));
    const audit = await responder(PRESA_IN_CARICO_RPC.elencaAudit, () => ({
      response: { elementi: [], totale: 0, pagina: 1, perPagina: 20 },
    }));
    await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/trasferimento`)
      .set('Authorization', await bearer('as.crema'))
      .send({ comuneResidenza: '019067' })
      .expect(200);
    expect(trasferisci.received[0].data).toEqual({ id: CARTELLA_ID, comuneResidenza: '019067' });
    const equipe = await responder(PRESA_IN_CARICO_RPC.assegnaEquipeCaso, () => ({ response: {} }));
    await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/equipe`)
      .set('Authorization', await bearer('coordinatore.crema'))
      .send({ membri: ['psi.crema'] })
      .expect(200);
    expect(equipe.received[0].data).toEqual({ id: CARTELLA_ID, membri: ['psi.crema'] });
    await gateway.http
      .get(`/api/v1/audit/cartelle?cartellaId=${CARTELLA_ID}&esito=negato`)
      .set(FINALITA_HTTP)
      .set('Authorization', await bearer('admin'))
      .expect(200);
    expect(audit.received[0].data).toEqual({ cartellaId: CARTELLA_ID, esito: 'negato' });
    const refused = await gateway.http
      .get('/api/v1/audit/cartelle')
      .set('Authorization', await bearer('coordinatore.crema'));
    expect(refused.status).toBe(403);
    await settle(nc);
    expect(audit.received).toHaveLength(1);
  });

  it('answers the approval of one’s own proposal with 403 problem+json APPROVAZIONE_DEL_PROPONENTE', async () => {
    await responder(PRESA_IN_CARICO_RPC.approvaProgetto, () => ({
      err: { code: 'APPROVAZIONE_DEL_PROPONENTE', message: 'Chi ha proposto il progetto non può deciderlo.' },
    }));
    const response = await gateway.http
      .post(`/api/v1/cartelle/progetti/${PROGETTO_ID}/approvazione`)
      .set('Authorization', await bearer('responsabile.crema'))
      .send({});
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ code: 'APPROVAZIONE_DEL_PROPONENTE', status: 403 });
  });

  it.each([
    ['TRANSIZIONE_NON_CONSENTITA', 409],
    ['CARTELLA_CHIUSA', 409],
    ['CARTELLA_NON_TROVATA', 404],
    ['STRUMENTO_SCONOSCIUTO', 422],
    ['DATA_NON_VALIDA', 422],
  ])('maps %s to HTTP %i', async (code, status) => {
    await responder(PRESA_IN_CARICO_RPC.registraValutazione, () => ({ err: { code, message: 'rifiutata' } }));
    const response = await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/valutazioni`)
      .set('Authorization', await bearer('as.crema'))
      .send({ strumento: 'ADL', data: '2026-01-10', risposte: {} });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it('keeps out the roles that never act on a cartella, sending nothing', async () => {
    const approva = await responder(PRESA_IN_CARICO_RPC.approvaProgetto, () => ({ response: progetto }));
    const elenca = await responder(PRESA_IN_CARICO_RPC.elencaCartelle, () => ({
      response: { elementi: [] },
    }));
    const assegna = await responder(PRESA_IN_CARICO_RPC.assegnaCartella, () => ({ response: {} }));
    const proponi = await responder(PRESA_IN_CARICO_RPC.proponiProgetto, () => ({ response: progetto }));
    const refused = [
      gateway.http
        .post(`/api/v1/cartelle/progetti/${PROGETTO_ID}/approvazione`)
        .set('Authorization', await bearer('as.crema'))
        .send({}),
      gateway.http
        .post(`/api/v1/cartelle/progetti/${PROGETTO_ID}/approvazione`)
        .set('Authorization', await bearer('coordinatore.crema'))
        .send({}),
      gateway.http.get('/api/v1/cartelle').set('Authorization', await bearer('udp')),
      gateway.http.get('/api/v1/cartelle').set('Authorization', await bearer('operatore.crema')),
      gateway.http
        .post(`/api/v1/cartelle/${CARTELLA_ID}/assegnazione`)
        .set('Authorization', await bearer('as.crema'))
        .send({ caseManagerId: 'as.crema' }),
      gateway.http
        .post(`/api/v1/cartelle/${CARTELLA_ID}/progetti`)
        .set('Authorization', await bearer('responsabile.crema'))
        .send(proposta),
    ];
    for (const r of await Promise.all(refused)) {
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('OPERAZIONE_NON_CONSENTITA');
    }
    await settle(nc);
    expect([...approva.received, ...elenca.received, ...assegna.received, ...proponi.received]).toEqual([]);
  });

  it('refuses an invalid project with 400 and the fields, sending nothing', async () => {
    const proponi = await responder(PRESA_IN_CARICO_RPC.proponiProgetto, () => ({ response: progetto }));
    const response = await gateway.http
      .post(`/api/v1/cartelle/${CARTELLA_ID}/progetti`)
      .set('Authorization', await bearer('as.crema'))
      .send({
        ...proposta,
        interventi: [{ ...proposta.interventi[0], codicePrestazione: 'SAD', costoCentesimi: 1.5 }],
      });
    expect(response.status).toBe(400);
    expect(response.body.errori.map((e: { campo: string }) => e.campo)).toEqual(
      expect.arrayContaining(['interventi.0.codicePrestazione', 'interventi.0.costoCentesimi']),
    );
    await settle(nc);
    expect(proponi.received).toEqual([]);
  });

  it('documents the cartella resources in OpenAPI with resolvable schemas', async () => {
    const document = (await gateway.http.get('/api/docs-json').expect(200)).body as {
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    // paths are relative to the server URL, which carries the /api/v1 prefix
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/cartelle',
        '/cartelle/{id}',
        '/cartelle/{id}/assegnazione',
        '/cartelle/{id}/chiusura',
        '/cartelle/{id}/diario',
        '/cartelle/{id}/valutazioni',
        '/cartelle/{id}/progetti',
        '/cartelle/progetti/{id}/approvazione',
        '/cartelle/progetti/{id}/respingimento',
        '/equipe',
        '/equipe/{subAmbito}',
        '/strumenti-valutazione',
        '/statistiche/cartelle',
        '/cartelle/progetti/{id}/verifiche',
        '/monitoraggio/carico-lavoro',
        '/monitoraggio/avvisi',
        '/cartelle/{id}/trasferimento',
        '/audit/cartelle',
        '/cartelle/{id}/equipe',
        '/cartelle/{id}/nucleo',
      ]),
    );
    expect(document.components.schemas.CorpoProponiProgettoV1.properties).not.toHaveProperty('id');
    expect(document.components.schemas.CartellaV1.properties).toHaveProperty('progetti');
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs.filter((name) => !(name in document.components.schemas))).toEqual([]);
  });
});
