import type { NatsConnection } from 'nats';
import { BUDGET_RPC, type ImpegnoV1 } from '@ambito/contracts';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';
import { connectTestNats } from '@ambito/testing';

const PROBLEM = /^application\/problem\+json/;
const IMPEGNO_ID = '3e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c';

const impegno: ImpegnoV1 = {
  id: IMPEGNO_ID,
  chiaveIdempotenza: 'misure:beneficio:42',
  linea: 'B2-2024',
  fondo: 'FNA-B2',
  anno: 2024,
  descrizione: 'Buono caregiver',
  riferimento: null,
  comuneResidenza: '019035',
  importoInizialeCentesimi: 48_000,
  importoCentesimi: 48_000,
  liquidatoCentesimi: 0,
  pagatoCentesimi: 0,
  residuoCentesimi: 48_000,
  stato: 'attivo',
  determina: { numero: '212/2024', data: '2024-05-06' },
  creditore: { tipo: 'persona', identificativo: 'persona:42' },
  registratoIl: '2026-03-02T09:30:00.000Z',
  liquidazioni: [],
};

const richiesta = {
  chiaveIdempotenza: 'misure:beneficio:42',
  linea: 'B2-2024',
  importoCentesimi: 48_000,
  descrizione: 'Buono caregiver',
  determina: { numero: '212/2024', data: '2024-05-06' },
  creditore: { tipo: 'persona', identificativo: 'persona:42' },
};

