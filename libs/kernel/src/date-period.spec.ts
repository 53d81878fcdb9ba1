import { DatePeriod } from './date-period';
import { isIsoDate } from './iso-date';

describe('DatePeriod', () => {
  it('includes both ends and counts days across a leap year', () => {
    const period = DatePeriod.of('2024-02-01', '2024-03-01');
    expect(period.contains('2024-02-01')).toBe(true);
    expect(period.contains('2024-03-01')).toBe(true);
    expect(period.contains('2024-03-02')).toBe(false);
    expect(period.days()).toBe(30);
  });

  it('supports open-ended periods and overlaps', () => {
    const open = DatePeriod.of('2025-01-01');
    expect(open.days()).toBeUndefined();
    expect(open.contains('2099-12-31')).toBe(true);
    expect(open.overlaps(DatePeriod.of('2024-06-01', '2025-01-01'))).toBe(true);
    expect(open.overlaps(DatePeriod.of('2024-06-01', '2024-12-31'))).toBe(false);
  });

  it('refuses impossible dates and reversed periods', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(() => DatePeriod.of('2025-02-30')).toThrow(RangeError);
    expect(() => DatePeriod.of('2025-03-01', '2025-02-01')).toThrow(RangeError);
  });
});
