import { giornoInItalia, isIsoDate } from './iso-date';

describe('isIsoDate', () => {
  it('takes real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-9')).toBe(false);
    expect(isIsoDate(20240229)).toBe(false);
  });
});

describe('giornoInItalia', () => {
  it('is already tomorrow in Italy when UTC is still at 23:30 (winter, UTC+1)', () => {
    expect(giornoInItalia(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(giornoInItalia(new Date('2026-11-30T22:59:59Z'))).toBe('2026-11-30');
  });

  it('follows summer time (UTC+2)', () => {
    expect(giornoInItalia(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(giornoInItalia(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
  });

  it('crosses the year at local midnight', () => {
    expect(giornoInItalia(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
