import { CodiceFiscale, type InvalidCodiceFiscaleError } from './codice-fiscale';

function reason(code: string): string | undefined {
  try {
    CodiceFiscale.parse(code);
    return undefined;
  } catch (error) {
    return (error as InvalidCodiceFiscaleError).reason;
  }
}

describe('CodiceFiscale', () => {
  it('accepts a valid code, normalising case and spaces', () => {
    expect(CodiceFiscale.parse(' rssmra41c52d142r ').value).toBe('RSSMRA41C52D142R');
  });

  it('accepts the omocode variants of a valid code (digits replaced by L–V, check character recomputed)', () => {
    // 4→Q in the year, 1→M, 4→Q, 2→N in the Belfiore digits: check characters from the official table
    for (const code of ['RSSMRAQ1C52D142O', 'RSSMRA4MC52D142C', 'RSSMRAQMC52D142Z']) {
      expect(CodiceFiscale.parse(code).value).toBe(code);
    }
  });

  it('refuses a wrong check character', () => {
    expect(reason('RSSMRA41C52D142A')).toBe('CARATTERE_DI_CONTROLLO');
  });

  it('refuses malformed codes: wrong length, month letter, day, letters where digits go', () => {
    expect(reason('RSSMRA41C52D142')).toBe('FORMATO');
    expect(reason('RSSMRA41Z52D142R')).toBe('FORMATO'); // Z is not a month
    expect(reason('RSSMRA41C35D142R')).toBe('FORMATO'); // day 35 is neither a man's nor a woman's
    expect(reason('RSSMRA41C52DA42R')).toBe('FORMATO'); // A is not an omocodia letter
  });

  it('accepts 11-digit numeric codes with a correct check digit only', () => {
    expect(CodiceFiscale.parse('00743110157').isNumeric).toBe(true);
    expect(reason('00743110158')).toBe('CARATTERE_DI_CONTROLLO');
  });

  it('reads sex, birth date and place from the code, omocodia included', () => {
    const maria = CodiceFiscale.parse('RSSMRAQ1C52D142O');
    expect(maria.sesso()).toBe('F');
    expect(maria.dataNascita(new Date('2026-01-01'))).toBe('1941-03-12');
    expect(maria.luogoNascita()).toBe('D142');
    expect(CodiceFiscale.parse('GLLCHR12D58D142H').dataNascita(new Date('2026-01-01'))).toBe('2012-04-18');
    expect(CodiceFiscale.parse('BNCGPP38L05D150F').sesso()).toBe('M');
  });

  it('is a value: equal codes are equal', () => {
    expect(CodiceFiscale.parse('RSSMRA41C52D142R').equals(CodiceFiscale.parse('rssmra41c52d142r'))).toBe(
      true,
    );
    expect(CodiceFiscale.isValid('nope')).toBe(false);
  });
});
