import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChiudiAccessoV1, RegistraAccessoV1 } from './accesso.dto';
import { RegistraPersonaV1, RegistraRicoveroV1 } from './persona.dto';

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

describe('esito di un accesso', () => {
  it('requires motivazione and urgenza for a proposta di presa in carico', () => {
    expect(errors(ChiudiAccessoV1, { id, esito: { tipo: 'proposta-presa-in-carico' } })).toEqual(
      expect.arrayContaining(['esito.motivazione', 'esito.urgenza']),
    );
    expect(
      errors(ChiudiAccessoV1, {
        id,
        esito: { tipo: 'proposta-presa-in-carico', motivazione: 'Perdita di autonomia', urgenza: 'urgente' },
      }),
    ).toEqual([]);
  });

  it('requires the service for an invio or a segnalazione, and nothing else for orientamento', () => {
    expect(errors(ChiudiAccessoV1, { id, esito: { tipo: 'invio-altro-servizio' } })).toEqual([
      'esito.servizio',
    ]);
    expect(
      errors(ChiudiAccessoV1, {
        id,
        esito: { tipo: 'segnalazione-servizio-specialistico', servizio: 'Tutela minori' },
      }),
    ).toEqual([]);
    expect(errors(ChiudiAccessoV1, { id, esito: { tipo: 'informazione-orientamento' } })).toEqual([]);
  });

  it('refuses an unknown esito type and unknown fields', () => {
    expect(errors(ChiudiAccessoV1, { id, esito: { tipo: 'archiviato' } })).toContain('esito.tipo');
    expect(errors(ChiudiAccessoV1, { id, esito: { tipo: 'informazione-orientamento', extra: 1 } })).toContain(
      'esito.extra',
    );
  });
});

describe('registrazione di un accesso', () => {
  const valid = {
    personaId: id,
    sede: 'SEDE-CREMA-HUB',
    canale: 'sportello',
    presentatoDa: 'interessato',
    areaBisogno: 'anziani',
    richiesta: 'Aiuto domiciliare',
  };

  it('accepts a complete request', () => {
    expect(errors(RegistraAccessoV1, valid)).toEqual([]);
  });

  it('requires the referente when someone else comes on the person’s behalf', () => {
    expect(errors(RegistraAccessoV1, { ...valid, presentatoDa: 'familiare' })).toEqual(['referente']);
    expect(errors(RegistraAccessoV1, { ...valid, presentatoDa: 'familiare', referente: 'Figlia' })).toEqual(
      [],
    );
  });

  it('refuses wrong types and vocabularies', () => {
    expect(
      errors(RegistraAccessoV1, {
        ...valid,
        personaId: 42,
        canale: 'piccione',
        areaBisogno: 'anziano',
        dataOra: 'ieri',
      }),
    ).toEqual(expect.arrayContaining(['personaId', 'canale', 'areaBisogno', 'dataOra']));
  });
});

describe('registrazione di una persona', () => {
  const valid = {
    codiceFiscale: 'RSSMRA41C52D142R',
    cognome: 'Rossi',
    nome: 'Maria',
    dataNascita: '1941-03-12',
    luogoNascita: 'D142',
    sesso: 'F',
    cittadinanza: 'IT',
    comuneResidenza: '019035',
  };

  it('accepts 16-character and 11-digit codici fiscali by shape', () => {
    expect(errors(RegistraPersonaV1, valid)).toEqual([]);
    expect(errors(RegistraPersonaV1, { ...valid, codiceFiscale: '80013450185' })).toEqual([]);
  });

  it('refuses malformed codes and dates by shape (the check character is the service’s job)', () => {
    expect(errors(RegistraPersonaV1, { ...valid, codiceFiscale: 'RSSMRA41C52' })).toEqual(['codiceFiscale']);
    expect(
      errors(RegistraPersonaV1, {
        ...valid,
        dataNascita: '12/03/1941',
        comuneResidenza: 'Crema',
        sesso: 'X',
      }),
    ).toEqual(expect.arrayContaining(['dataNascita', 'comuneResidenza', 'sesso']));
    expect(errors(RegistraPersonaV1, { ...valid, recapiti: { email: 'non-una-email' } })).toEqual([
      'recapiti.email',
    ]);
  });
});

describe('residenza e ricoveri', () => {
  const persona = {
    codiceFiscale: 'PPSLNE80A41Z129H',
    cognome: 'Popescu',
    nome: 'Elena',
    dataNascita: '1980-01-01',
    luogoNascita: 'Z129',
    sesso: 'F',
    cittadinanza: 'RO',
  };

  it('needs a comune of residence unless the persona resides abroad', () => {
    expect(errors(RegistraPersonaV1, persona)).toEqual(['comuneResidenza']);
    expect(
      errors(RegistraPersonaV1, { ...persona, statoEsteroResidenza: '642', comuneDomicilio: '019035' }),
    ).toEqual([]);
    expect(errors(RegistraPersonaV1, { ...persona, statoEsteroResidenza: 'RO' })).toEqual([
      'statoEsteroResidenza',
    ]);
  });

  it('takes the three kinds of ricovero with real dates', () => {
    const ricovero = { personaId: id, tipo: 'sollievo', dal: '2026-03-01', al: '2026-03-15' };
    expect(errors(RegistraRicoveroV1, ricovero)).toEqual([]);
    expect(errors(RegistraRicoveroV1, { ...ricovero, tipo: 'vacanza', al: '2026-02-30' })).toEqual([
      'tipo',
      'al',
    ]);
  });
});
