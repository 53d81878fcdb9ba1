import type { NatsConnection } from 'nats';
import { MISURE_RPC, type GraduatoriaV1 } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const AVVISO = '0b5c8f3e-63d9-4b4f-9e7c-3b1d6f0a9e21';
const GRADUATORIA = '3e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c';

const graduatoria: GraduatoriaV1 = {
  id: GRADUATORIA,
  avvisoId: AVVISO,
  misura: 'b2',
  area: 'anziani',
  strumento: 'buono-caregiver',
  linea: 'PO2025-7.10-B2-ANZIANI',
  fondo: 'FNA-B2',
  annoFondo: 2024,
  budgetCentesimi: 960_000,
  stato: 'approvata',
  finanziate: 1,
  idoneeNonFinanziate: 1,
  finanziatoCentesimi: 480_000,
  formataIl: '2025-04-10T08:00:00.000Z',
  approvataIl: '2025-04-20T08:00:00.000Z',
  determina: { numero: '210/2025', data: '2025-04-20' },
  ultimoErrore: null,
};

describe('gateway → misure graduatorie (REST /api/v1/misure/avvisi/{id}/graduatorie, a responder standing in for misure)', () => {
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

  it('serves the CSV misure renders as a download named after the graduatoria', async () => {
    const csv = 'Graduatoria b2 buono-caregiver anziani;approvata\r\nposizione;protocollo\r\n1;12/2025\r\n';
    const pubblica = await responder(MISURE_RPC.pubblicaGraduatoria, () => ({ response: { csv } }));
    const risposta = await gateway.http
      .get(`/api/v1/misure/avvisi/${AVVISO}/graduatorie/${GRADUATORIA}/pubblicazione.csv`)
      .set('Authorization', await auth('udp'))
      .expect(200);
    expect(risposta.headers['content-type']).toMatch(/^text\/csv/);
    expect(risposta.headers['content-disposition']).toBe(
      `attachment; filename="graduatoria-${GRADUATORIA}.csv"`,
    );
    expect(risposta.text).toBe(csv);
    expect(pubblica.received[0].data).toEqual({ avvisoId: AVVISO, graduatoriaId: GRADUATORIA });
  });

  it('pages the positions with the query string', async () => {
    const voci = await responder(MISURE_RPC.elencaVociGraduatoria, () => ({
      response: { elementi: [], totale: 0, pagina: 3, perPagina: 100 },
    }));
    await gateway.http
      .get(
        `/api/v1/misure/avvisi/${AVVISO}/graduatorie/${GRADUATORIA}/voci?pagina=3&perPagina=100&esito=finanziata`,
      )
      .set('Authorization', await auth('udp'))
      .expect(200);
    expect(voci.received[0].data).toEqual({
      avvisoId: AVVISO,
      graduatoriaId: GRADUATORIA,
      pagina: 3,
      perPagina: 100,
      esito: 'finanziata',
    });
  });

  it('merges the path ids into formation, approval and cessazione', async () => {
    const forma = await responder(MISURE_RPC.formaGraduatorie, () => ({
      response: { avvisoId: AVVISO, graduatorie: [], ammissibiliSenzaGraduatoria: 0 },
    }));
    const approva = await responder(MISURE_RPC.approvaGraduatoria, () => ({ response: graduatoria }));
    const cessa = await responder(MISURE_RPC.cessaBeneficio, () => ({ response: graduatoria }));
    const udp = await auth('udp');
    await gateway.http
      .post(`/api/v1/misure/avvisi/${AVVISO}/graduatorie`)
      .set('Authorization', udp)
      .send({})
      .expect(200);
    expect(forma.received[0].data).toEqual({ avvisoId: AVVISO });
    const determina = { numero: '210/2025', data: '2025-04-20' };
    await gateway.http
      .post(`/api/v1/misure/avvisi/${AVVISO}/graduatorie/${GRADUATORIA}/approvazione`)
      .set('Authorization', udp)
      .send({ determina })
      .expect(200);
    expect(approva.received[0].data).toEqual({ avvisoId: AVVISO, graduatoriaId: GRADUATORIA, determina });
    const cessazione = {
      istanzaId: '5e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
      causa: 'rinuncia',
      motivazione: 'Rinuncia scritta del beneficiario',
      determina,
    };
    await gateway.http
      .post(`/api/v1/misure/avvisi/${AVVISO}/graduatorie/${GRADUATORIA}/cessazioni`)
      .set('Authorization', udp)
      .send(cessazione)
      .expect(200);
    expect(cessa.received[0].data).toEqual({ avvisoId: AVVISO, graduatoriaId: GRADUATORIA, ...cessazione });
  });
});
