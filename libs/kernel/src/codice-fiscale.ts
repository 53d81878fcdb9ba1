import { isIsoDate } from './iso-date';

export type CodiceFiscaleErrorReason = 'FORMATO' | 'CARATTERE_DI_CONTROLLO' | 'DATA_NON_VALIDA';

const MESSAGES: Record<CodiceFiscaleErrorReason, string> = {
  FORMATO:
    'Codice fiscale non valido: servono 16 caratteri (persona fisica) o 11 cifre (codice fiscale numerico).',
  CARATTERE_DI_CONTROLLO: 'Codice fiscale non valido: il carattere di controllo non corrisponde.',
  DATA_NON_VALIDA: 'Codice fiscale non valido: mese o giorno di nascita impossibili.',
};

/** Why a codice fiscale was refused. The message never repeats the code (it is personal data). */
export class InvalidCodiceFiscaleError extends Error {
  constructor(readonly reason: CodiceFiscaleErrorReason) {
    super(MESSAGES[reason]);
    this.name = 'InvalidCodiceFiscaleError';
  }
}

/**
 * 16-character personal code. Positions 7-8, 10-11 and 13-15 (1-based) hold digits, or the omocodia
 * letters that replace them; position 9 is any letter here so that a wrong month is reported as such.
 */
const PERSONAL_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
const NUMERIC_SHAPE = /^\d{11}$/;
/** Omocodia letter for digit d is OMOCODIA[d]. */
const OMOCODIA = 'LMNPQRSTUV';
/** Month letter for month m (1-based) is MONTHS[m - 1]. */
const MONTHS = 'ABCDEHLMPRST';
/** Days per month, February counted as 29: the year's century is not in the code. */
const MAX_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Values of A..Z (and of digits 0..9, which count as A..J) in the odd positions (1st, 3rd, ... 15th). */
const ODD_VALUES = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function deOmocode(part: string): string {
  return part.replace(/[LMNPQRSTUV]/g, (letter) => String(OMOCODIA.indexOf(letter)));
}

/**
 * Check character of the first 15 characters of a personal code (DM 23/12/1976, odd/even tables).
 * Exported for fixtures that need valid codes belonging to nobody; it derives nothing from personal data.
 */
export function checkChar(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15.charCodeAt(i);
    // digits count as the letters A..J in both tables
    const index = c >= 48 && c <= 57 ? c - 48 : c - 65;
    sum += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** Check digit of an 11-digit numeric code: the Luhn-like algorithm of the partita IVA. */
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

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A codice fiscale, validated for format, omocodia, encoded birth month/day and check character.
 * It is never computed from personal data: the code on the person's card is the truth, even where it
 * does not match the birth data. 11-digit numeric codes (codice fiscale numerico of legal persons and
 * provisional codes, as INPS accepts them) are valid when their check digit is.
 */
export class CodiceFiscale {
  private constructor(readonly value: string) {
    Object.freeze(this);
  }

  /** Trims and uppercases, then validates; throws {@link InvalidCodiceFiscaleError}. */
  static parse(input: string): CodiceFiscale {
    const value = typeof input === 'string' ? input.trim().toUpperCase() : '';
    if (NUMERIC_SHAPE.test(value)) {
      if (/^0+$/.test(value)) throw new InvalidCodiceFiscaleError('FORMATO');
      if (numericCheckDigit(value) !== Number(value[10]))
        throw new InvalidCodiceFiscaleError('CARATTERE_DI_CONTROLLO');
      return new CodiceFiscale(value);
    }
    if (!PERSONAL_SHAPE.test(value)) throw new InvalidCodiceFiscaleError('FORMATO');
    const month = MONTHS.indexOf(value[8]) + 1;
    if (month === 0) throw new InvalidCodiceFiscaleError('DATA_NON_VALIDA');
    const encodedDay = Number(deOmocode(value.slice(9, 11)));
    const day = encodedDay > 40 ? encodedDay - 40 : encodedDay; // 32-40 and 72+ are over any month's end
    // 29 February needs a leap year, and year ≡ yy (mod 4) in every century
    const leapDayInCommonYear = month === 2 && day === 29 && Number(deOmocode(value.slice(6, 8))) % 4 !== 0;
    if (day < 1 || day > MAX_DAY[month - 1] || leapDayInCommonYear)
      throw new InvalidCodiceFiscaleError('DATA_NON_VALIDA');
    if (checkChar(value) !== value[15]) throw new InvalidCodiceFiscaleError('CARATTERE_DI_CONTROLLO');
    return new CodiceFiscale(value);
  }

  static isValid(input: unknown): boolean {
    if (typeof input !== 'string') return false;
    try {
      CodiceFiscale.parse(input);
      return true;
    } catch {
      return false;
    }
  }

  /** An 11-digit codice fiscale numerico (no birth data in it). */
  get isNumeric(): boolean {
    return this.value.length === 11;
  }

  /** Sex as encoded in the code (day + 40 for women); undefined for numeric codes. */
  sesso(): 'M' | 'F' | undefined {
    if (this.isNumeric) return undefined;
    return Number(deOmocode(this.value.slice(9, 11))) > 40 ? 'F' : 'M';
  }

  /**
   * Birth date encoded in the code ('YYYY-MM-DD'), to cross-check a registration; undefined for
   * numeric codes. The century is not in the code: the most recent year for which the date is not
   * after `reference` (an ISO date, or a Date read in UTC; default today) is taken.
   */
  birthDate(reference: Date | string = new Date()): string | undefined {
    if (this.isNumeric) return undefined;
    const ref = typeof reference === 'string' ? reference : reference.toISOString().slice(0, 10);
    if (!isIsoDate(ref)) throw new RangeError(`Data di riferimento non valida: ${ref}`);
    const yy = Number(deOmocode(this.value.slice(6, 8)));
    const monthDay = `${pad2(MONTHS.indexOf(this.value[8]) + 1)}-${pad2(Number(deOmocode(this.value.slice(9, 11))) % 40)}`;
    let year = Math.floor(Number(ref.slice(0, 4)) / 100) * 100 + yy;
    // at most three tries: future date, then 29 February of a non-leap century (1900, 2100)
    for (let tries = 0; tries < 3; tries++, year -= 100) {
      const date = `${String(year).padStart(4, '0')}-${monthDay}`;
      if (date <= ref && isIsoDate(date)) return date;
    }
    return undefined;
  }

  /** Alias of {@link birthDate}. */
  dataNascita(reference: Date | string = new Date()): string | undefined {
    return this.birthDate(reference);
  }

  /** Codice catastale (Belfiore) of the place of birth, omocodia removed; undefined for numeric codes. */
  luogoNascita(): string | undefined {
    if (this.isNumeric) return undefined;
    return this.value[11] + deOmocode(this.value.slice(12, 15));
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
}