async function settle(nc: NatsConnection): Promise<void> {
  await nc.flush();
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('gateway → budget (REST /api/v1/budget, a responder standing in for the budget service)', () => {
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
  const auth = async (user: string) => `Bearer ${await gateway.token(user)}`;

  it('sends an impegno request with the actor and answers 201 with Location', async () => {
    const richiedi = await responder(BUDGET_RPC.richiediImpegno, () => ({ response: impegno }));
    const response = await gateway.http
      .post('/api/v1/budget/impegni')
      .set('Authorization', await auth('udp'))
      .send(richiesta);
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/budget/impegni/${IMPEGNO_ID}`);
    expect(response.body).toEqual(impegno);
    expect(richiedi.received[0].data).toEqual(richiesta);
    expect(await gateway.attore(richiedi.received[0])).toMatchObject({
      userId: 'udp',
      ruoli: ['ufficio-di-piano'],
    });
  });

  it('merges path ids and codes into the commands and converts query strings', async () => {
    const riduci = await responder(BUDGET_RPC.riduciImpegno, () => ({ response: impegno }));
    const liquida = await responder(BUDGET_RPC.registraLiquidazione, () => ({
      response: {
        id: IMPEGNO_ID,
        impegnoId: IMPEGNO_ID,
        importoCentesimi: 4_000,
        periodo: '2024-03',
        mandatoId: null,
        mandato: null,
        registrataIl: '2026-03-02T09:30:00.000Z',
      },
    }));
    const situazione = await responder(BUDGET_RPC.situazioneFondo, () => ({
      response: {
        fondo: { codice: 'FNA-B2', denominazione: 'FNA – Misura B2' },
        alla: '2024-12-31',
        annualita: [],
        totale: {},
      },
    }));
    const admin = await auth('admin');
    await gateway.http
      .post(`/api/v1/budget/impegni/${IMPEGNO_ID}/riduzioni`)
      .set('Authorization', admin)
      .send({ causale: 'rinuncia' })
      .expect(200);
    await gateway.http
      .post(`/api/v1/budget/impegni/${IMPEGNO_ID}/liquidazioni`)
      .set('Authorization', admin)
      .send({ importoCentesimi: 4_000, periodo: '2024-03' })
      .expect(201);
    await gateway.http
      .get('/api/v1/budget/fondi/FNA-B2/situazione?anno=2024&alla=2024-12-31')
      .set('Authorization', admin)
      .expect(200);
    expect(riduci.received[0].data).toEqual({ id: IMPEGNO_ID, causale: 'rinuncia' });
    expect(liquida.received[0].data).toEqual({
      impegnoId: IMPEGNO_ID,
      importoCentesimi: 4_000,
      periodo: '2024-03',
    });
    expect(situazione.received[0].data).toEqual({ fondo: 'FNA-B2', anno: 2024, alla: '2024-12-31' });
  });

  it('serves the rendicontazione of a fund as CSV, and merges path ids into mandato and decisione', async () => {
    const situazione = await responder(BUDGET_RPC.situazioneFondo, () => ({
      response: {
        fondo: { codice: 'FSR', denominazione: 'Fondo Sociale Regionale' },
        alla: null,
        annualita: [
          {
            anno: 2024,
            assegnatoCentesimi: 100_000,
            dotatoCentesimi: 50_000,
            impegnatoCentesimi: 20_000,
            liquidatoCentesimi: 5_000,
            daDotareCentesimi: 50_000,
            disponibileCentesimi: 30_000,
            linee: [],
          },
        ],
        totale: {},
      },
    }));
    const mandato = await responder(BUDGET_RPC.registraMandato, () => ({
      response: {
        id: IMPEGNO_ID,
        numero: 'M-1',
        esercizio: 2024,
        data: '2024-04-10',
        importoCentesimi: 1,
        liquidazioni: [IMPEGNO_ID],
      },
    }));
    const articolo = await responder(BUDGET_RPC.registraArticolo, () => ({ response: {} }));
    const decidi = await responder(BUDGET_RPC.decidiVariazione, () => ({ response: {} }));
    const regole = await responder(BUDGET_RPC.elencaRegole, () => ({ response: [] }));
    const udp = await auth('udp');
    const csv = await gateway.http
      .get('/api/v1/budget/fondi/FSR/rendicontazione.csv?anno=2024')
      .set('Authorization', udp)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="rendicontazione-FSR.csv"');
    expect(csv.text).toBe(
      'fondo;annualita;linea;denominazione;assegnato;dotato;impegnato;liquidato;da_dotare;disponibile\r\n' +
        'FSR;2024;;Totale Fondo Sociale Regionale 2024;1000,00;500,00;200,00;50,00;500,00;300,00\r\n',
    );
    expect(situazione.received[0].data).toEqual({ fondo: 'FSR', anno: 2024 });
    await gateway.http
      .post('/api/v1/budget/mandati')
      .set('Authorization', udp)
      .send({ numero: 'M-1', data: '2024-04-10', liquidazioni: [IMPEGNO_ID] })
      .expect(201);
    expect(mandato.received[0].data).toEqual({
      numero: 'M-1',
      data: '2024-04-10',
      liquidazioni: [IMPEGNO_ID],
    });
    const atto = { organo: 'assemblea-dei-sindaci', numero: '7/2024', data: '2024-07-15' };
    await gateway.http
      .post(`/api/v1/budget/variazioni/${IMPEGNO_ID}/decisione`)
      .set('Authorization', udp)
      .send({ esito: 'approvata', atto })
      .expect(200);
    expect(decidi.received[0].data).toEqual({ id: IMPEGNO_ID, esito: 'approvata', atto });
    const corpoArticolo = {
      codice: 'PO2025-7.10-DDN',
      denominazione: 'Dopo di Noi 2025',
      categoria: 'dopo-di-noi',
      fondo: 'DDN',
      preventivoCentesimi: 1,
    };
    await gateway.http
      .post('/api/v1/budget/linee/PO2025-7.10/articoli')
      .set('Authorization', udp)
      .send(corpoArticolo)
      .expect(201);
    expect(articolo.received[0].data).toEqual({ linea: 'PO2025-7.10', ...corpoArticolo });
    await gateway.http
      .get('/api/v1/budget/fondi/FSR/regole?inVigoreIl=2024-06-01')
      .set('Authorization', udp)
      .expect(200);
    expect(regole.received[0].data).toEqual({ fondo: 'FSR', inVigoreIl: '2024-06-01' });
  });

  it.each([
    ['BUDGET_INSUFFICIENTE', 409, 'budget-insufficiente'],
    ['LIQUIDAZIONE_OLTRE_IMPEGNO', 422, 'liquidazione-oltre-impegno'],
    ['FONDO_SCONOSCIUTO', 422, 'fondo-sconosciuto'],
    ['LINEA_NON_FINANZIABILE', 422, 'linea-non-finanziabile'],
    ['LINEA_NON_TROVATA', 404, 'linea-non-trovata'],
    ['CHIAVE_IDEMPOTENZA_RIUSATA', 409, 'chiave-idempotenza-riusata'],
  ] as const)('maps %s to %i problem+json', async (code, status, type) => {
    await responder(BUDGET_RPC.richiediImpegno, () => ({
      err: { code, message: 'Spiegazione per l’operatore.' },
    }));
    const response = await gateway.http
      .post('/api/v1/budget/impegni')
      .set('Authorization', await auth('udp'))
      .send(richiesta);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({
      type: `https://ambito.example/problemi/${type}`,
      status,
      code,
      detail: 'Spiegazione per l’operatore.',
      instance: '/api/v1/budget/impegni',
    });
  });

  it.each([
    [
      'a negative amount',
      'post',
      '/api/v1/budget/impegni',
      { ...richiesta, importoCentesimi: -100 },
      'importoCentesimi',
    ],
    [
      'a fractional cent',
      'post',
      '/api/v1/budget/impegni',
      { ...richiesta, importoCentesimi: 10.5 },
      'importoCentesimi',
    ],
    [
      'euros as a string',
      'post',
      '/api/v1/budget/impegni',
      { ...richiesta, importoCentesimi: '480,00' },
      'importoCentesimi',
    ],
    ['an unknown field', 'post', '/api/v1/budget/impegni', { ...richiesta, stato: 'estinto' }, 'stato'],
    [
      'a missing idempotency key',
      'post',
      '/api/v1/budget/impegni',
      { ...richiesta, chiaveIdempotenza: undefined },
      'chiaveIdempotenza',
    ],
    [
      'a fractional liquidazione',
      'post',
      `/api/v1/budget/impegni/${IMPEGNO_ID}/liquidazioni`,
      { importoCentesimi: 0.5, periodo: '2024-03' },
      'importoCentesimi',
    ],
    [
      'an impegno id that is not a UUID',
      'post',
      '/api/v1/budget/impegni/42/riduzioni',
      { causale: 'revoca' },
      'id',
    ],
    [
      'a fund code that is not a code',
      'get',
      '/api/v1/budget/fondi/fna%20b2/situazione',
      undefined,
      'codice',
    ],
    ['a malformed date', 'get', '/api/v1/budget/fondi/FNA-B2/situazione?alla=31-12-2024', undefined, 'alla'],
    [
      'a negative dotazione',
      'post',
      '/api/v1/budget/dotazioni',
      { fondo: 'FNA-B2', anno: 2024, linea: 'B2', importoCentesimi: -1 },
      'importoCentesimi',
    ],
  ] as const)(
    'refuses %s with 400 problem+json and sends nothing on NATS',
    async (_, method, path, body, campo) => {
      const spies = await Promise.all(
        [
          BUDGET_RPC.richiediImpegno,
          BUDGET_RPC.registraLiquidazione,
          BUDGET_RPC.riduciImpegno,
          BUDGET_RPC.situazioneFondo,
          BUDGET_RPC.assegnaDotazione,
        ].map((subject) => responder(subject, () => ({ response: impegno }))),
      );
      const response = await gateway.http[method](path)
        .set('Authorization', await auth('udp'))
        .send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body).toMatchObject({ code: 'VALIDAZIONE_FALLITA' });
      expect((response.body as { errori: Array<{ campo: string }> }).errori.map((e) => e.campo)).toContain(
        campo,
      );
      await settle(nc);
      expect(spies.flatMap((s) => s.received)).toEqual([]);
    },
  );

  it('lets only the Ufficio di Piano and the administrator move money; 401 without a token', async () => {
    const richiedi = await responder(BUDGET_RPC.richiediImpegno, () => ({ response: impegno }));
    const situazione = await responder(BUDGET_RPC.situazioneLinea, () => ({ response: {} }));
    for (const user of ['operatore.crema', 'as.castelleone', 'coordinatore.crema', 'responsabile.pandino']) {
      const post = await gateway.http
        .post('/api/v1/budget/impegni')
        .set('Authorization', await auth(user))
        .send(richiesta);
      expect(post.status).toBe(403);
      expect(post.body).toMatchObject({ code: 'OPERAZIONE_NON_CONSENTITA' });
      const get = await gateway.http
        .get('/api/v1/budget/linee/B2-2024/situazione')
        .set('Authorization', await auth(user));
      expect(get.status).toBe(403);
    }
    const anonimo = await gateway.http.post('/api/v1/budget/impegni').send(richiesta);
    expect(anonimo.status).toBe(401);
    await settle(nc);
    expect([...richiedi.received, ...situazione.received]).toEqual([]);

    await gateway.http
      .post('/api/v1/budget/impegni')
      .set('Authorization', await auth('admin'))
      .send(richiesta)
      .expect(201);
    await gateway.http
      .get('/api/v1/budget/linee/B2-2024/situazione')
      .set('Authorization', await auth('udp'))
      .expect(200);
    expect(situazione.received[0].data).toEqual({ linea: 'B2-2024' });
  });

  it('lets a comune’s responsabile ask for the quote dei comuni (the service narrows it to its own)', async () => {
    const prospetto = await responder(BUDGET_RPC.prospettoQuoteComuni, () => ({
      response: {
        ambito: 'AT-CREMASCO',
        anno: 2024,
        quotaPerAbitanteCentesimi: 657,
        solidarietaPerAbitanteCentesimi: 0,
        dataRiferimentoAbitanti: '2024-01-01',
        atto: 'x',
        attoNumero: '3',
        attoData: '2023-12-15',
        attoOrgano: 'Assemblea dei Sindaci',
        daVerificare: false,
        comuni: [],
        totaleCentesimi: 0,
      },
    }));
    await gateway.http
      .get('/api/v1/budget/quote-comuni?anno=2024')
      .set('Authorization', await auth('responsabile.pandino'))
      .expect(200);
    expect(prospetto.received[0].data).toEqual({ anno: 2024 });
    expect(await gateway.attore(prospetto.received[0])).toMatchObject({ comuni: ['019067'] });
    const operatore = await gateway.http
      .get('/api/v1/budget/quote-comuni?anno=2024')
      .set('Authorization', await auth('operatore.crema'));
    expect(operatore.status).toBe(403);
  });

  it('documents the budget resources in OpenAPI with resolvable schemas', async () => {
    const document = (await gateway.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/budget/fondi',
        '/budget/fondi/{codice}/situazione',
        '/budget/assegnazioni',
        '/budget/linee',
        '/budget/linee/{codice}/situazione',
        '/budget/dotazioni',
        '/budget/impegni',
        '/budget/impegni/{id}',
        '/budget/impegni/{id}/riduzioni',
        '/budget/impegni/{id}/liquidazioni',
        '/budget/quote-capitarie',
        '/budget/abitanti',
        '/budget/quote-comuni',
        '/budget/fondi/{codice}/rendicontazione.csv',
        '/budget/mandati',
        '/budget/linee/{codice}/articoli',
        '/budget/abilitazioni',
        '/budget/abilitazioni/{id}/revoca',
        '/budget/variazioni',
        '/budget/variazioni/{id}/decisione',
        '/budget/linee/{codice}/variazioni',
        '/budget/fondi/{codice}/regole',
        '/budget/regole',
      ]),
    );
    expect(document.paths['/budget/impegni'].post.responses['409']).toBeDefined();
    expect(document.components.schemas.RichiediImpegnoV1.properties).toHaveProperty('chiaveIdempotenza');
    expect(document.components.schemas.CorpoRegistraLiquidazioneV1.properties).not.toHaveProperty(
      'impegnoId',
    );
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(refs).toEqual(
      expect.arrayContaining(['ImpegnoV1', 'SituazioneFondoRispostaV1', 'LiquidazioneV1']),
    );
    expect(refs.filter((name) => !(name in document.components.schemas))).toEqual([]);
  });
});
