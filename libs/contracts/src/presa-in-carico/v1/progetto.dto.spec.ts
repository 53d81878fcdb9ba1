import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApriCartellaV1 } from './cartella.dto';
import { ProponiProgettoV1 } from './progetto.dto';

function errors<T extends object>(cls: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true }).flatMap(
    function flat(e): string[] {
      return [
        ...(e.constraints ? [e.property] : []),
        ...(e.children ?? []).flatMap(flat).map((p) => `${e.property}.${p}`),
      ];
    },
  );
}

const id = '5b0e4a3e-8d5c-4a55-9a53-7f0b1c2d3e4f';
const intervento = {
  codicePrestazione: 'A2.07',
  denominazione: 'Assistenza domiciliare',
  erogatore: 'Cooperativa',
  intensita: { quantita: 6, unita: 'ore-settimana' },
  dal: '2026-01-01',
  al: '2026-12-31',
  costoCentesimi: 686400,
  fonteFinanziamento: 'fondo-non-autosufficienza',
};
const valido = {
  id,
  dataInizio: '2026-01-01',
  dataFine: '2026-12-31',
  obiettivi: [
    { descrizione: 'Domiciliarità', indicatore: 'Giorni a casa', risultatoAtteso: 'Nessun ricovero' },
  ],
  interventi: [intervento],
  verifiche: [{ data: '2026-06-01', oggetto: 'Verifica' }],
  consensoPersona: true,
};

describe('proposta di progetto personalizzato', () => {
  it('accepts a complete project', () => {
    expect(errors(ProponiProgettoV1, valido)).toEqual([]);
  });

  it('requires SIUSS codes, integer cents and a known funding source', () => {
    expect(
      errors(ProponiProgettoV1, {
        ...valido,
        interventi: [
          { ...intervento, codicePrestazione: 'SAD', costoCentesimi: 12.5, fonteFinanziamento: 'x' },
        ],
      }),
    ).toEqual(
      expect.arrayContaining([
        'interventi.0.codicePrestazione',
        'interventi.0.costoCentesimi',
        'interventi.0.fonteFinanziamento',
      ]),
    );
  });

  it('requires at least one obiettivo with indicator and one scheduled verifica', () => {
    expect(errors(ProponiProgettoV1, { ...valido, obiettivi: [], verifiche: [] })).toEqual([
      'obiettivi',
      'verifiche',
    ]);
    expect(
      errors(ProponiProgettoV1, {
        ...valido,
        obiettivi: [{ descrizione: 'x', indicatore: '', risultatoAtteso: 'y' }],
      }),
    ).toEqual(['obiettivi.0.indicatore']);
  });
});

describe('apertura diretta', () => {
  it('accepts only the direct origins, never an accesso', () => {
    const apertura = {
      persona: {
        codiceFiscale: 'RSSMRA50A41D142K',
        cognome: 'Rossi',
        nome: 'Maria',
        dataNascita: '1950-01-01',
        sesso: 'F',
        comuneResidenza: '019035',
      },
      origine: 'mandato-autorita-giudiziaria',
      inviante: 'Tribunale per i Minorenni di Brescia',
      motivazione: 'Decreto di affidamento al servizio',
      urgenza: 'urgente',
    };
    expect(errors(ApriCartellaV1, apertura)).toEqual([]);
    expect(errors(ApriCartellaV1, { ...apertura, origine: 'accesso' })).toEqual(['origine']);
  });
});

describe('budget di progetto', () => {
  const imputazione = { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 };

  it('takes the budget’s codes of fund and line and the year of the annualità', () => {
    expect(errors(ProponiProgettoV1, { ...valido, interventi: [{ ...intervento, imputazione }] })).toEqual(
      [],
    );
    expect(
      errors(ProponiProgettoV1, {
        ...valido,
        interventi: [{ ...intervento, imputazione: { fondo: 'fna b2', linea: '', annualita: 19 } }],
      }),
    ).toEqual([
      'interventi.0.imputazione.fondo',
      'interventi.0.imputazione.linea',
      'interventi.0.imputazione.annualita',
    ]);
  });

  it('lists professional, human and relational resources, each with who provides it', () => {
    const risorsa = { tipo: 'relazionale', descrizione: 'Gruppo di cammino', fornitaDa: 'Parrocchia' };
    expect(errors(ProponiProgettoV1, { ...valido, risorse: [risorsa] })).toEqual([]);
    expect(
      errors(ProponiProgettoV1, {
        ...valido,
        risorse: [
          { ...risorsa, tipo: 'economica', fornitaDa: '', impegno: { quantita: 0, unita: 'ore-mese' } },
        ],
      }),
    ).toEqual(['risorse.0.tipo', 'risorse.0.fornitaDa', 'risorse.0.impegno.quantita']);
  });
});
