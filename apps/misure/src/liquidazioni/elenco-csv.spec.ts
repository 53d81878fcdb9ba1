import { intestazioneElencoCsv, righeElencoCsv } from './elenco-csv';

describe('elenco di liquidazione in CSV', () => {
  it('one row per month liquidated with payee, checked IBAN and amounts; quotes and formulas made harmless', () => {
    const csv =
      intestazioneElencoCsv({ mese: '2025-06', totaleLiquidatoCentesimi: 123_456, daCompletare: 1 }) +
      righeElencoCsv([
        {
          beneficioId: '5e6a2c1b-0000-4000-8000-000000000001',
          protocollo: 'CREMA-2025-000012',
          misura: 'b2',
          strumento: 'buono-caregiver',
          importoDovutoCentesimi: 40_000,
          compensatoCentesimi: 0,
          importoLiquidatoCentesimi: 40_000,
          impegnoId: '6e6a2c1b-0000-4000-8000-000000000001',
          liquidazioneBudgetId: '7e6a2c1b-0000-4000-8000-000000000001',
          intestatario: 'delegato',
          nominativo: 'Rossi; "Luca"',
          codiceFiscale: 'RSSLCU70A01D142X',
          iban: 'IT60X0542811101000000123456',
          controlloIban: 'valido',
        },
        {
          beneficioId: '5e6a2c1b-0000-4000-8000-000000000002',
          protocollo: 'CREMA-2025-000013',
          misura: 'b2',
          strumento: 'buono-caregiver',
          importoDovutoCentesimi: 83_456,
          compensatoCentesimi: 0,
          importoLiquidatoCentesimi: 83_456,
          impegnoId: '6e6a2c1b-0000-4000-8000-000000000002',
          liquidazioneBudgetId: '7e6a2c1b-0000-4000-8000-000000000002',
          intestatario: null,
          nominativo: '=HYPERLINK("x")',
          codiceFiscale: null,
          iban: null,
          controlloIban: 'mancante',
        },
      ]);
    const righe = csv.split('\r\n');
    expect(righe[0]).toBe('Elenco di liquidazione 2025-06;totale 1234,56;da completare 1');
    expect(righe[1]).toBe(
      'protocollo;misura;strumento;intestatario;nominativo;codice_fiscale;iban;controllo_iban;importo_dovuto;compensato;importo_liquidato;impegno;liquidazione',
    );
    expect(righe[2]).toBe(
      'CREMA-2025-000012;b2;buono-caregiver;delegato;"Rossi; ""Luca""";RSSLCU70A01D142X;IT60X0542811101000000123456;valido;400,00;0,00;400,00;6e6a2c1b-0000-4000-8000-000000000001;7e6a2c1b-0000-4000-8000-000000000001',
    );
    expect(righe[3]).toContain(`;buono-caregiver;;"'=HYPERLINK(""x"")";;;mancante;834,56;`);
    expect(righe).toHaveLength(5);
    expect(righe[4]).toBe('');
  });
});
