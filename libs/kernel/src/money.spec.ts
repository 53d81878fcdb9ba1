import { Money } from './money';

const cents = (text: string): number => Money.parseEuro(text).toCents();

describe('Money', () => {
  it('parses Italian amounts', () => {
    expect(cents('1.234,56')).toBe(123456);
    expect(cents('1234,5')).toBe(123450);
    expect(cents('0,07')).toBe(7);
    expect(cents('€ 12.150.207,42')).toBe(1215020742);
    expect(cents('12.150.207')).toBe(1215020700);
    expect(cents('1.000.000')).toBe(100000000);
    expect(cents(' 250 € ')).toBe(25000);
  });

  it('parses dot-decimal amounts', () => {
    expect(cents('1234.56')).toBe(123456);
    expect(cents('1.5')).toBe(150);
    expect(cents('0.01')).toBe(1);
    expect(cents('1234')).toBe(123400);
  });

  it('parses negative amounts, including its own format', () => {
    expect(cents('-1.234,56')).toBe(-123456);
    expect(cents('€ -10,00')).toBe(-1000);
    expect(cents(Money.ofCents(-1234567).format())).toBe(-1234567);
    expect(Object.is(cents('-0,00'), 0)).toBe(true);
    expect(Object.is(Money.ofCents(-0).toCents(), 0)).toBe(true);
    expect(Object.is(Money.zero().negate().toCents(), 0)).toBe(true);
  });

  it('refuses fractional cents and ambiguous or malformed amounts', () => {
    for (const text of ['1,234', '0,001', '1234.567', '1.234']) {
      expect(() => Money.parseEuro(text)).toThrow(/al massimo due decimali/);
    }
    for (const text of [
      '',
      '€',
      'abc',
      '1,2,3',
      '1.234.56',
      '1,234.56',
      '12.34,56',
      '12,',
      '--1',
      '€ 1 €',
      '1e3',
      '1 000',
    ]) {
      expect(() => Money.parseEuro(text)).toThrow(RangeError);
    }
  });

  it('holds integer cents within the safe-integer range only', () => {
    expect(() => Money.ofCents(10.5)).toThrow(RangeError);
    expect(() => Money.ofCents(Number.NaN)).toThrow(RangeError);
    expect(() => Money.ofCents(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
    expect(() => Money.ofCents(2n ** 53n)).toThrow(RangeError);
    expect(() => Money.ofCents('12.50')).toThrow(RangeError);
    expect(Money.ofCents(BigInt(Number.MAX_SAFE_INTEGER)).toCents()).toBe(Number.MAX_SAFE_INTEGER);
    expect(Money.ofCents('-9007199254740991').toBigInt()).toBe(-9007199254740991n);
    expect(() => Money.parseEuro('90071992547409,92')).toThrow(RangeError);
    expect(Money.parseEuro('90071992547409,91').toCents()).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => Money.ofCents(Number.MAX_SAFE_INTEGER).plus(Money.ofCents(1))).toThrow(RangeError);
  });

  it('adds, subtracts and compares without touching the operands', () => {
    const a = Money.parseEuro('6,57');
    expect(a.plus(Money.ofCents(3)).toCents()).toBe(660);
    expect(a.toCents()).toBe(657);
    expect(a.minus(Money.ofCents(700)).isNegative()).toBe(true);
    expect(a.minus(a).isZero()).toBe(true);
    expect(a.minus(a).isNegative()).toBe(false);
    expect(a.negate().toCents()).toBe(-657);
    expect(a.compare(Money.ofCents(657))).toBe(0);
    expect(a.compare(Money.zero())).toBe(1);
    expect(Money.zero().compare(a)).toBe(-1);
    expect(a.equals(Money.ofCents('657'))).toBe(true);
    expect(Money.parseEuro('0.1').plus(Money.parseEuro('0.2')).equals(Money.parseEuro('0,30'))).toBe(true);
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('formats the Italian way', () => {
    expect(Money.ofCents(123456).format()).toBe('€ 1.234,56');
    expect(Money.ofCents(660).format()).toBe('€ 6,60');
    expect(Money.ofCents(5).format()).toBe('€ 0,05');
    expect(Money.zero().format()).toBe('€ 0,00');
    expect(Money.ofCents(100000000).format()).toBe('€ 1.000.000,00');
    expect(Money.ofCents(-1234567).format()).toBe('-€ 12.345,67');
    expect(Money.ofCents(Number.MAX_SAFE_INTEGER).format()).toBe('€ 90.071.992.547.409,91');
  });
});
