import type { ImpegnoV1, SituazioneFondoRispostaV1 } from '@ambito/contracts';
import { Api, startPlatform, type Platform } from './platform';

const PROBLEM = 'application/problem+json';

describe('budget, end to end: HTTP → gateway → NATS → budget → PostgreSQL', () => {
  let platform: Platform;
  let api: Api;

  beforeAll(async () => {
    platform = await startPlatform();
    api = new Api(platform.gateway);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('funds a line, commits its money once per key, refuses over-commitment and reports the situation', async () => {
    const assegnata = await api.request('udp', 'POST', '/api/v1/budget/assegnazioni', {
      fondo: 'FNA-B2',
      anno: 2024,
      atto: { tipo: 'decreto', numero: '1234', data: '2024-03-18' },
      importoCentesimi: 1_000_000,
    });
    expect(assegnata.status).toBe(201);
    await api.request('udp', 'POST', '/api/v1/budget/linee', {
      codice: 'B2-E2E',
      denominazione: 'B2 anziani – buoni',
      esercizio: 2025,
      categoria: 'misure-b2',
      preventivoCentesimi: 600_000,
    });
    const dotazione = await api.request('udp', 'POST', '/api/v1/budget/dotazioni', {
      fondo: 'FNA-B2',
      anno: 2024,
      linea: 'B2-E2E',
      importoCentesimi: 600_000,
    });
    expect(dotazione.status).toBe(201);

    const richiesta = {
      chiaveIdempotenza: 'e2e:beneficio:1',
      linea: 'B2-E2E',
      importoCentesimi: 480_000,
      descrizione: 'Buono caregiver, 12 mesi',
      determina: { numero: '212/2024', data: '2024-05-06' },
      creditore: { tipo: 'persona', identificativo: 'persona:e2e-1' },
    };
    const primo = await api.request<ImpegnoV1>('udp', 'POST', '/api/v1/budget/impegni', richiesta);
    const ripetuto = await api.request<ImpegnoV1>('admin', 'POST', '/api/v1/budget/impegni', richiesta);
    expect(primo.status).toBe(201);
    expect(ripetuto.body.id).toBe(primo.body.id);

    const troppo = await api.request('udp', 'POST', '/api/v1/budget/impegni', {
      ...richiesta,
      chiaveIdempotenza: 'e2e:beneficio:2',
    });
    expect(troppo.status).toBe(409);
    expect(troppo.contentType).toContain(PROBLEM);
    expect(troppo.body).toMatchObject({ code: 'BUDGET_INSUFFICIENTE' });

    const situazione = await api.request<SituazioneFondoRispostaV1>(
      'udp',
      'GET',
      '/api/v1/budget/fondi/FNA-B2/situazione?anno=2024',
    );
    expect(situazione.body.totale).toEqual({
      assegnatoCentesimi: 1_000_000,
      dotatoCentesimi: 600_000,
      daDotareCentesimi: 400_000,
      impegnatoCentesimi: 480_000,
      liquidatoCentesimi: 0,
      pagatoCentesimi: 0,
      disponibileCentesimi: 120_000,
    });
    const operatore = await api.request('operatore.crema', 'GET', '/api/v1/budget/fondi/FNA-B2/situazione');
    expect(operatore.status).toBe(403);
  });
});
