import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { RegistraPagamentoBeneficioV1 } from '@ambito/contracts';
import { controllaIban, normalizzaIban } from './iban';

describe('IBAN of a payee', () => {
  it('accepts a valid IBAN, also typed with spaces or in lower case, and stores it normalised', () => {
    expect(controllaIban('IT60X0542811101000000123456')).toBe('valido');
    expect(controllaIban(normalizzaIban('it60 x054 2811 1010 0000 0123 456'))).toBe('valido');
    expect(normalizzaIban('it60 x054-2811 1010 0000 0123 456')).toBe('IT60X0542811101000000123456');
    // another country's format (Germany, 22 characters)
    expect(controllaIban('DE89370400440532013000')).toBe('valido');
  });

  it('refuses wrong check digits, a changed digit, a wrong length, and says when there is none', () => {
    expect(controllaIban('IT61X0542811101000000123456')).toBe('non-valido');
    expect(controllaIban('IT60X0542811101000000123457')).toBe('non-valido');
    expect(controllaIban('IT60X054281110100000012345')).toBe('non-valido');
    expect(controllaIban(null)).toBe('mancante');
  });

  it('the request is refused with the field when the IBAN or the delegate’s act is wrong', async () => {
    const base = {
      beneficioId: '6f0c2b1e-6a59-4a5e-9a43-0f1d2c3b4a59',
      intestatario: 'beneficiario',
      nominativo: 'Maria Rossi',
      codiceFiscale: 'RSSMRA45B52D142X',
      iban: 'IT60 X054 2811 1010 0000 0123 456',
    };
    const errori = async (dto: object) =>
      (await validate(plainToInstance(RegistraPagamentoBeneficioV1, dto))).map((e) => e.property);
    expect(await errori(base)).toEqual([]);
    expect(await errori({ ...base, iban: 'IT61X0542811101000000123456' })).toEqual(['iban']);
    expect(await errori({ ...base, intestatario: 'delegato' })).toEqual(['delega']);
    expect(
      await errori({ ...base, intestatario: 'delegato', delega: 'Trib. Cremona, decreto 123/2024' }),
    ).toEqual([]);
  });
});
