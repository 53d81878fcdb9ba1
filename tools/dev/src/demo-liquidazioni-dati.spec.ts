import { isIBAN } from 'class-validator';
import { cin, ibanDemo, meseIndietro, mesiDemo, piuGiorni } from './demo-liquidazioni-dati';

describe('months of the liquidazioni demo', () => {
  it('start two months before today’s month, across a year', () => {
    expect(mesiDemo('2026-12-01')).toEqual({
      decorrenza: '2026-10-01',
      pagato: '2026-10-01',
      scorso: '2026-11-01',
    });
    expect(mesiDemo('2027-01-31')).toEqual({
      decorrenza: '2026-11-01',
      pagato: '2026-11-01',
      scorso: '2026-12-01',
    });
    expect(meseIndietro('2027-02-15', 14)).toBe('2025-12-01');
  });

  it('count days across month ends', () => {
    expect(piuGiorni('2026-10-01', 14)).toBe('2026-10-15');
    expect(piuGiorni('2026-12-25', 10)).toBe('2027-01-04');
  });
});

describe('demo IBANs', () => {
  it('have the CIN of a real Italian IBAN', () => {
    // IT60 X054 2811 1010 0000 0123 456: the example IBAN of the Italian banks.
    expect(cin('0542811101000000123456')).toBe('X');
  });

  it('give back the real IBAN from its parts', () => {
    expect(ibanDemo(123456, '05428', '11101')).toBe('IT60X0542811101000000123456');
  });

  it('pass the check of the payees’ contract (ISO 13616), all different', () => {
    const iban = Array.from({ length: 300 }, (_, i) => ibanDemo(1000 + i));
    for (const i of iban) expect(isIBAN(i)).toBe(true);
    expect(new Set(iban).size).toBe(300);
  });
});
