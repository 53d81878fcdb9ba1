import type { NatsConnection } from 'nats';
import {
  MISURE_RPC,
  type ProgettoProViV1,
  type RendicontazioneFnaV1,
  type RendicontoMisureV1,
} from '@ambito/contracts';
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
      linea: 'PROVI-2025',
      determina: { numero: '91/2025', data: '2025-06-10' },
    };
    await gateway.http
      .post(`/api/v1/misure/pro-vi/progetti/${PROGETTO}/rendiconti`)
      .set('Authorization', await auth('udp'))
      .send(corpo)
      .expect(404);
    expect(registra.received[0].data).toEqual({ progettoId: PROGETTO, ...corpo });
  });

  it('shows a Pro.Vi. project with each rendiconto’s quotas in the budget, the ambito’s on its fund', async () => {
    const quota = (fondo: string, importoCentesimi: number) => ({
      fondo,
      anno: 2025,
      importoCentesimi,
      impegnoId: '7d0f5a8e-0b1c-4a53-9a57-2f0d2b7f4c11',
      liquidazioneId: '8e1a6b9f-1c2d-4b64-8b68-3a1e3c8a5d22',
    });
    const budget = {
      chiaveIdempotenza: `misure:pro-vi:${PROGETTO}:rendiconto:1`,
      linea: 'PROVI-2025',
      quotaFondo: quota('FNA-PROVI', 160_000),
      quotaAmbito: quota('COFIN-AMBITO', 40_000),
      puntiBaseMinimi: 2000,
      atto: 'DPCM 21/11/2019: cofinanziamento d’Ambito ≥ 20% del progetto',
    };
    const progetto: ProgettoProViV1 = {
      id: PROGETTO,
      personaId: '1f2e3d4c-5b6a-4789-8abc-def012345678',
      istanzaId: null,
      annualita: 2025,
      regoleId: '2a3b4c5d-6e7f-4801-9234-56789abcdef0',
      macroaree: ['assistente-personale', 'abitare-in-autonomia'],
      concessoCentesimi: null,
      massimaleCentesimi: 2_000_000,
      rimborsatoCentesimi: 200_000,
      residuoCentesimi: 1_800_000,
      cofinanziamento: {
        percentualeMinima: 20,
        quotaAmbitoCentesimi: 40_000,
        quotaFondoCentesimi: 160_000,
        percentualeEffettiva: 20,
        rispettato: true,
      },
      rendiconti: [
        {
          id: '3b4c5d6e-7f80-4912-a345-6789abcdef01',
          numero: 1,
          periodoDal: '2025-05-01',
          periodoAl: '2025-05-31',
          regoleId: '2a3b4c5d-6e7f-4801-9234-56789abcdef0',
          documentatoCentesimi: 200_000,
          ammessoCentesimi: 200_000,
          rimborsoCentesimi: 200_000,
          quotaAmbitoCentesimi: 40_000,
          quotaFondoCentesimi: 160_000,
          motivo: 'Rimborso di € 2.000,00',
          spese: [],
          registratoDa: 'udp',
          registratoIl: '2025-06-10T08:00:00.000Z',
          linea: 'PROVI-2025',
          determina: { numero: '91/2025', data: '2025-06-10' },
          budget,
        },
      ],
    };
    const leggi = await responder(MISURE_RPC.leggiProgettoProVi, () => ({ response: progetto }));
    const letto = await gateway.http
      .get(`/api/v1/misure/pro-vi/progetti/${PROGETTO}`)
      .set('Authorization', await auth('udp'))
      .set('X-Finalita', 'gestione-contabile')
      .set('X-Motivo', 'verifica del cofinanziamento')
      .expect(200);
    expect(letto.body.rendiconti[0].budget).toEqual(budget);
    expect(letto.body.cofinanziamento).toMatchObject({ quotaAmbitoCentesimi: 40_000, rispettato: true });
    expect(leggi.received[0].data).toEqual({ id: PROGETTO });
  });
});
