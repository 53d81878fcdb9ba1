import { RegistraAssegnazioneV1 } from '../budget/v1/fondi.dto';
import { RegistraAbitantiV1 } from '../budget/v1/quote-comuni.dto';
import { RegistraMembroEquipeV1 } from '../presa-in-carico/v1/equipe.dto';
import { DomainError } from './domain-error';
import type { FieldError } from './error-codes';
import { validaContratto } from './validation';

/** The fields of the VALIDAZIONE_FALLITA a value gets, or [] when it is accepted. */
async function rifiuto(classe: new () => object, valore: unknown): Promise<FieldError[]> {
  try {
    await validaContratto(classe, valore);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('VALIDAZIONE_FALLITA');
    return error.details as FieldError[];
  }
}

const castelleone = { istat: '019025', denominazione: 'Castelleone', abitanti: 9278 };
const abitanti = {
  ambito: 'AT-CREMASCO',
  dataRiferimento: '2024-01-01',
  fonte: 'ISTAT, popolazione residente al 1° gennaio 2024',
  comuni: [castelleone],
};
const assegnazione = {
  fondo: 'FNA-B2',
  anno: 2024,
  atto: { tipo: 'decreto', numero: '1234', data: '2024-03-18' },
  importoCentesimi: 100,
};

describe('validaContratto: a nested object is an object, never an array that class-validator walks past', () => {
  it('accepts the valid values these cases alter', async () => {
    expect(await rifiuto(RegistraAbitantiV1, abitanti)).toEqual([]);
    expect(await rifiuto(RegistraAssegnazioneV1, assegnazione)).toEqual([]);
  });

  // Found by the fuzz: `comuni: [[], {…}]` reached the budget service and answered 500.
  it.each([
    [[[], castelleone], 'comuni.0'],
    [[castelleone, [castelleone]], 'comuni.1'],
    [[castelleone, 'Castelleone'], 'comuni.1'],
    [[null], 'comuni.0'],
  ])('refuses the list element that is not an object: %j', async (comuni, campo) => {
    expect(await rifiuto(RegistraAbitantiV1, { ...abitanti, comuni })).toEqual([
      { campo, messaggi: ['deve essere un oggetto'] },
    ]);
  });

  it.each([[[]], [[{ tipo: 'decreto', numero: '1234', data: '2024-03-18' }]]])(
    'refuses an array where one nested object is expected: atto = %j',
    async (atto) => {
      expect(await rifiuto(RegistraAssegnazioneV1, { ...assegnazione, atto })).toEqual([
        { campo: 'atto', messaggi: ['deve essere un oggetto'] },
      ]);
    },
  );

  it('still lets the list’s own rule speak when the list is not an array', async () => {
    const campi = await rifiuto(RegistraAbitantiV1, { ...abitanti, comuni: 'Castelleone' });
    expect(campi.map((c) => c.campo)).toEqual(['comuni']);
  });
});

describe('Decimale: at most two decimal places, whatever the notation', () => {
  const membro = (fte: unknown) => ({
    subAmbito: 'SA-CREMA',
    userId: 'as.crema',
    nome: 'Sara Riva',
    professione: 'assistente-sociale',
    fte,
  });

  it.each([1, 0.5, 0.25, 0.01, 0.29])('accepts fte %p', async (fte) => {
    expect(await rifiuto(RegistraMembroEquipeV1, membro(fte))).toEqual([]);
  });

  // Found by the fuzz: class-validator's maxDecimalPlaces threw on exponent notation, a 500.
  it.each([1e-7, 0.125, 5e-324])('refuses fte %p with a clear message', async (fte) => {
    const campi = await rifiuto(RegistraMembroEquipeV1, membro(fte));
    expect(campi).toEqual([
      { campo: 'fte', messaggi: expect.arrayContaining(['al massimo 2 cifre decimali']) },
    ]);
  });
});
