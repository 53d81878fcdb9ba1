import { Money } from './money';

describe('Money', () => {
  it('parses Italian and dot formats into cents', () => {
    expect(Money.parseEuro('1.234,56').toCents()).toBe(123456);
    expect(Money.parseEuro('1234,5').toCents()).toBe(123450);
    expect(Money.parseEuro('1234.56').toCents()).toBe(123456);
    expect(Money.parseEuro('€ 12.150.207,42').toCents()).toBe(1215020742);
  });

  it('refuses fractional cents and non-integer cent amounts', () => {
    expect(() => Money.parseEuro('1,234')).toThrow(RangeError);
    expect(() => Money.ofCents(10.5)).toThrow(RangeError);
  });

  it('adds, subtracts, compares and formats', () => {
    const a = Money.parseEuro('6,57');
    expect(a.plus(Money.ofCents(3)).format()).toBe('€ 6,60');
    expect(a.minus(Money.ofCents(700)).isNegative()).toBe(true);
    expect(Money.ofCents(-1234567).format()).toBe('-€ 12.345,67');
    expect(a.compare(Money.ofCents(657))).toBe(0);
    expect(a.compare(Money.zero())).toBe(1);
  });
});
