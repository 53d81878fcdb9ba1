import * as codiceFiscaleJs from 'codice-fiscale-js';

// The package's typings declare a default export; its CommonJS build exports `CodiceFiscale` by name.
const CodiceFiscaleLib = (codiceFiscaleJs as unknown as { CodiceFiscale: { check(code: string): boolean } })
  .CodiceFiscale;

export type CodiceFiscaleErrorReason = 'FORMATO' | 'CARATTERE_DI_CONTROLLO';

export class InvalidCodiceFiscaleError extends Error {
  constructor(readonly reason: CodiceFiscaleErrorReason) {
    super(
      reason === 'FORMATO'
        ? 'Codice fiscale non valido: servono 16 caratteri (persona fisica) o 11 cifre (codice numerico).'
        : 'Codice fiscale non valido: il carattere di controllo non corrisponde.',
    );
    this.name = 'InvalidCodiceFiscaleError';
  }
}

// Positions (0-based) where omocodia replaces digits with letters, and the month letters.
const PERSONAL = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const NUMERIC = /^\d{11}$/;
const OMOCODIA = 'LMNPQRSTUV';
const MONTHS = 'ABCDEHLMPRST';

/** Check digit of an 11-digit numeric code (same algorithm as the partita IVA). */
function numericCheckDigit(code: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let digit = Number(code[i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A codice fiscale, validated for format, check character and omocodia (the letters that replace
 * digits when two people would share a code). It is never computed from personal data: the code on
 * the person's card is the truth, even where it does not match the birth data. 11-digit numeric codes
 * (temporary codes, as INPS accepts them) are valid too.
 */
export class CodiceFiscale {
  private constructor(readonly value: string) {}

  static parse(input: string): CodiceFiscale {
    const value = String(input ?? '')
      .trim()
      .toUpperCase();
    if (NUMERIC.test(value)) {
      if (numericCheckDigit(value) !== Number(value[10]))
        throw new InvalidCodiceFiscaleError('CARATTERE_DI_CONTROLLO');
      return new CodiceFiscale(value);
    }
    if (!PERSONAL.test(value)) throw new InvalidCodiceFiscaleError('FORMATO');
    const day = Number(CodiceFiscale.deOmocode(value.slice(9, 11)));
    if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)))
      throw new InvalidCodiceFiscaleError('FORMATO');
    if (!CodiceFiscaleLib.check(value)) throw new InvalidCodiceFiscaleError('CARATTERE_DI_CONTROLLO');
    return new CodiceFiscale(value);
  }

  static isValid(input: string): boolean {
    try {
      CodiceFiscale.parse(input);
      return true;
    } catch {
      return false;
    }
  }

  get isNumeric(): boolean {
    return this.value.length === 11;
  }

  /** Sex as encoded in the code (day + 40 for women); undefined for numeric codes. */
  sesso(): 'M' | 'F' | undefined {
    if (this.isNumeric) return undefined;
    return Number(CodiceFiscale.deOmocode(this.value.slice(9, 11))) > 40 ? 'F' : 'M';
  }

  /**
   * Birth date as encoded in the code, to cross-check a registration. The century is not in the code:
   * the most recent year not after `reference` is taken.
   */
  dataNascita(reference = new Date()): string | undefined {
    if (this.isNumeric) return undefined;
    const yy = Number(CodiceFiscale.deOmocode(this.value.slice(6, 8)));
    const month = MONTHS.indexOf(this.value[8]) + 1;
    const day = Number(CodiceFiscale.deOmocode(this.value.slice(9, 11))) % 40;
    const refYear = reference.getUTCFullYear();
    let year = Math.floor(refYear / 100) * 100 + yy;
    if (year > refYear) year -= 100;
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }

  /** Codice catastale (Belfiore) of the place of birth; undefined for numeric codes. */
  luogoNascita(): string | undefined {
    if (this.isNumeric) return undefined;
    return this.value[11] + CodiceFiscale.deOmocode(this.value.slice(12, 15));
  }

  equals(other: CodiceFiscale): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }

  toJSON(): string {
    return this.value;
  }

  private static deOmocode(part: string): string {
    return part.replace(/[LMNPQRSTUV]/g, (c) => String(OMOCODIA.indexOf(c)));
  }
}
