import * as codiceFiscaleJs from 'codice-fiscale-js';
import { CodiceFiscale, InvalidCodiceFiscaleError } from './codice-fiscale';

// Independent implementation used as an oracle for the check character (its typings declare a default
// export; the CommonJS build exports `CodiceFiscale` by name).
const Oracle = (
  codiceFiscaleJs as unknown as {
    CodiceFiscale: { check(code: string): boolean; getOmocodie(code: string): string[] };
  }
).CodiceFiscale;

function reason(code: string): string | undefined {
  try {
    CodiceFiscale.parse(code);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCodiceFiscaleError);
    return (error as InvalidCodiceFiscaleError).reason;
  }
}

describe('CodiceFiscale', () => {
  it('accepts valid personal codes, normalising case and surrounding spaces', () => {
    expect(CodiceFiscale.parse('RSSMRA85T10A562S').value).toBe('RSSMRA85T10A562S');
    expect(CodiceFiscale.parse(' rssmra41c52d142r ').value).toBe('RSSMRA41C52D142R');
    expect(CodiceFiscale.parse('BNCGPP38L05D150F').isNumeric).toBe(false);
  });

  it('accepts omocode variants (digits replaced by L–V, check character recomputed)', () => {
    for (const code of [
      'RSSMRA85T10A56NH', // position 15: 2 → N
      'RSSMRA85T10ARSNO', // positions 13-15
      'RSSMRAURTMLARSNL', // all seven positions
      'RSSMRAQ1C52D142O',
      'RSSMRA4MC52D142C',
      'RSSMRA41C5ND142G', // day 52 (woman) written 5N
    ]) {
      expect(CodiceFiscale.parse(code).value).toBe(code);
    }
    // the omocode keeps the check character rule: the original's check character is wrong for it
    expect(reason('RSSMRA85T10A56NS')).toBe('CARATTERE_DI_CONTROLLO');
  });

  it('agrees with codice-fiscale-js on every omocode variant and every wrong check character', () => {
    for (const base of ['RSSMRA85T10A562S', 'RSSMRA41C52D142R', 'GLLCHR12D58D142H', 'VRDLGU79A30F205E']) {
      const variants = [base, ...Oracle.getOmocodie(base)];
      expect(variants).toHaveLength(128);
      for (const code of variants) {
        expect(Oracle.check(code)).toBe(true);
        expect(CodiceFiscale.isValid(code)).toBe(true);
        const wrong = code.slice(0, 15) + (code[15] === 'A' ? 'B' : 'A');
        expect(reason(wrong)).toBe('CARATTERE_DI_CONTROLLO');
      }
    }
  });

  it('refuses a wrong check character', () => {
    expect(reason('RSSMRA85T10A562T')).toBe('CARATTERE_DI_CONTROLLO');
    expect(reason('RSSMRA41C52D142A')).toBe('CARATTERE_DI_CONTROLLO');
  });

  it('refuses impossible months and days even with a correct check character', () => {
    expect(reason('RSSMRA85Z10A562B')).toBe('DATA_NON_VALIDA'); // Z is not a month letter
    expect(reason('RSSMRA85T35A562G')).toBe('DATA_NON_VALIDA'); // 35: neither a man's nor a woman's day
    expect(reason('RSSMRA85T00A562R')).toBe('DATA_NON_VALIDA');
    expect(reason('RSSMRA85T72A562C')).toBe('DATA_NON_VALIDA'); // 72 - 40 = 32
    expect(reason('RSSMRA85T40A562V')).toBe('DATA_NON_VALIDA');
    expect(reason('RSSMRA85B30A562G')).toBe('DATA_NON_VALIDA'); // 30 February
    expect(reason('RSSMRA85D31A562M')).toBe('DATA_NON_VALIDA'); // 31 April
    expect(reason('RSSMRA85B29A562Z')).toBe('DATA_NON_VALIDA'); // 29 February in 1885/1985/2085
    expect(reason('RSSMRA84B29A562Y')).toBeUndefined(); // 1984 is a leap year
    expect(reason('RSSMRA00B69A562G')).toBeUndefined(); // woman, 29 February 2000
  });

  it('refuses malformed codes', () => {
    expect(reason('RSSMRA85T10A562')).toBe('FORMATO'); // 15 characters
    expect(reason('RSSMRA85T10A562SX')).toBe('FORMATO');
    expect(reason('RSSMRA85T10A56AO')).toBe('FORMATO'); // A is not an omocodia letter (check char correct)
    expect(reason('RSSMR185T10A562S')).toBe('FORMATO'); // digit in the surname/name part
    expect(reason('RSSMRA85T10A5 2S')).toBe('FORMATO');
    expect(reason('')).toBe('FORMATO');
    expect(reason(undefined as unknown as string)).toBe('FORMATO');
  });

  it('gives an Italian message that does not repeat the code', () => {
    try {
      CodiceFiscale.parse('RSSMRA85T10A562T');
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).name).toBe('InvalidCodiceFiscaleError');
      expect((error as Error).message).toMatch(/carattere di controllo/);
      expect((error as Error).message).not.toContain('RSSMRA');
    }
  });

  it('accepts 11-digit numeric codes with a correct check digit only', () => {
    expect(CodiceFiscale.parse('80078750587').isNumeric).toBe(true); // INPS, codice fiscale
    expect(CodiceFiscale.parse('02121151001').isNumeric).toBe(true); // INPS, partita IVA
    expect(CodiceFiscale.parse(' 00743110157 ').value).toBe('00743110157');
    expect(reason('80078750588')).toBe('CARATTERE_DI_CONTROLLO');
    expect(reason('80078750578')).toBe('CARATTERE_DI_CONTROLLO'); // one digit changed
    expect(reason('80013450185')).toBe('CARATTERE_DI_CONTROLLO'); // its check digit would be 6
    expect(reason('00000000000')).toBe('FORMATO');
    expect(reason('8007875058')).toBe('FORMATO');
    expect(reason('800787505870')).toBe('FORMATO');
  });

  it('reads sex, place and birth date from the code, omocodia included', () => {
    const mario = CodiceFiscale.parse('RSSMRAURTMLARSNL');
    expect(mario.sesso()).toBe('M');
    expect(mario.luogoNascita()).toBe('A562');
    expect(mario.birthDate('2026-01-01')).toBe('1985-12-10');

    const luigi = CodiceFiscale.parse('VRDLGUTVAPLFNLRX'); // every digit replaced, 9 → V included
    expect(luigi.birthDate('2026-01-01')).toBe('1979-01-30');
    expect(luigi.luogoNascita()).toBe('F205');
    expect(luigi.sesso()).toBe('M');

    const maria = CodiceFiscale.parse('RSSMRA41C5ND142G');
    expect(maria.sesso()).toBe('F');
    expect(maria.birthDate(new Date('2026-01-01T00:00:00Z'))).toBe('1941-03-12');
    expect(maria.dataNascita('2026-01-01')).toBe('1941-03-12');
    expect(CodiceFiscale.parse('GLLCHR12D58D142H').birthDate('2026-01-01')).toBe('2012-04-18');
    const bornOnTheFirst = CodiceFiscale.parse('RSSMRA85T41A562U'); // woman, day 1 written 41
    expect(bornOnTheFirst.sesso()).toBe('F');
    expect(bornOnTheFirst.birthDate('2026-01-01')).toBe('1985-12-01');
    expect(CodiceFiscale.parse('RSSMRA85T10A562S').sesso()).toBe('M');

    const numeric = CodiceFiscale.parse('80078750587');
    expect(numeric.sesso()).toBeUndefined();
    expect(numeric.birthDate('2026-01-01')).toBeUndefined();
    expect(numeric.luogoNascita()).toBeUndefined();
  });

  it('takes the most recent birth year that is not after the reference date', () => {
    const januaryFirst26 = CodiceFiscale.parse('RSSMRA26A01A562Q');
    expect(januaryFirst26.birthDate('2026-01-01')).toBe('2026-01-01');
    expect(januaryFirst26.birthDate('2025-12-31')).toBe('1926-01-01');
    expect(CodiceFiscale.parse('RSSMRA26C01A562U').birthDate('2026-02-28')).toBe('1926-03-01');
    expect(CodiceFiscale.parse('RSSMRA26C01A562U').birthDate('2026-03-01')).toBe('2026-03-01');
    // 29 February '00: 2000 was a leap year, 2100 will not be
    expect(CodiceFiscale.parse('RSSMRA00B69A562G').birthDate('2100-06-01')).toBe('2000-02-29');
    expect(() => januaryFirst26.birthDate('2026-13-01')).toThrow(RangeError);
  });

  it('is a value: normalised codes compare equal and serialise as the code', () => {
    const a = CodiceFiscale.parse('RSSMRA41C52D142R');
    expect(a.equals(CodiceFiscale.parse('rssmra41c52d142r'))).toBe(true);
    expect(a.equals(CodiceFiscale.parse('RSSMRA85T10A562S'))).toBe(false);
    expect(String(a)).toBe('RSSMRA41C52D142R');
    expect(JSON.stringify({ cf: a })).toBe('{"cf":"RSSMRA41C52D142R"}');
    expect(Object.isFrozen(a)).toBe(true);
    expect(CodiceFiscale.isValid('nope')).toBe(false);
    expect(CodiceFiscale.isValid(42)).toBe(false);
    expect(CodiceFiscale.isValid('RSSMRA85T10A562S')).toBe(true);
  });
});
