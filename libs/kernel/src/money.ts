const MAX = BigInt(Number.MAX_SAFE_INTEGER);
/**
 * Italian digit grouping, also for four-digit amounts: it-IT alone prints '1234'. `useGrouping:
 * 'always'` is ES2023 Intl, which the ES2022 lib typings (booleans only) do not know yet.
 */
const EURO_GROUPING = new Intl.NumberFormat('it-IT', {
  useGrouping: 'always' as unknown as boolean,
  maximumFractionDigits: 0,
});

const AMOUNT = /^(-)?\s*(€)?\s*(-)?\s*([\d.,]+)\s*(€)?$/;
/** Italian: optional '.' thousands groups, optional ',' decimals. */
const ITALIAN = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
/** Two or more '.' groups and no decimals: Italian thousands ('12.150.207'). */
const ITALIAN_THOUSANDS_ONLY = /^\d{1,3}(?:\.\d{3}){2,}$/;
/** Dot decimals ('1234.56'), no grouping. */
const DOT = /^(\d+)(?:\.(\d+))?$/;

function invalid(input: string, why: string): RangeError {
  return new RangeError(`Importo non valido "${input}": ${why}`);
}

/**
 * An amount in integer euro cents, immutable. Floating point never touches money; a fractional cent is
 * an error, and so is an amount beyond Number.MAX_SAFE_INTEGER cents (about 90 000 miliardi di euro).
 */
export class Money {
  private constructor(private readonly cents: number) {
    Object.freeze(this);
  }

  /** From integer cents: a safe-integer number, a bigint, or a string of digits (a PostgreSQL bigint). */
  static ofCents(cents: number | bigint | string): Money {
    let value: number;
    if (typeof cents === 'number') {
      value = cents;
    } else {
      const big = typeof cents === 'bigint' ? cents : /^-?\d+$/.test(cents) ? BigInt(cents) : undefined;
      if (big === undefined || big > MAX || big < -MAX)
        throw new RangeError(`Importo non valido in centesimi: ${String(cents)}`);
      value = Number(big);
    }
    if (!Number.isSafeInteger(value))
      throw new RangeError(`Importo non valido in centesimi: ${String(cents)}`);
    return new Money(value + 0); // + 0 turns -0 into 0
  }

  static zero(): Money {
    return new Money(0);
  }

  /**
   * Parses euro amounts: Italian '1.234,56' / '1234,5' / '12.150.207', dot decimals '1234.56', with an
   * optional '€' and '-'. More than two decimals is refused (fractional cents), which also refuses the
   * ambiguous '1.234' (write '1.234,00' or '1234').
   */
  static parseEuro(input: string): Money {
    const match = AMOUNT.exec(String(input).trim());
    if (!match || (match[1] && match[3]) || (match[2] && match[5]))
      throw invalid(input, 'formato atteso 1.234,56 oppure 1234.56');
    const negative = Boolean(match[1] || match[3]);
    const number = match[4];
    let integer: string;
    let decimals: string;
    if (number.includes(',')) {
      const italian = ITALIAN.exec(number);
      if (!italian) throw invalid(input, 'formato atteso 1.234,56');
      integer = italian[1].replace(/\./g, '');
      decimals = italian[2] ?? '';
    } else if (ITALIAN_THOUSANDS_ONLY.test(number)) {
      integer = number.replace(/\./g, '');
      decimals = '';
    } else {
      const dot = DOT.exec(number);
      if (!dot) throw invalid(input, 'formato atteso 1.234,56 oppure 1234.56');
      integer = dot[1];
      decimals = dot[2] ?? '';
    }
    if (decimals.length > 2)
      throw invalid(input, 'al massimo due decimali (le frazioni di centesimo non sono ammesse)');
    const cents = BigInt(integer) * 100n + BigInt(decimals.padEnd(2, '0'));
    return Money.ofCents(negative ? -cents : cents);
  }

  plus(other: Money): Money {
    return Money.ofCents(BigInt(this.cents) + BigInt(other.cents));
  }

  minus(other: Money): Money {
    return Money.ofCents(BigInt(this.cents) - BigInt(other.cents));
  }

  negate(): Money {
    return new Money(-this.cents + 0);
  }

  isNegative(): boolean {
    return this.cents < 0;
  }

  isZero(): boolean {
    return this.cents === 0;
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.cents === other.cents ? 0 : this.cents < other.cents ? -1 : 1;
  }

  equals(other: Money): boolean {
    return this.cents === other.cents;
  }

  toCents(): number {
    return this.cents;
  }

  /** For a PostgreSQL bigint column. */
  toBigInt(): bigint {
    return BigInt(this.cents);
  }

  /** Italian format: '€ 1.234,56', '-€ 12,00'. */
  format(): string {
    const abs = BigInt(Math.abs(this.cents));
    const euros = EURO_GROUPING.format(abs / 100n);
    return `${this.cents < 0 ? '-' : ''}€ ${euros},${String(abs % 100n).padStart(2, '0')}`;
  }
}
