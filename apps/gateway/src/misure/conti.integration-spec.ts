import type { NatsConnection } from 'nats';
import { MISURE_RPC, type RendicontazioneFnaV1, type RendicontoMisureV1 } from '@ambito/contracts';
import { connectTestNats } from '@ambito/testing';
import { respondOn, type Responder } from '../../test/nats-responder';
import { startTestGateway, type TestGateway } from '../../test/gateway-harness';

const PROGETTO = '0b5c8f3e-63d9-4b4f-9e7c-3b1d6f0a9e21';
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="titolo descrizione"><title id="titolo">Importi</title><desc id="descrizione">x</desc></svg>';

const riga = {
  chiave: 'buono-caregiver',
  beneficiari: 2,
  benefici: 2,
  mesi: 4,
  importoCentesimi: 140_000,
  liquidatoCentesimi: 80_000,
  sospensioni: 0,
  cessati: 1,
};
const rendiconto: RendicontoMisureV1 = {
  anno: 2025,
  per: 'strumento',
  misura: null,
  righe: [riga],
  totale: { ...riga, chiave: 'totale' },
  indicatori: {
    utenzaRaggiunta: 2,
    risorseInvestiteCentesimi: 140_000,
    importoMedioPerPersonaCentesimi: 70_000,
    mesiMediPerBeneficio: 2,
    percentualeSospesi: 0,
    percentualeLiquidato: 57.14,
    proViRimborsatoCentesimi: 0,
    proViCofinanziamentoAmbitoCentesimi: 0,
    dopoDiNoiContributiCentesimi: 0,
  },
  graficoSvg: SVG,
};
const fna: RendicontazioneFnaV1 = {
  anno: 2025,
  ambito: 'CREMA',
  righe: [
    {
      misura: 'b2',
      strumento: 'buono-caregiver',
      area: 'anziani',
      fondo: 'FNA-B2',
      annoFondo: 2024,
      beneficiari: 2,
      mesi: 4,
      importoCentesimi: 140_000,
      liquidatoCentesimi: 80_000,
      cofinanziamentoAmbitoCentesimi: 0,
    },
  ],
};

describe('gateway → misure accounts (REST /api/v1/misure/rendiconti, pro-vi; a responder standing in for misure)', () => {
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

  it('serves the report’s chart as SVG, forbidding scripts, with the query as the request', async () => {
    const leggi = await responder(MISURE_RPC.leggiRendiconto, () => ({ response: rendiconto }));
    const svg = await gateway.http
      .get('/api/v1/misure/rendiconti/grafico.svg?anno=2025&per=strumento')
      .set('Authorization', await auth('udp'))
      .expect(200);
    expect(svg.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(svg.headers['content-security-policy']).toContain("default-src 'none'");
    expect(Buffer.isBuffer(svg.body) ? svg.body.toString() : svg.text).toBe(SVG);
    expect(leggi.received[0].data).toEqual({ anno: 2025, per: 'strumento' });
  });

  it('serves the FNA rendicontazione as a CSV download', async () => {
    await responder(MISURE_RPC.leggiRendicontazioneFna, () => ({ response: fna }));
    const csv = await gateway.http
      .get('/api/v1/misure/rendiconti/fna.csv?anno=2025')
      .set('Authorization', await auth('udp'))
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="rendicontazione-fna.csv"');
    expect(csv.text.split('\r\n')[1]).toBe(
      'CREMA;2025;b2;buono-caregiver;anziani;FNA-B2;2024;2;4;1400,00;800,00;0,00',
    );
  });

  it('merges the project id of the path into a Pro.Vi. statement', async () => {
    const registra = await responder(MISURE_RPC.registraRendicontoProVi, () => ({
      err: { code: 'PROGETTO_PRO_VI_NON_TROVATO', message: 'Progetto Pro.Vi. non trovato.' },
    }));
    const corpo = {
      periodoDal: '2025-05-01',
      periodoAl: '2025-05-31',
      spese: [
        {
          macroarea: 'assistente-personale',
          tipoSpesa: 'retribuzione-assistente',
          documento: 'cedolino',
          riferimento: 'CED-1',
          data: '2025-05-31',
          ore: null,
          costoOrarioCentesimi: null,
          importoCentesimi: 120_000,
        },
      ],
    };
    await gateway.http
      .post(`/api/v1/misure/pro-vi/progetti/${PROGETTO}/rendiconti`)
      .set('Authorization', await auth('udp'))
      .send(corpo)
      .expect(404);
    expect(registra.received[0].data).toEqual({ progettoId: PROGETTO, ...corpo });
  });
});
