import { rendicontazioneFnaCsv } from './fna-csv';

describe('rendicontazioneFnaCsv', () => {
  it('one row per strumento with counts and euros, then the total; no person', () => {
    const csv = rendicontazioneFnaCsv({
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
        {
          misura: 'pro-vi',
          strumento: 'pro-vi',
          area: 'disabili-adulti',
          fondo: 'FNA-PRO.VI',
          annoFondo: null,
          beneficiari: 1,
          mesi: 0,
          importoCentesimi: 1_234_567,
          liquidatoCentesimi: 0,
          cofinanziamentoAmbitoCentesimi: 246_914,
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'ambito;anno;misura;strumento;area;fondo;annualita_fondo;beneficiari;mensilita;importo;liquidato;cofinanziamento_ambito',
      'CREMA;2025;b2;buono-caregiver;anziani;FNA-B2;2024;2;4;1400,00;800,00;0,00',
      'CREMA;2025;pro-vi;pro-vi;disabili-adulti;FNA-PRO.VI;;1;0;12345,67;0,00;2469,14',
      'CREMA;2025;totale;;;;;;4;13745,67;800,00;2469,14',
      '',
    ]);
  });
});
