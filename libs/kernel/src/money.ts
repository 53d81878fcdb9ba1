/**
 * An amount in integer euro cents. Floating point never touches money; a fractional cent is an error.
 */
export class Money {
  private constructor(private readonly cents: number) {}

  static ofCents(cents: number | bigint): Money {
    const value = Number(cents);
    if (!Number.isSafeInteger(value))
      throw new RangeError(`Importo non valido in centesimi: ${String(cents)}`);
    return new Money(value);
  }

  static zero(): Money {
    return new Money(0);
  }

  /** Parses '1.234,56', '1234,56' or '1234.56'; more than two decimals is refused. */
  static parseEuro(input: string): Money {
    const text = input.trim().replace(/^€\s*/, '');
    const match =
      /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:[,.](\d{1,2}))?$/.exec(text) ??
      /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) throw new RangeError(`Importo non valido: "${input}" (al massimo due decimali)`);
    const [, sign, integer, decimals = ''] = match;
    const cents = Number(integer.replace(/\./g, '')) * 100 + Number(decimals.padEnd(2, '0'));
    return Money.ofCents(sign ? -cents : cents);
  }

  plus(other: Money): Money {
    return Money.ofCents(this.cents + other.cents);
  }

  minus(other: Money): Money {
    return Money.ofCents(this.cents - other.cents);
  }

  isNegative(): boolean {
    return this.cents < 0;
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.cents === other.cents ? 0 : this.cents < other.cents ? -1 : 1;
  }

  toCents(): number {
    return this.cents;
  }

  /** '€ 1.234,56' */
  format(): string {
    const abs = Math.abs(this.cents);
    const integer = Math.floor(abs / 100)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return `${this.cents < 0 ? '-' : ''}€ ${integer},${String(abs % 100).padStart(2, '0')}`;
  }
}
