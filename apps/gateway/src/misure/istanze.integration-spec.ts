import type { NatsConnection } from 'nats';
import { MISURE_RPC, type IstanzaV1, type IstruttoriaV1 } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const AVVISO = '7d1c6b0e-3f4a-4f7e-9a51-2b8f0c9d4e21';
const ISTANZA = '0b7e5f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';
const PERSONA = '1c8f6a8b-2d3e-4f5a-9b0c-1d2e3f4a5b6c';
const FINALITA = { 'X-Finalita': 'istruttoria-misure', 'X-Motivo': 'verifica dei requisiti' };

/** Replies as the service gives them; the gateway forwards them untouched. */
const istanza = { id: ISTANZA, avvisoId: AVVISO } as unknown as IstanzaV1;
const istruttoria = {
  id: 'a9b8c7d6-e5f4-4a3b-8c2d-1e0f9a8b7c6d',
  istanzaId: ISTANZA,
} as unknown as IstruttoriaV1;

const dichiarazioni = {
  alDomicilio: true,
  disabilitaDaSenilita: null,
  isee: [
    {
      tipo: 'sociosanitario',
      valoreCentesimi: 1_450_000,
      protocolloDsu: 'INPS-ISEE-2025-00597381W-00',
      dataPresentazione: '2025-01-20',
      difformita: false,
    },
  ],
  riconoscimenti: [],
  caregiver: { parentela: 'parente-1-grado', convivente: true },
  contrattoAssistente: null,
  altreMisure: [],
  frequenzaDiurnaOreSettimanali: null,
  dopoDiNoi: null,
  proVi: null,
};

describe('gateway → misure, avvisi and istanze (REST /api/v1/misure/…, a responder standing in for misure)', () => {
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

  it('presents an istanza: 201 with its Location; a malformed DSU protocol is refused before the bus', async () => {
    const presenta = await responder(MISURE_RPC.presentaIstanza, () => ({ response: istanza }));
    const corpo = {
      avvisoId: AVVISO,
      personaId: PERSONA,
      strumento: 'buono-caregiver',
      richiedente: { tipo: 'interessato' },
      sede: 'SEDE-CREMA-HUB',
      dichiarazioni,
      documenti: [],
    };
    const response = await gateway.http
      .post('/api/v1/misure/istanze')
      .set('Authorization', await auth('operatore.crema'))
      .send(corpo);
    expect(response.status).toBe(201);
    expect(response.headers.location).toBe(`/api/v1/misure/istanze/${ISTANZA}`);
    expect(presenta.received[0].data).toEqual(corpo);

    const sbagliato = await gateway.http
      .post('/api/v1/misure/istanze')
      .set('Authorization', await auth('operatore.crema'))
      .send({
        ...corpo,
        dichiarazioni: {
          ...dichiarazioni,
          isee: [{ ...dichiarazioni.isee[0], protocolloDsu: 'INPS-ISEE-2025-1-00' }],
        },
      });
    expect(sbagliato.status).toBe(400);
    expect(sbagliato.body).toMatchObject({ code: 'VALIDAZIONE_FALLITA' });
    expect(presenta.received).toHaveLength(1);
  });

  it('fills the istanza’s id from the path for versions, istruttorie, decisions and the avviso’s list', async () => {
    const modifica = await responder(MISURE_RPC.modificaIstanza, () => ({ response: istanza }));
    const decidi = await responder(MISURE_RPC.decidiIstruttoria, () => ({ response: istruttoria }));
    const riesamina = await responder(MISURE_RPC.riesaminaIstanza, () => ({ response: istruttoria }));
    const elencaIstruttorie = await responder(MISURE_RPC.elencaIstruttorie, () => ({ response: [] }));
    const elencaIstanze = await responder(MISURE_RPC.elencaIstanze, () => ({
      response: { elementi: [], totale: 0, pagina: 2, perPagina: 10 },
    }));
    const udp = await auth('udp');
    await gateway.http
      .post(`/api/v1/misure/istanze/${ISTANZA}/versioni`)
      .set('Authorization', udp)
      .send({ dichiarazioni, documenti: [] })
      .expect(200);
    await gateway.http
      .post(`/api/v1/misure/istanze/${ISTANZA}/decisione`)
      .set('Authorization', udp)
      .send({ esito: 'ammissibile', motivazione: 'Difformità chiarita.' })
      .expect(200);
    await gateway.http
      .post(`/api/v1/misure/istanze/${ISTANZA}/istruttorie`)
      .set('Authorization', udp)
      .send({ motivo: 'valutazione completata' })
      .expect(201);
    await gateway.http
      .get(`/api/v1/misure/istanze/${ISTANZA}/istruttorie`)
      .set('Authorization', udp)
      .set(FINALITA)
      .expect(200);
    await gateway.http
      .get(`/api/v1/misure/avvisi/${AVVISO}/istanze?esito=ammissibile&pagina=2&perPagina=10`)
      .set('Authorization', await auth('responsabile.crema'))
      .set(FINALITA)
      .expect(200);
    expect(modifica.received[0].data).toEqual({ id: ISTANZA, dichiarazioni, documenti: [] });
    expect(decidi.received[0].data).toEqual({
      istanzaId: ISTANZA,
      esito: 'ammissibile',
      motivazione: 'Difformità chiarita.',
    });
    expect(riesamina.received[0].data).toEqual({ istanzaId: ISTANZA, motivo: 'valutazione completata' });
    expect(elencaIstruttorie.received[0].data).toEqual({ istanzaId: ISTANZA });
    expect(elencaIstanze.received[0].data).toEqual({
      avvisoId: AVVISO,
      esito: 'ammissibile',
      pagina: 2,
      perPagina: 10,
    });
  });

  it('needs a purpose to read an istanza, and refuses the roles outside the declaration before the bus', async () => {
    const leggi = await responder(MISURE_RPC.leggiIstanza, () => ({ response: istanza }));
    const pubblica = await responder(MISURE_RPC.pubblicaAvviso, () => ({ response: {} }));
    const senza = await gateway.http
      .get(`/api/v1/misure/istanze/${ISTANZA}`)
      .set('Authorization', await auth('operatore.crema'));
    expect(senza.status).toBe(400);
    expect(senza.body).toMatchObject({ code: 'FINALITA_MANCANTE' });
    await gateway.http
      .get(`/api/v1/misure/istanze/${ISTANZA}`)
      .set('Authorization', await auth('responsabile.crema'))
      .set(FINALITA)
      .expect(403);
    for (const user of ['operatore.crema', 'admin'])
      await gateway.http
        .post(`/api/v1/misure/avvisi/${AVVISO}/pubblicazione`)
        .set('Authorization', await auth(user))
        .send({})
        .expect(403);
    expect(leggi.received).toEqual([]);
    expect(pubblica.received).toEqual([]);
  });
});
