import { rendicontazioneCsv } from './rendicontazione-csv';

describe('rendicontazione CSV of a fund', () => {
  it('writes one row per annualità and line and a total per annualità, euros with a decimal comma', () => {
    const csv = rendicontazioneCsv({
      fondo: { codice: 'FNA-B2', denominazione: 'FNA – Misura B2' },
      alla: null,
      annualita: [
        {
          anno: 2020,
          assegnatoCentesimi: 123_456_789,
          dotatoCentesimi: 83_952_891,
          impegnatoCentesimi: 1_230_000,
          liquidatoCentesimi: 190_000,
          pagatoCentesimi: 0,
          daDotareCentesimi: 39_503_898,
          disponibileCentesimi: 82_722_891,
          linee: [
            {
              codice: 'PO2020-7.10',
              denominazione: 'Misure distrettuali; "regionali"',
              categoria: 'misure-b2',
              dotatoCentesimi: 83_952_891,
              impegnatoCentesimi: 1_230_000,
              liquidatoCentesimi: 190_000,
              pagatoCentesimi: 0,
              disponibileCentesimi: 82_722_891,
            },
          ],
        },
      ],
      totale: {
        assegnatoCentesimi: 0,
        dotatoCentesimi: 0,
        impegnatoCentesimi: 0,
        liquidatoCentesimi: 0,
        pagatoCentesimi: 0,
        daDotareCentesimi: 0,
        disponibileCentesimi: 0,
      },
    });
    expect(csv.split('\r\n')).toEqual([
      'fondo;annualita;linea;denominazione;assegnato;dotato;impegnato;liquidato;da_dotare;disponibile',
      'FNA-B2;2020;PO2020-7.10;"Misure distrettuali; ""regionali""";;839528,91;12300,00;1900,00;;827228,91',
      'FNA-B2;2020;;Totale FNA – Misura B2 2020;1234567,89;839528,91;12300,00;1900,00;395038,98;827228,91',
      '',
    ]);
  });
});
