import { cents, condizioneAlla, differenza, prodotto, somma } from './sql';

describe('money helpers of the ledger', () => {
  it('reads PostgreSQL bigints of cents exactly and refuses what is not an integer', () => {
    expect(cents('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(cents(null)).toBe(0);
    expect(() => cents('12.5')).toThrow(RangeError);
    expect(() => cents('9007199254740993')).toThrow(RangeError);
  });

  it('adds, subtracts and multiplies cents without floating point', () => {
    expect(somma(10, 20, 30)).toBe(60);
    expect(differenza(100, 250)).toBe(-150);
    expect(prodotto(34_120, 657)).toBe(22_416_840);
    expect(() => prodotto(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });

  it('turns "alla" into a condition on the ledger: a date is the end of that day in Italy', () => {
    expect(condizioneAlla('m.il', undefined, 3)).toEqual({ sql: 'TRUE', params: [] });
    expect(condizioneAlla('m.il', '2024-12-31', 2)).toEqual({
      sql: `m.il < ((($2)::date + 1)::timestamp AT TIME ZONE 'Europe/Rome')`,
      params: ['2024-12-31'],
    });
    expect(condizioneAlla('m.il', '2024-12-31T10:00:00Z', 1)).toEqual({
      sql: 'm.il <= ($1)::timestamptz',
      params: ['2024-12-31T10:00:00Z'],
    });
  });
});
