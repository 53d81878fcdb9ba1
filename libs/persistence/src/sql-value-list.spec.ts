import { sqlValueList } from './sql-value-list';

describe('sqlValueList', () => {
  it('quotes each value for an IN list, doubling quotes', () => {
    expect(sqlValueList(['aperto', 'chiuso'])).toBe(`'aperto', 'chiuso'`);
    expect(sqlValueList(["d'ufficio"])).toBe(`'d''ufficio'`);
  });
});
