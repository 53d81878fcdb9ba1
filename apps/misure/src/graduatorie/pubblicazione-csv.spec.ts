import { graduatoriaCsv } from './pubblicazione-csv';

describe('graduatoriaCsv', () => {
  it('lists positions with protocol, esito and amounts in euros, never a person', () => {
    const csv = graduatoriaCsv(
      {
        id: '3e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
        avvisoId: '4e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
        misura: 'b2',
        area: 'anziani',
        strumento: 'buono-caregiver',
        linea: 'PO2025-7.10-B2-ANZIANI',
        fondo: 'FNA-B2',
        annoFondo: 2024,
        budgetCentesimi: 1_000_000,
        stato: 'approvata',
        finanziate: 1,
        idoneeNonFinanziate: 1,
        finanziatoCentesimi: 480_000,
        formataIl: '2025-04-10T08:00:00.000Z',
        approvataIl: '2025-04-20T08:00:00.000Z',
        determina: { numero: '210/2025', data: '2025-04-20' },
        ultimoErrore: null,
      },
      [
        {
          posizione: 1,
          protocollo: '12/2025',
          istanzaId: '5e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
          esito: 'finanziata',
          importoMensileCentesimi: 40_000,
          importoCentesimi: 480_000,
          impegnoId: '6e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
        },
        {
          posizione: 2,
          protocollo: '3/2025',
          istanzaId: '7e6a2c1b-7d4f-4e5a-9b8c-1d2e3f4a5b6c',
          esito: 'idonea-non-finanziata',
          importoMensileCentesimi: null,
          importoCentesimi: 1_234_567,
          impegnoId: null,
        },
      ],
    );
    expect(csv).toBe(
      [
        'Graduatoria b2 buono-caregiver anziani;approvata;determina 210/2025 del 2025-04-20;budget 10000,00;finanziato 4800,00',
        'posizione;protocollo;esito;importo_mensile;importo',
        '1;12/2025;finanziata;400,00;4800,00',
        '2;3/2025;idonea-non-finanziata;;12345,67',
        '',
      ].join('\r\n'),
    );
    // ids of istanze and impegni are not published either
    expect(csv).not.toMatch(/5e6a2c1b|6e6a2c1b|7e6a2c1b/);
  });
});
