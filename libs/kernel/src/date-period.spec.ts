import { DatePeriod } from './date-period';
import { isIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it('accepts real calendar dates only, written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate('01/02/2025')).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});

describe('DatePeriod', () => {
  it('includes both ends and counts days inclusively, leap years and DST changes included', () => {
    const period = DatePeriod.of('2024-02-01', '2024-03-01');
    expect(period.contains('2024-01-31')).toBe(false);
    expect(period.contains('2024-02-01')).toBe(true);
    expect(period.contains('2024-03-01')).toBe(true);
    expect(period.contains('2024-03-02')).toBe(false);
    expect(period.days()).toBe(30);
    expect(DatePeriod.of('2025-03-01', '2025-03-31').days()).toBe(31); // DST starts on 30 March in Italy
    expect(DatePeriod.of('2025-01-01', '2025-12-31').days()).toBe(365);
  });

  it('allows a one-day period', () => {
    const day = DatePeriod.of('2025-06-15', '2025-06-15');
    expect(day.days()).toBe(1);
    expect(day.contains('2025-06-15')).toBe(true);
    expect(day.overlaps(DatePeriod.of('2025-06-15'))).toBe(true);
  });

  it('supports open-ended periods (undefined or null end)', () => {
    const open = DatePeriod.of('2025-01-01');
    expect(open.isOpenEnded).toBe(true);
    expect(open.days()).toBeUndefined();
    expect(open.contains('2099-12-31')).toBe(true);
    expect(open.contains('2024-12-31')).toBe(false);
    expect(DatePeriod.of('2025-01-01', null).equals(open)).toBe(true);
    expect(JSON.stringify(open)).toBe('{"from":"2025-01-01","to":null}');
  });

  it('overlaps when at least one day is shared, touching ends included', () => {
    const open = DatePeriod.of('2025-01-01');
    expect(open.overlaps(DatePeriod.of('2024-06-01', '2025-01-01'))).toBe(true);
    expect(open.overlaps(DatePeriod.of('2024-06-01', '2024-12-31'))).toBe(false);
    expect(DatePeriod.of('2024-06-01', '2024-12-31').overlaps(open)).toBe(false);
    expect(open.overlaps(DatePeriod.of('2030-01-01'))).toBe(true);
    const a = DatePeriod.of('2025-01-01', '2025-01-31');
    expect(a.overlaps(DatePeriod.of('2025-01-31', '2025-02-28'))).toBe(true);
    expect(a.overlaps(DatePeriod.of('2025-02-01', '2025-02-28'))).toBe(false);
    expect(a.overlaps(DatePeriod.of('2025-01-10', '2025-01-12'))).toBe(true); // contained
    expect(DatePeriod.of('2024-01-01', '2026-01-01').overlaps(a)).toBe(true); // containing
  });

  it('refuses impossible dates and reversed periods', () => {
    expect(() => DatePeriod.of('2025-02-30')).toThrow(RangeError);
    expect(() => DatePeriod.of('2025-01-01', '2025-02-30')).toThrow(RangeError);
    expect(() => DatePeriod.of('2025-03-01', '2025-02-28')).toThrow(/Periodo non valido/);
    expect(() => DatePeriod.of('2025-01-01').contains('2025-1-5')).toThrow(RangeError);
  });
});
