import { applicaVariante } from './variante';

describe('applicaVariante', () => {
  it('merges objects field by field and replaces lists and values whole', () => {
    const base = {
      isee: { correnteMesiValidita: 6, correnteSostituisce: true },
      strumenti: [{ a: 1 }, { a: 2 }],
      x: 1,
    };
    expect(applicaVariante(base, { isee: { correnteMesiValidita: 3 }, strumenti: [{ a: 9 }] })).toEqual({
      isee: { correnteMesiValidita: 3, correnteSostituisce: true },
      strumenti: [{ a: 9 }],
      x: 1,
    });
    // the base is not changed
    expect(base.isee.correnteMesiValidita).toBe(6);
    expect(applicaVariante(base, { dopoDiNoi: null })).toMatchObject({ dopoDiNoi: null, x: 1 });
  });
});
